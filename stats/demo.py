"""Demo numbers: the old site's total and a month of history so the admin chart has bars."""

from datetime import timedelta

from django.db.models import F

from unionsite.text import vn_number

from . import clock
from .models import DailyVisits, VisitTotal
from .services import local_day

OLD_SITE_TOTAL = 1_244_377  # "Đã truy cập: 1244377" on the federation's current site
DEMO_DAYS = 30


def _demo_visits(offset: int) -> tuple[int, int]:
    """A plausible, repeatable week-shaped pattern (fewer readers at weekends)."""
    weekday_dip = 120 if offset % 7 in (1, 2) else 0
    visits = 330 + (offset * 37) % 90 - weekday_dip
    return visits, 8 + (offset * 5) % 11


def seed(*, stdout=None) -> None:
    """Set the baseline and add 30 days of history before today, once.

    The history's visits go into the running total and the baseline is lowered by the same
    amount, so the box shows the old site's 1.244.377 (plus real visits) and the total still
    equals baseline + the sum of the daily rows. Runs again without changing anything once a
    baseline is set.
    """
    total, _ = VisitTotal.objects.get_or_create(pk=1)
    if total.baseline:
        if stdout:
            stdout.write("Thống kê truy cập: đã có số liệu, giữ nguyên")
        return
    today = local_day(clock.now())
    rows = []
    for offset in range(1, DEMO_DAYS + 1):
        visits, peak = _demo_visits(offset)
        rows.append(
            DailyVisits(day=today - timedelta(days=offset), visits=visits, peak_online=peak)
        )
    existing = set(
        DailyVisits.objects.filter(day__in=[row.day for row in rows]).values_list("day", flat=True)
    )
    rows = [row for row in rows if row.day not in existing]
    DailyVisits.objects.bulk_create(rows)
    added = sum(row.visits for row in rows)
    VisitTotal.objects.filter(pk=1).update(
        baseline=OLD_SITE_TOTAL - added, visits=F("visits") + added
    )
    if stdout:
        stdout.write(
            f"Thống kê truy cập: mốc {vn_number(OLD_SITE_TOTAL)} lượt, {len(rows)} ngày lịch sử mẫu"
        )
