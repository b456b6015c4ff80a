import io

import pytest

from stats import demo
from stats.models import DailyVisits, VisitTotal

from .conftest import box, read

pytestmark = pytest.mark.django_db


def test_demo_shows_old_site_total_and_a_month_of_history(client, clock):
    demo.seed(stdout=io.StringIO())
    assert DailyVisits.objects.count() == 30
    total = VisitTotal.objects.get(pk=1)
    assert total.total == 1_244_377
    assert total.visits == sum(DailyVisits.objects.values_list("visits", flat=True))
    assert box(read(client))["total"] == "1.244.377"


def test_demo_twice_changes_nothing(clock):
    demo.seed()
    before = (list(DailyVisits.objects.values()), list(VisitTotal.objects.values()))
    out = io.StringIO()
    demo.seed(stdout=out)
    assert (list(DailyVisits.objects.values()), list(VisitTotal.objects.values())) == before
    assert "giữ nguyên" in out.getvalue()


def test_demo_keeps_a_baseline_set_in_the_admin(clock):
    VisitTotal.objects.filter(pk=1).update(baseline=5000)
    demo.seed()
    assert VisitTotal.objects.get(pk=1).baseline == 5000
    assert DailyVisits.objects.count() == 0
