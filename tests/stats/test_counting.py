"""The definitions: visit, online, today, total, and which requests count."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stats import services
from stats.models import DailyVisits, OnlineVisitor

from .conftest import BROWSER, READER_PAGE, box, counts, read

pytestmark = pytest.mark.django_db


def test_first_page_counts_a_visit_and_an_online_visitor(client, clock):
    first = read(client)
    assert first.status_code == 200
    assert first.cookies["uv"]["httponly"]
    assert first.cookies["uv"]["samesite"] == "Lax"
    # The box is rendered before the visit is written; the next page shows it.
    assert box(read(client)) == {"online": "1", "today": "1", "total": "1"}
    assert counts() == {"days": {"2026-03-10": 1}, "total_visits": 1, "online_rows": 1}


def test_repeat_request_inside_a_visit_writes_nothing(client, clock):
    read(client)
    clock.advance(seconds=30)
    with CaptureQueriesContext(connection) as queries:
        response = read(client)
    writes = [
        q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert response.status_code == 200
    assert writes == []
    assert "uv" not in response.cookies  # inside the minute nothing changes, not the cookie


def test_reader_paging_every_30_seconds_for_31_minutes_is_one_visit(client, clock):
    for _ in range(63):
        read(client)
        clock.advance(seconds=30)
    assert counts()["total_visits"] == 1
    assert counts()["online_rows"] == 1


def test_cookie_is_rewritten_once_a_minute_with_the_presence(client, clock):
    read(client)
    clock.advance(seconds=59)
    assert "uv" not in read(client).cookies
    clock.advance(seconds=1)
    assert "uv" in read(client).cookies


def test_visit_continues_while_gaps_stay_under_30_minutes(client, clock):
    for _ in range(4):
        read(client)
        clock.advance(minutes=29, seconds=59)
    assert counts()["total_visits"] == 1


def test_new_visit_after_30_minutes_without_a_counted_request(client, clock):
    read(client)
    clock.advance(minutes=30)
    read(client)
    assert counts()["days"] == {"2026-03-10": 2}


def test_uncounted_requests_do_not_extend_a_visit(client, clock):
    read(client)
    clock.advance(minutes=20)
    read(client, "/khong-co-trang-nay/")  # a 404: not counted, does not refresh the visit
    clock.advance(minutes=10)
    read(client)
    assert counts()["total_visits"] == 2


def test_two_browsers_are_two_visitors(clock):
    for browser in (Client(), Client()):
        read(browser)
        read(browser)
    assert box(read(Client())) == {"online": "2", "today": "2", "total": "2"}


def test_today_starts_at_midnight_in_vietnam(client, clock):
    clock.set(clock.now.replace(hour=16, minute=59))  # 23:59 in Vietnam
    read(client)
    clock.advance(minutes=2)  # 00:01 on 11 March in Vietnam, still 10 March in UTC
    late = Client()
    read(late)
    clock.advance(minutes=3)
    assert box(read(client)) == {"online": "2", "today": "1", "total": "2"}
    # The visit that began before midnight continues: it belongs to the day it started.
    assert counts()["days"] == {"2026-03-10": 1, "2026-03-11": 1}


def test_online_means_a_request_in_the_last_5_minutes(client, clock):
    read(client)
    other = Client()
    clock.advance(minutes=4, seconds=59)
    assert box(read(other))["online"] == "1"  # the other browser's own visit is written after
    clock.advance(seconds=2)  # 5:01 after the first browser's only request
    assert box(read(Client()))["online"] == "1"  # only the other browser now


def test_presence_refresh_keeps_a_reading_visitor_online(client, clock):
    for _ in range(6):
        read(client)
        clock.advance(minutes=2)
    # 12 minutes after arriving, last request 2 minutes ago: still online, one visit.
    assert box(read(Client())) == {"online": "1", "today": "1", "total": "1"}


def test_online_rows_are_deleted_after_the_window(client, clock):
    read(client)
    clock.advance(minutes=6)
    read(Client())
    assert counts()["online_rows"] == 1  # the first browser's id is gone from the server


def test_peak_online_is_kept_on_the_day(clock):
    browsers = [Client() for _ in range(3)]
    for browser in browsers:
        read(browser)
    clock.advance(minutes=31)
    read(browsers[0])  # a second visit, while the other two have left the online window
    day = DailyVisits.objects.get()
    assert (day.visits, day.peak_online) == (4, 3)


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        (
            "get",
            READER_PAGE,
            {"HTTP_USER_AGENT": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        ),
        ("get", READER_PAGE, {"HTTP_USER_AGENT": "facebookexternalhit/1.1"}),
        ("get", READER_PAGE, {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0)"}),
        ("get", READER_PAGE, {"HTTP_USER_AGENT": "curl/8.5.0"}),
        ("get", READER_PAGE, {"HTTP_USER_AGENT": "Mozilla/5.0 HeadlessChrome/131.0"}),
        ("get", READER_PAGE, {"HTTP_SEC_PURPOSE": "prefetch"}),
        ("get", READER_PAGE, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}),
        ("get", READER_PAGE, {"HTTP_PURPOSE": "prefetch"}),
        ("head", READER_PAGE, {}),
        ("post", READER_PAGE, {}),
        ("get", "/static/css/site.css", {}),
        ("get", "/khong-co-trang-nay/", {}),
        ("get", "/admin/login/", {}),
        ("get", "/rss/", {}),
        ("get", "/sitemap.xml", {}),
        ("get", "/robots.txt", {}),
    ],
)
def test_request_not_counted(client, clock, method, path, headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    getattr(client, method)(path, **headers)
    assert "uv" not in client.cookies
    assert counts() == {"days": {}, "total_visits": 0, "online_rows": 0}


def test_home_page_is_counted(client, clock):
    response = read(client, "/")
    assert response.status_code == 200
    assert counts()["total_visits"] == 1


def test_request_without_user_agent_is_not_counted(client, clock):
    # Every browser sends a user agent; scripts often send none (benchmarks send a browser's).
    client.get(READER_PAGE)
    client.get(READER_PAGE, HTTP_USER_AGENT="")
    assert "uv" not in client.cookies
    assert counts() == {"days": {}, "total_visits": 0, "online_rows": 0}


@pytest.mark.parametrize("cookie", ["garbage", "a.b.c:forged", "x" * 500, ""])
def test_forged_cookie_starts_a_fresh_visit(client, clock, cookie):
    client.cookies["uv"] = cookie
    response = read(client)
    assert response.status_code == 200
    assert counts()["total_visits"] == 1
    assert response.cookies["uv"].value != cookie


def test_new_visit_gets_a_new_id(client, clock):
    first_cookie = read(client).cookies["uv"].value
    clock.advance(minutes=31)
    second_cookie = read(client).cookies["uv"].value
    assert first_cookie.split(".")[0] != second_cookie.split(".")[0]


def test_total_is_baseline_plus_visits(client, clock):
    services.set_baseline(baseline=1_244_377)
    read(client)
    assert box(read(client)) == {"online": "1", "today": "1", "total": "1.244.378"}


def test_box_shows_zero_not_dash_before_any_visit(clock):
    assert box(read(Client(), "/khong-co-trang-nay/")) == {
        "online": "0",
        "today": "0",
        "total": "0",
    }


def test_record_visit_counts_through_the_service(clock):
    assert services.record_visit(visitor_id="abc", now=clock.now, starts_visit=True)
    assert services.record_visit(visitor_id="abc", now=clock.now, starts_visit=False)
    assert counts() == {"days": {"2026-03-10": 1}, "total_visits": 1, "online_rows": 1}


def test_prune_command_forgets_ids_on_a_quiet_site(clock):
    services.record_visit(visitor_id="left", now=clock.now, starts_visit=True)
    clock.advance(minutes=4)
    services.record_visit(visitor_id="reading", now=clock.now, starts_visit=True)
    clock.advance(minutes=2)
    call_command("prune_online_visitors", stdout=io.StringIO())
    assert list(OnlineVisitor.objects.values_list("visitor_id", flat=True)) == ["reading"]


def test_cookie_is_secure_when_session_cookie_is(clock, settings):
    settings.SESSION_COOKIE_SECURE = True
    assert read(Client()).cookies["uv"]["secure"]


def test_counter_switched_off_counts_nothing_but_box_still_shows(clock, settings):
    services.set_baseline(baseline=100)
    settings.STATS_COUNTER = False  # the benchmark's comparison run
    response = read(Client())
    assert "uv" not in response.cookies
    assert box(response) == {"online": "0", "today": "0", "total": "100"}
    assert counts()["total_visits"] == 0


def test_peak_counts_a_reader_back_after_the_online_window_but_not_each_refresh(clock):
    staying, leaving, returning = Client(), Client(), Client()
    for browser in (staying, leaving, returning):
        read(browser)
    assert DailyVisits.objects.get().peak_online == 3
    clock.advance(minutes=6)  # all three have left the online window
    read(staying)  # back inside the visit (no new visit), online again: 1
    read(Client())  # a newcomer: 2
    read(returning)  # back too: 3 online again
    read(leaving)  # and the last: 4 online, each counted as they came back
    clock.advance(minutes=1)
    read(staying)  # a presence refresh of a reader already online changes nothing
    day = DailyVisits.objects.get()
    assert (day.visits, day.peak_online) == (4, 4)


def test_presence_refreshes_do_not_count_the_online_table(clock):
    browser = Client()
    read(browser)
    # Rows the counter did not count itself: a refresh must not run the count to find them,
    # the next reader who comes online does.
    OnlineVisitor.objects.bulk_create(
        OnlineVisitor(visitor_id=f"other{i}", last_seen=clock.now) for i in range(5)
    )
    clock.advance(minutes=1)
    read(browser)
    assert DailyVisits.objects.get().peak_online == 1
    read(Client())
    assert DailyVisits.objects.get().peak_online == 7
