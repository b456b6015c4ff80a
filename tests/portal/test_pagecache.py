"""The whole-page cache for anonymous readers: fast hits that stay exact where it matters."""

import re

import pytest
from django.test import Client

from news.models import Article
from tests.factories import make_article
from unionsite.views import TEXT_SIZE_COOKIE

pytestmark = pytest.mark.django_db

BROWSER = {"User-Agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile"}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 10
    settings.STATS_CACHE_SECONDS = 0  # the box reads the database on every render


def reader() -> Client:
    return Client(headers=BROWSER)


def stat(response, name: str) -> str:
    match = re.search(rf'data-stat="{name}">([^<]*)<', response.content.decode())
    assert match, f"no {name} in page"
    return match.group(1)


def test_second_anonymous_request_is_served_from_cache():
    article = make_article("Tin đầu tiên")
    client = reader()
    first = client.get("/")
    second = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert article.title in second.content.decode()
    # Same page, except for the freshly rendered visitor box.
    strip = re.compile(r"<!--visitor-box-->.*<!--/visitor-box-->", re.S)
    assert strip.sub("", second.content.decode()) == strip.sub("", first.content.decode())


def test_cache_hit_runs_no_sql_for_a_returning_reader(django_assert_num_queries, settings):
    settings.STATS_CACHE_SECONDS = 5
    make_article("Tin")
    client = reader()
    client.get("/")
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "hit"


def test_saved_edit_shows_on_the_next_request():
    article = make_article("Tiêu đề cũ")
    client = reader()
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    article.title = "Tiêu đề mới"
    article.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Tiêu đề mới" in response.content.decode()
    assert "Tiêu đề cũ" not in response.content.decode()


def test_visitor_box_is_rendered_fresh_on_every_hit():
    make_article("Tin")
    first = reader().get("/")  # stored while today's count was 0
    second = reader().get("/")  # a new visitor: the first one has been counted
    third = reader().get("/")
    assert second["X-Page-Cache"] == third["X-Page-Cache"] == "hit"
    assert (stat(first, "today"), stat(second, "today"), stat(third, "today")) == ("0", "1", "2")


def test_visits_are_counted_on_cache_hits():
    from stats.selectors import visitor_numbers

    make_article("Tin")
    for _ in range(5):
        reader().get("/")
    assert visitor_numbers()["today"] == 5


def test_first_view_of_an_article_is_counted_on_a_hit_and_cookies_are_not_shared():
    article = make_article("Bài được xem")
    url = article.get_absolute_url()
    alice, bob = reader(), reader()
    miss = alice.get(url)
    hit = bob.get(url)
    reload = bob.get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"], reload["X-Page-Cache"]) == (
        "miss",
        "hit",
        "hit",
    )
    assert Article.objects.get(pk=article.pk).view_count == 2
    # Bob got his own visitor and "seen" cookies, never a copy of Alice's.
    assert hit.cookies["uv"].value != miss.cookies["uv"].value
    assert "news_seen" in hit.cookies
    assert "news_seen" not in reload.cookies


def test_signed_in_staff_and_previews_bypass_the_cache(admin_client):
    article = make_article("Tin")
    admin_client.get("/")
    assert "X-Page-Cache" not in admin_client.get("/")
    anonymous = reader()
    anonymous.get(article.get_absolute_url() + "?preview=1")
    assert "X-Page-Cache" not in anonymous.get(article.get_absolute_url() + "?preview=1")


def test_errors_are_not_cached():
    client = reader()
    assert client.get("/tin-tuc/khong-co-bai-nay/").status_code == 404
    second = client.get("/tin-tuc/khong-co-bai-nay/")
    assert second.status_code == 404
    assert second["X-Page-Cache"] == "miss"


def test_text_size_readers_get_their_own_copy():
    make_article("Tin")
    normal = reader()
    large = reader()
    large.cookies[TEXT_SIZE_COOKIE] = "lon"
    normal.get("/")
    assert 'class="text-lg"' not in normal.get("/").content.decode()
    page = large.get("/")
    assert page["X-Page-Cache"] == "miss"
    assert "text-lg" in page.content.decode()


def test_page_cache_off_when_seconds_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    client = reader()
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def _congress_site():
    """The demo term, districts and congresses (congresses' public demo): /dai-hoi/ pages."""
    from congresses import demo
    from congresses.models import Congress

    demo.seed()
    return Congress.objects.filter(
        organisation__parent__slug="tho-xuan", status=Congress.Status.PLANNED
    ).first()


PAGES = {"news": ["/", "/tim-kiem/?q=tin"], "congresses": ["/dai-hoi/", "/dai-hoi/tho-xuan/"]}


def _cached_everywhere(client) -> dict[str, str]:
    """Request every page until cached; then the cache state each page answers with."""
    _states(client)
    return _states(client)


def test_saving_an_article_renews_news_pages_not_congress_pages():
    article = make_article("Tin cũ")
    _congress_site()
    client = reader()
    assert set(_cached_everywhere(client).values()) == {"hit"}
    article.title = "Tin mới"
    article.save()
    assert _states(client) == {**dict.fromkeys(PAGES["news"], "miss"),
                               **dict.fromkeys(PAGES["congresses"], "hit")}  # fmt: skip
    assert "Tin mới" in client.get("/").content.decode()


def test_saving_a_congress_renews_congress_pages_not_news_pages():
    make_article("Tin")
    congress = _congress_site()
    client = reader()
    _cached_everywhere(client)
    congress.status = congress.Status.HELD
    congress.held_on = congress.term.grassroots_deadline
    congress.save()
    assert _states(client) == {**dict.fromkeys(PAGES["news"], "hit"),
                               **dict.fromkeys(PAGES["congresses"], "miss")}  # fmt: skip


@pytest.mark.parametrize("what", ["category", "site profile"])
def test_saving_the_chrome_renews_every_page(what):
    from news.models import Category
    from unionsite.models import SiteProfile

    make_article("Tin")
    _congress_site()
    client = reader()
    _cached_everywhere(client)
    if what == "category":
        Category.objects.create(name="Chuyên mục mới")
    else:
        profile = SiteProfile.load()
        profile.slogan = "Khẩu hiệu mới"
        profile.save()
    assert set(_states(client).values()) == {"miss"}


def _states(client) -> dict[str, str]:
    return {url: client.get(url)["X-Page-Cache"] for url in [*PAGES["news"], *PAGES["congresses"]]}
