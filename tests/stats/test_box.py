"""The box: Vietnamese number format, markup, and what it costs per page."""

import pytest
from django.template import Context, Template
from django.test import Client

from stats import services

from .conftest import box, read

BOX = Template("{% load stats_tags %}{% visitor_box %}")


@pytest.mark.django_db(transaction=True)
def test_box_costs_one_query_then_one_cache_hit(
    clock, settings, django_assert_max_num_queries, django_assert_num_queries
):
    # Outside a test transaction, as in a real request (no savepoint statements).
    settings.STATS_CACHE_SECONDS = 5
    services.record_visit(visitor_id="reader", now=clock.now, starts_visit=True)
    with django_assert_max_num_queries(1):
        first = BOX.render(Context())
    with django_assert_num_queries(0):
        second = BOX.render(Context())
    assert '<span data-stat="online">1</span>' in first
    assert first == second


@pytest.mark.django_db
def test_cached_numbers_stay_until_the_cache_expires(clock, settings):
    settings.STATS_CACHE_SECONDS = 5
    assert box(read(Client())) == {"online": "0", "today": "0", "total": "0"}
    read(Client())  # a visit; the box keeps its numbers for at most 5 seconds
    assert box(read(Client()))["today"] == "0"  # the third visit is written after this page
    settings.STATS_CACHE_SECONDS = 0
    assert box(read(Client()))["today"] == "3"


@pytest.mark.django_db
def test_box_markup_and_vietnamese_grouping(clock):
    services.set_baseline(baseline=1_244_377)
    for visitor in range(3):
        services.record_visit(visitor_id=f"v{visitor}", now=clock.now, starts_visit=True)
    html = BOX.render(Context())
    assert '<h2 id="visitor-box-title" class="widget__title">Thống kê truy cập</h2>' in html
    assert '<span data-stat="online">3</span>' in html
    assert '<span data-stat="today">3</span>' in html
    assert '<span data-stat="total">1.244.380</span>' in html


@pytest.mark.django_db
def test_stats_page_explains_the_cookie(client):
    response = read(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Thống kê truy cập</h1>" in html
    assert "Cookie hết hạn sau 30 phút không dùng" in html
    assert " style=" not in html and "<style" not in html
