"""Real-browser fixtures: one Chromium per session, a fresh context (cookies) and page per test.

Playwright drives Debian's /usr/bin/chromium (no ``playwright install``). The site runs in one
live server thread for the session (``site_server``), on the demo content seeded once.
"""

import importlib
import io
import json
import os
import re
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import setup_databases, teardown_databases

from tests.support import CHROMIUM

# Read at import, before pytest-django swaps in the test database's name.
REAL_DATABASE_NAME = settings.DATABASES["default"]["NAME"]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What the tests hold against a page: WCAG 2.0/2.1 A and AA rules plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(autouse=True)
def _sync_database_calls_beside_playwright(monkeypatch):
    # Playwright's sync API keeps an asyncio loop alive in this thread, so Django's guard
    # would refuse the database calls the tests make between browser steps. Nothing here
    # is async: the server runs in its own threads and each call finishes before the next.
    # Per test, not per session: a later test's subprocess must not inherit it (check --deploy
    # rightly reports it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser(site_server):
    # Depends on the server so it closes first: its keep-alive sockets hold server threads,
    # and each of those threads holds a database connection until its socket closes.
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if os.path.exists(CHROMIUM) else "chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Groups created by data migrations, by migration module: a transactional test elsewhere in
# the session may have flushed them (the flush keeps permissions, not groups).
MIGRATION_GROUPS = {
    "news.migrations.0002_editor_group": "news",
    "congresses.migrations.0002_district_staff_group": "congresses",
    "questions.migrations.0002_advisers_topics_departments": "questions",
}
# Migrations that declare several groups as GROUP_PERMISSIONS {group: {model: [action, ...]}}
# and add to groups made earlier (the workflow's roles, and what editors gained with them).
MIGRATION_GROUP_PERMISSIONS = {"news.migrations.0005_workflow_groups": "news"}


def restore_migration_groups() -> None:
    # The one Site row django.contrib.sites makes after migrate (redirects are keyed by it).
    Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": "example.com"})
    # The flush may have taken the permissions too (they are made again only after a
    # migrate): make them first, or a restored group would be empty.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for module_name, app_label in MIGRATION_GROUPS.items():
        module = importlib.import_module(module_name)
        name = getattr(module, "GROUP", None) or module.GROUP_NAME
        if Group.objects.filter(name=name).exists():
            continue
        wanted = module.PERMISSIONS
        if isinstance(wanted, dict):
            wanted = [
                f"{action}_{model}" for model, actions in wanted.items() for action in actions
            ]
        group = Group.objects.create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=wanted)
        )
    for module_name, app_label in MIGRATION_GROUP_PERMISSIONS.items():
        module = importlib.import_module(module_name)
        for name, models in module.GROUP_PERMISSIONS.items():
            group, _ = Group.objects.get_or_create(name=name)
            wanted = [
                f"{action}_{model}" for model, actions in models.items() for action in actions
            ]
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=wanted)
            )


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """One live server for the whole browser suite, on the demo content, seeded once.

    Not pytest-django's ``live_server``: that one flushes the database after every test, and
    seeding the demo content again each time would cost seconds per test. The journeys that
    write (editor, district staff, visitor box) compare before/after instead of counting on a
    pristine database.
    """
    from pytest_django.live_server_helper import LiveServer

    media_root = tmp_path_factory.mktemp("browser-media")
    media = override_settings(MEDIA_ROOT=media_root)
    media.enable()
    own_databases = None
    with django_db_blocker.unblock():
        if not on_test_database():
            # pytest-django sets up test databases only when some collected test asks for
            # `db`; these tests do not (see the docstring), so when they run alone, do it here.
            own_databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        assert on_test_database()  # never seed a real database
        restore_migration_groups()
        call_command("seed_demo", stdout=io.StringIO())
        server = LiveServer("localhost")
        close_own_connection()
    server.media_root = media_root
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=5)  # each closes its database connection as it ends
    if own_databases is not None:
        with django_db_blocker.unblock():
            teardown_databases(own_databases, verbosity=0)
    media.disable()


def close_own_connection() -> None:
    """Close this context's database connection (Django keeps one per asgiref context).

    Session fixtures and tests run in different contexts once Playwright is driving, so each
    holds its own connection; one left open would block dropping the test database.
    """
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        connection.close()  # the in-memory SQLite database lives only as long as it is open


def on_test_database() -> bool:
    return connection.settings_dict["NAME"] != REAL_DATABASE_NAME


@pytest.fixture
def site_url(site_server, django_db_blocker, settings):
    """The live server's base URL; the test and the server thread may use the database."""
    # The autouse fixture in tests/conftest.py points MEDIA_ROOT at an empty folder per test;
    # the seeded photos live in the session's folder.
    settings.MEDIA_ROOT = site_server.media_root
    with django_db_blocker.unblock():
        yield site_server.url
        close_own_connection()


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh browser context (its own cookies: a new visitor)."""
    contexts = []

    def open_page(viewport=None, **context_options):
        context = browser.new_context(
            viewport=viewport or DESKTOP, locale="vi-VN", **context_options
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        # Console errors, CSP violations and failed responses; assert_no_page_errors reads them.
        problems = []
        page.on(
            "console",
            lambda message: problems.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on(
            "response",
            lambda response: (
                problems.append(f"HTTP {response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        page.problems = problems
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def assert_no_page_errors(page, allow=()):
    """No JavaScript errors and no Content-Security-Policy violations on the page so far."""
    # Chromium's console line "Failed to load resource" names no address; every such failure
    # is also listed as "HTTP <status> <url>", except the browser's own /favicon.ico probe.
    allow = ("^Failed to load resource: the server responded with a status of 404", *allow)
    left = [text for text in page.problems if not any(re.search(a, text) for a in allow)]
    assert left == []


def shoot(page, name: str) -> Path:
    """Save a full-page screenshot as test-artifacts/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 = no sideways scrolling)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """Run axe-core in the page; one line per violation of the given impacts."""
    # Evaluated through the DevTools protocol, so the page's strict CSP does not block it.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] in impacts:
            targets = [json.dumps(node["target"]) for node in violation["nodes"][:5]]
            found.append(f"{violation['id']} ({violation['impact']}): {', '.join(targets)}")
    return found
