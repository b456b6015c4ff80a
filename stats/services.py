"""Writes of the visitor counter. Every write is one short transaction of atomic SQL."""

from datetime import date, datetime

from django.db import Error, connection, transaction

from . import conf, health
from .models import DailyVisits, OnlineVisitor, VisitTotal


def local_day(moment: datetime) -> date:
    """The calendar day of ``moment`` in Vietnam."""
    return moment.astimezone(conf.DAY_ZONE).date()


def record_visit(
    *, visitor_id: str, now: datetime, starts_visit: bool, enters_online: bool | None = None
) -> bool:
    """Mark the visitor online at ``now`` and, if this request starts a visit, count it.

    Side effects, in one transaction: upserts the visitor's ``OnlineVisitor`` row; adds the
    visit to today's ``DailyVisits`` row and to ``VisitTotal`` (``INSERT … ON CONFLICT DO
    UPDATE SET visits = visits + 1``, never read-modify-write in Python); raises the day's
    ``peak_online`` when the visitor ``enters_online`` (a new visit, or back after the online
    window: only then can the number online rise, so the once-a-minute presence refreshes of
    readers already online do not count the online table); deletes online rows older than
    the online window. Returns False when the storage fails (logged once per outage); never
    raises a storage error.
    """
    if enters_online is None:
        enters_online = starts_visit
    if not health.database.available():
        return False
    try:
        _write(
            visitor_id=visitor_id,
            now=now,
            visits=1 if starts_visit else 0,
            recount_peak=enters_online,
        )
    except Error as exc:
        health.database.failed(exc)
        return False
    health.database.succeeded()
    return True


def _write(*, visitor_id: str, now: datetime, visits: int, recount_peak: bool) -> None:
    # Table names come from the models, never from input; every value is a parameter.
    ops = connection.ops
    online = ops.quote_name(OnlineVisitor._meta.db_table)
    daily = ops.quote_name(DailyVisits._meta.db_table)
    total = ops.quote_name(VisitTotal._meta.db_table)
    postgres = connection.vendor == "postgresql"
    day = ops.adapt_datefield_value(local_day(now))
    seen = ops.adapt_datetimefield_value(now)
    cutoff = ops.adapt_datetimefield_value(now - conf.ONLINE_WINDOW)

    statements: list[tuple[str, list]] = []
    if postgres:
        # A stuck lock fails the write instead of holding the page. synchronous_commit off:
        # the commit does not wait for the WAL flush (the slowest part of a visit's write);
        # a server crash may lose the last fraction of a second of visits, never corrupt them.
        statements.append(
            (
                "SELECT set_config('lock_timeout', %s, true), "
                "set_config('synchronous_commit', 'off', true)",
                [f"{conf.lock_timeout_ms()}ms"],
            )
        )
    statements.append(
        (
            f"INSERT INTO {online} (visitor_id, last_seen) VALUES (%s, %s) "  # noqa: S608
            "ON CONFLICT (visitor_id) DO UPDATE SET last_seen = EXCLUDED.last_seen",
            [visitor_id, seen],
        )
    )
    # Taking today's row lock here serialises the writers of one day, so the peak below
    # counts every online row committed before ours: the last writer sees them all.
    statements.append(
        (
            f"INSERT INTO {daily} (day, visits, peak_online) VALUES (%s, %s, 0) "  # noqa: S608
            f"ON CONFLICT (day) DO UPDATE SET visits = {daily}.visits + EXCLUDED.visits",
            [day, visits],
        )
    )
    if visits:
        statements.append(
            (
                f"INSERT INTO {total} (id, baseline, visits) VALUES (1, 0, %s) "  # noqa: S608
                f"ON CONFLICT (id) DO UPDATE SET visits = {total}.visits + EXCLUDED.visits",
                [visits],
            )
        )
    # Counted only when the number online may have risen, or on the day's first write (a
    # peak of 0 while this visitor is online). The WHERE is checked before the count runs.
    statements.append(
        (
            f"UPDATE {daily} SET peak_online = {'GREATEST' if postgres else 'MAX'}"  # noqa: S608
            f"(peak_online, (SELECT COUNT(*) FROM {online} WHERE last_seen >= %s)) "
            "WHERE day = %s AND (%s OR peak_online = 0)",
            [cutoff, day, recount_peak],
        )
    )
    # Forget ids that left the online window. SKIP LOCKED: a row another request is
    # refreshing right now is not waited for (that wait could deadlock on today's row).
    if postgres:
        statements.append(
            (
                f"DELETE FROM {online} WHERE visitor_id IN (SELECT visitor_id "  # noqa: S608
                f"FROM {online} WHERE last_seen < %s FOR UPDATE SKIP LOCKED)",
                [cutoff],
            )
        )
    else:
        statements.append((f"DELETE FROM {online} WHERE last_seen < %s", [cutoff]))  # noqa: S608

    with transaction.atomic(), connection.cursor() as cursor:
        if postgres:
            # One round trip: psycopg2 sends the statements together; PostgreSQL still runs
            # them one after another, each with its own snapshot (READ COMMITTED).
            cursor.execute(
                ";\n".join(sql for sql, _ in statements),
                [param for _, params in statements for param in params],
            )
        else:
            for sql, params in statements:
                cursor.execute(sql, params)


def prune_online(*, now: datetime) -> int:
    """Delete online rows older than the window (for a quiet site, from cron). Returns count."""
    deleted, _ = OnlineVisitor.objects.filter(last_seen__lt=now - conf.ONLINE_WINDOW).delete()
    return deleted


def set_baseline(*, baseline: int) -> None:
    """Set the visits carried over from the old site, leaving the running count untouched."""
    updated = VisitTotal.objects.filter(pk=1).update(baseline=baseline)
    if not updated:
        VisitTotal.objects.create(pk=1, baseline=baseline)
