"""The counter's definitions and tunables in one place (see docs/stats.md)."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

# "Hôm nay" is the calendar day in Vietnam, whatever TIME_ZONE the server runs with.
DAY_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# A visit ends after this long without a counted request.
VISIT_GAP = timedelta(minutes=30)
# "Đang online": a counted request within this window.
ONLINE_WINDOW = timedelta(minutes=5)
# Presence is written at most this often per visitor; between writes a request writes nothing.
PRESENCE_REFRESH = timedelta(seconds=60)

COOKIE_SALT = "stats.visitor"


def cookie_name() -> str:
    return getattr(settings, "STATS_COOKIE_NAME", "uv")


def cache_seconds() -> int:
    """How long the box's three numbers are cached (0 = read the database on every page)."""
    return getattr(settings, "STATS_CACHE_SECONDS", 5)


def lock_timeout_ms() -> int:
    """PostgreSQL lock_timeout for the counter's writes: a stuck lock must not hold a page."""
    return getattr(settings, "STATS_LOCK_TIMEOUT_MS", 500)


def retry_seconds() -> float:
    """After a storage failure, skip the storage for this long (per process) and show old numbers."""
    return getattr(settings, "STATS_RETRY_SECONDS", 5)
