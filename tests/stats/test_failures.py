"""Storage failures never break a page: the box shows the last numbers or "–", logged once."""

import logging
import threading

import pytest
from django.db import connection, transaction
from django.template import Context, Template
from django.test import Client

from stats import services
from stats.models import DailyVisits, OnlineVisitor, VisitTotal

from .conftest import box, counts, read

TABLES = [model._meta.db_table for model in (DailyVisits, OnlineVisitor, VisitTotal)]


def _rename(suffix_from: str, suffix_to: str) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"ALTER TABLE {quote(table + suffix_from)} RENAME TO {quote(table + suffix_to)}"
            )


@pytest.fixture
def tables_gone():
    """The counter's tables disappear (inside the test's transaction, rolled back after)."""
    _rename("", "_gone")
    yield lambda: _rename("_gone", "")


def _warnings(caplog):
    return [r for r in caplog.records if r.name == "stats" and r.levelno == logging.WARNING]


@pytest.mark.django_db
def test_page_renders_with_dashes_and_failure_is_logged_once(
    client, clock, settings, caplog, tables_gone
):
    settings.STATS_RETRY_SECONDS = 0  # try the storage on every request, to prove one log line
    caplog.set_level(logging.INFO, logger="stats")
    for _ in range(3):
        response = read(client)
        assert response.status_code == 200
        assert box(response) == {"online": "–", "today": "–", "total": "–"}
        assert "uv" not in response.cookies  # the visit is counted once storage is back
    assert len(_warnings(caplog)) == 1
    assert "database unavailable" in _warnings(caplog)[0].getMessage()

    tables_gone()  # the database is back
    read(client)
    assert box(read(client)) == {"online": "1", "today": "1", "total": "1"}
    assert "Visitor counter: database available again" in caplog.messages
    assert len(_warnings(caplog)) == 1


@pytest.mark.django_db
def test_box_keeps_last_known_numbers_while_storage_fails(client, clock, settings, tables_gone):
    settings.STATS_RETRY_SECONDS = 0
    tables_gone()
    services.set_baseline(baseline=1_244_377)
    read(client)
    assert box(read(client)) == {"online": "1", "today": "1", "total": "1.244.378"}
    _rename("", "_gone")
    assert box(read(Client())) == {"online": "1", "today": "1", "total": "1.244.378"}


@pytest.mark.django_db
def test_box_reads_database_when_cache_is_down(clock, settings, caplog):
    settings.STATS_CACHE_SECONDS = 5
    settings.CACHES = {
        "default": {
            "BACKEND": "unionsite.cache.ResilientRedisCache",  # the production setting
            "LOCATION": "redis://127.0.0.1:8309/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    services.record_visit(visitor_id="reader", now=clock.now, starts_visit=True)
    template = Template("{% load stats_tags %}{% visitor_box %}")
    for _ in range(2):
        assert '<span data-stat="today">1</span>' in template.render(Context())
    assert ["Redis cache unavailable" in m for m in caplog.messages].count(True) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_lock_timeout_still_renders_page(client, clock, settings, caplog):
    settings.STATS_LOCK_TIMEOUT_MS = 100
    settings.STATS_RETRY_SECONDS = 0
    read(Client())
    locked, release = threading.Event(), threading.Event()

    def hold_todays_row():
        try:
            with transaction.atomic():
                list(DailyVisits.objects.select_for_update())
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_todays_row)
    holder.start()
    try:
        assert locked.wait(10)
        response = read(client)
        assert response.status_code == 200
        assert box(response) == {"online": "1", "today": "1", "total": "1"}
        assert "uv" not in response.cookies
    finally:
        release.set()
        holder.join()
    assert counts()["total_visits"] == 1
    assert len(_warnings(caplog)) == 1
    assert "OperationalError" in _warnings(caplog)[0].getMessage()

    read(client)  # the lock is gone: this visit is counted now
    assert counts()["total_visits"] == 2


@pytest.mark.django_db
def test_page_counts_and_shows_numbers_with_redis_down(client, clock, settings):
    settings.STATS_CACHE_SECONDS = 5
    settings.CACHES = {
        "default": {
            "BACKEND": "unionsite.cache.ResilientRedisCache",  # the production setting
            "LOCATION": "redis://127.0.0.1:8309/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    first = read(client)
    assert first.status_code == 200
    assert "uv" in first.cookies
    assert box(read(Client())) == {"online": "1", "today": "1", "total": "1"}
