"""History in the admin: table and SVG chart for 30 / 365 days, CSV export, the baseline."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission, User

from stats import services
from stats.models import DailyVisits, VisitTotal

pytestmark = pytest.mark.django_db

REPORT = "/admin/stats/dailyvisits/"
EXPORT = "/admin/stats/dailyvisits/xuat-csv/"


@pytest.fixture
def history(clock):
    DailyVisits.objects.bulk_create(
        [
            DailyVisits(day=date(2026, 3, 10), visits=345, peak_online=13),
            DailyVisits(day=date(2026, 3, 1), visits=1200, peak_online=40),
            DailyVisits(day=date(2025, 6, 1), visits=7, peak_online=2),  # within 365 days only
            DailyVisits(day=date(2024, 1, 1), visits=9, peak_online=1),  # kept, not shown
        ]
    )


def _table_rows(html):
    return re.findall(
        r'<tr><th scope="row">([\d/]+)</th><td>([\d.]+)</td><td>([\d.]+)</td></tr>', html
    )


def test_report_shows_last_30_days_as_table_and_chart(admin_client, history):
    response = admin_client.get(REPORT)
    html = response.content.decode()
    assert response.status_code == 200
    rows = _table_rows(html)
    assert len(rows) == 30
    assert rows[0] == ("10/03/2026", "345", "13")  # newest first
    assert ("01/03/2026", "1.200", "40") in rows
    assert rows[-1][0] == "09/02/2026"
    assert html.count("<rect ") == 30
    assert "<title>01/03/2026: 1.200 lượt, online cao nhất 40</title>" in html
    assert '<strong data-stat="period-visits">1.545</strong>' in html
    assert " style=" not in html.split('id="content-main"')[1]


def test_report_for_365_days(admin_client, history):
    html = admin_client.get(REPORT, {"ngay": "365"}).content.decode()
    rows = _table_rows(html)
    assert len(rows) == 365
    assert ("01/06/2025", "7", "2") in rows
    assert html.count("<rect ") == 365
    assert '<strong data-stat="period-visits">1.552</strong>' in html


@pytest.mark.parametrize("period", ["7", "abc", "-30", "3650"])
def test_report_rejects_other_periods(admin_client, history, period):
    assert admin_client.get(REPORT, {"ngay": period}).status_code == 400
    assert admin_client.get(EXPORT, {"ngay": period}).status_code == 400


def test_csv_export(admin_client, history):
    response = admin_client.get(EXPORT, {"ngay": "30"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "luot-truy-cap-2026-02-09-2026-03-10.csv" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Ngày,Lượt truy cập,Online cao nhất"
    assert len(lines) == 31
    assert lines[-1] == "2026-03-10,345,13"
    assert "2026-03-01,1200,40" in lines
    assert lines[1] == "2026-02-09,0,0"


def test_report_needs_view_permission(client, history):
    assert client.get(REPORT).status_code == 302  # to the admin login
    staff = User.objects.create_user("bientap", password="x-very-long-pass", is_staff=True)
    client.force_login(staff)
    assert client.get(REPORT).status_code == 403
    assert client.get(EXPORT).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_dailyvisits"))
    assert client.get(REPORT).status_code == 200
    assert client.get(EXPORT).status_code == 200


def test_history_cannot_be_added_or_deleted(admin_client, history):
    assert admin_client.get(REPORT + "add/").status_code == 403
    assert admin_client.get(REPORT + "2026-03-10/delete/").status_code == 403


def test_baseline_change_keeps_visits_counted_meanwhile(admin_client, clock):
    url = "/admin/stats/visittotal/1/change/"
    assert admin_client.get(url).status_code == 200
    # A visit is counted while the form is open; saving the baseline must not undo it.
    services.record_visit(visitor_id="reader", now=clock.now, starts_visit=True)
    response = admin_client.post(url, {"baseline": "1244377"})
    assert response.status_code == 302
    total = VisitTotal.objects.get(pk=1)
    assert (total.baseline, total.visits, total.total) == (1_244_377, 1, 1_244_378)
    assert admin_client.get("/admin/stats/visittotal/add/").status_code == 403
