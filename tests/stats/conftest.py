import re
from datetime import UTC, datetime, timedelta

import pytest

from stats import clock as stats_clock
from stats import health, selectors
from stats.models import DailyVisits, OnlineVisitor, VisitTotal

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
READER_PAGE = "/thong-ke/"

# 10:00 in Vietnam (UTC+7), a Tuesday.
START = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)


class Clock:
    def __init__(self, at: datetime):
        self.set(at)

    def set(self, at: datetime) -> None:
        self.now = at
        stats_clock.set_now(at)

    def advance(self, **delta) -> None:
        self.set(self.now + timedelta(**delta))


@pytest.fixture
def clock():
    yield Clock(START)
    stats_clock.set_now(None)


@pytest.fixture(autouse=True)
def _fresh_counter(settings):
    """Each test starts as a fresh process would, reading the numbers on every page."""
    settings.STATS_CACHE_SECONDS = 0
    health.reset()
    selectors.forget_last_known()
    yield
    health.reset()
    selectors.forget_last_known()


def box(response) -> dict[str, str]:
    """The visitor box's numbers as a reader sees them."""
    html = response.content.decode()
    assert "Thống kê truy cập" in html
    return dict(re.findall(r'<span data-stat="(online|today|total)">([^<]*)</span>', html))


def read(client, path=READER_PAGE, **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    return client.get(path, **headers)


def counts() -> dict:
    """What the database holds: visits per day, the running total and online rows."""
    return {
        "days": {row.day.isoformat(): row.visits for row in DailyVisits.objects.order_by("day")},
        "total_visits": VisitTotal.objects.filter(pk=1).values_list("visits", flat=True).first()
        or 0,
        "online_rows": OnlineVisitor.objects.count(),
    }
