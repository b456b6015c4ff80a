import re

import pytest

from tests.factories import make_article

from .conftest import card_titles


@pytest.fixture
def many(category):
    # 14 articles = 2 pages of 12.
    return [make_article(f"Bài số {i:02d}", categories=[category]) for i in range(14)]


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/khong-ton-tai/",
        "/chuyen-muc/khong-ton-tai/",
        "/the/khong-ton-tai/",
        "/trang/khong-ton-tai/",
        "/rss/khong-ton-tai/",
        "/tin-tuc/<script>/",
    ],
)
def test_unknown_addresses_are_404(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["abc", "0", "-3", "", "1.5", "１"])
def test_garbage_page_numbers_show_the_first_page(client, many, page):
    response = client.get("/chuyen-muc/tin-tuc-su-kien/", {"page": page})
    assert response.status_code == 200
    assert card_titles(response)[0] == "Bài số 00"


@pytest.mark.parametrize("page", ["3", "99999", "9" * 5000])
def test_page_numbers_past_the_end_are_404(client, many, page):
    assert client.get("/chuyen-muc/tin-tuc-su-kien/", {"page": page}).status_code == 404


def test_second_page_shows_the_rest(client, many):
    response = client.get("/chuyen-muc/tin-tuc-su-kien/", {"page": "2"})
    assert card_titles(response) == ["Bài số 12", "Bài số 13"]
    assert 'href="?page=1"' in response.text


def test_search_pagination_keeps_the_query(client, many):
    response = client.get("/tim-kiem/", {"q": "bai so", "page": "2"})
    assert response.status_code == 200
    assert 'href="?q=bai+so&amp;page=1"' in response.text


@pytest.mark.parametrize("page", ["abc", "99999"])
def test_bad_page_on_tag_and_search_never_500(client, many, tag, page):
    assert client.get("/the/tho-xuan/", {"page": page}).status_code in (200, 404)
    assert client.get("/tim-kiem/", {"q": "bai", "page": page}).status_code in (200, 404)


def test_post_to_reader_pages_is_405(client, many):
    assert client.post("/chuyen-muc/tin-tuc-su-kien/").status_code in (403, 405)


def test_cached_list_links_do_not_carry_a_visitors_extra_parameters(client, many):
    client.get("/chuyen-muc/tin-tuc-su-kien/", {"page": "1", "utm_source": "evil"})
    html = client.get("/chuyen-muc/tin-tuc-su-kien/").text
    assert "utm_source" not in html
    assert 'href="?page=2"' in html


def test_search_page_links_carry_the_trimmed_query(client, many):
    response = client.get("/tim-kiem/", {"q": "bai so " * 100_000, "page": "2"})
    assert response.status_code == 200
    links = re.findall(r'href="(\?q=[^"]*page=1)"', response.text)
    assert links and all(len(link) < 260 for link in links)


def test_lists_offer_a_bounded_number_of_pages(client, db, monkeypatch):
    from news import selectors
    from news.models import Category

    monkeypatch.setattr(selectors, "MAX_LIST_PAGES", 2)
    category = Category.objects.create(name="Tin tức", slug="tin-tuc")
    for i in range(30):
        make_article(f"Bài {i}", categories=[category])
    first = client.get("/chuyen-muc/tin-tuc/")
    assert "24 bài viết mới nhất (bài cũ hơn: dùng ô tìm kiếm)" in first.text
    assert len(card_titles(client.get("/chuyen-muc/tin-tuc/", {"page": "2"}))) == 12
    assert client.get("/chuyen-muc/tin-tuc/", {"page": "3"}).status_code == 404
