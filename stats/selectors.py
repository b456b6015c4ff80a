"""Reading the three numbers of the box: one cache hit, or one query every few seconds."""

import contextlib
from datetime import datetime

from django.core.cache import cache
from django.db import Error, connection, transaction

from . import clock, conf, health
from .models import DailyVisits, OnlineVisitor, VisitTotal
from .services import local_day

CACHE_KEY = "stats:numbers:v1"
UNKNOWN = {"online": None, "today": None, "total": None}

# Shown while the storage is failing. Process memory is fine here: it is only a display
# fallback, never a source of counts.
_last_known: dict[str, int | None] = dict(UNKNOWN)


def visitor_numbers(*, now: datetime | None = None) -> dict[str, int | None]:
    """``{"online", "today", "total"}`` for the box, at most ``STATS_CACHE_SECONDS`` old.

    Never raises on storage errors: it returns the last numbers it knew, or None for each
    number it never knew (the box shows "–").
    """
    seconds = conf.cache_seconds()
    # A Redis outage reads as a miss and a failed write as a no-op (unionsite/cache.py), so
    # the database answers while the cache is away.
    if seconds:
        cached = cache.get(CACHE_KEY)
        if cached is not None:
            return cached
    numbers = _read(now or clock.now())
    if numbers is None:
        return dict(_last_known)
    _last_known.update(numbers)
    if seconds:
        cache.set(CACHE_KEY, numbers, seconds)
    return numbers


def forget_last_known() -> None:
    _last_known.update(UNKNOWN)


def _read(now: datetime) -> dict[str, int] | None:
    if not health.database.available():
        return None
    ops = connection.ops
    online = ops.quote_name(OnlineVisitor._meta.db_table)
    daily = ops.quote_name(DailyVisits._meta.db_table)
    total = ops.quote_name(VisitTotal._meta.db_table)
    sql = (
        f"SELECT (SELECT COUNT(*) FROM {online} WHERE last_seen >= %s), "  # noqa: S608
        f"(SELECT visits FROM {daily} WHERE day = %s), "
        f"(SELECT baseline + visits FROM {total} WHERE id = 1)"
    )
    params = [
        ops.adapt_datetimefield_value(now - conf.ONLINE_WINDOW),
        ops.adapt_datefield_value(local_day(now)),
    ]
    # Inside a caller's transaction a failed query must not poison it: use a savepoint.
    # Outside one (a normal request) the query runs alone, with no extra statements.
    guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
    except Error as exc:
        health.database.failed(exc)
        return None
    health.database.succeeded()
    online_count, today, total_count = row
    return {"online": online_count or 0, "today": today or 0, "total": total_count or 0}
