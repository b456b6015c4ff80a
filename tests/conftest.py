"""Shared test set-up.

Tests that need PostgreSQL, Redis or a browser carry a marker. On a laptop without those
they are skipped with a reason that ``-ra`` lists; in CI (REQUIRE_SERVICES=1) a missing
service fails the test instead, so nothing is silently skipped there.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.support import CHROMIUM

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def _missing(what: str):
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} (REQUIRE_SERVICES=1: CI must run this test)", pytrace=False)
    pytest.skip(what)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        _missing("needs PostgreSQL: set DATABASE_URL=postgres://…")
    if item.get_closest_marker("redis") and not settings.REDIS_URL:
        _missing("needs Redis: set REDIS_URL=redis://…")
    if item.get_closest_marker("browser") and not (
        os.path.exists(CHROMIUM) or shutil.which("chromium")
    ):
        _missing("needs Chromium: apt-get install chromium")


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Tests of views measure the views (queries, freshness); tests/portal/test_pagecache.py
    # turns the whole-page cache on where it is the subject.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
