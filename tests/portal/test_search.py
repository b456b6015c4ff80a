"""/tim-kiem/: articles, pages and unions/congresses, grouped, matched words highlighted."""

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from news.models import Article

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    cache.clear()


def search(client, q, **params):
    response = client.get("/tim-kiem/", {"q": q, **params}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response


def group(response, key) -> list[str]:
    """Titles (tags stripped) listed under one kind's heading, in order."""
    section = re.search(
        rf'<section class="search-group" aria-labelledby="search-{key}">(.*?)</section>',
        response.text,
        re.S,
    )
    if not section:
        return []
    found = re.findall(
        r'class="(?:search-hit__title|card__title)"[^>]*>(.*?)</(?:a|h3)>', section.group(1), re.S
    )
    return [re.sub(r"<[^>]+>", "", title).strip() for title in found]


def test_union_names_are_found_without_diacritics_and_link_to_their_congress(client, demo):
    response = search(client, "xuan lap")
    assert group(response, "unions") == [
        "Công ty TNHH May Xuân Lập",
        "Trường Mầm non Xuân Lập",
        "Trường Tiểu học Xuân Lập",
    ]
    assert "<mark>Xuân</mark> <mark>Lập</mark>" in response.text
    link = re.search(r'href="(/dai-hoi/tho-xuan/\d+/)">Trường Tiểu học', response.text).group(1)
    assert "Đại hội" in client.get(link).text


def test_federation_found_by_name_or_code(client, demo):
    assert "Liên đoàn Lao động huyện Thọ Xuân" in group(search(client, "tho xuan"), "unions")
    assert group(search(client, "THOXUAN"), "unions") == ["Liên đoàn Lao động huyện Thọ Xuân"]


def test_pages_are_a_kind_of_their_own(client, demo):
    response = search(client, "37 dai lo le loi")
    assert group(response, "pages") == ["Liên hệ"]
    assert (
        "<mark>37</mark> - <mark>Đại</mark> <mark>lộ</mark> <mark>Lê</mark> <mark>Lợi</mark>"
        in response.text
    )


def test_article_titles_are_highlighted_in_the_list(client, demo):
    response = search(client, "lam son")
    titles = group(response, "articles")
    assert "Công đoàn cơ sở Thị trấn Lam Sơn tổ chức thành công đại hội" in titles
    assert "Thị trấn <mark>Lam</mark> <mark>Sơn</mark> tổ chức" in response.text
    # The kinds come in a fixed order: articles, pages, unions and congresses.
    assert response.text.index('id="search-articles"') < response.text.index('id="search-unions"')


def test_highlighting_escapes_what_it_marks(client, db):
    Article.objects.create(
        title='Tin <b>"đại hội"</b> & lễ',
        body="<p>Nội dung.</p>",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() - timedelta(hours=1),
    )
    response = search(client, "dai hoi")
    assert (
        "Tin &lt;b&gt;&quot;<mark>đại</mark> <mark>hội</mark>&quot;&lt;/b&gt; &amp; lễ"
        in response.text
    )
    assert "<b>" not in response.text.split('id="search-articles"')[1]


def test_nothing_found_offers_shorter_queries_and_the_newest_articles(client, demo):
    response = search(client, "Đại hội khongcotu")
    html = response.text
    assert "Không tìm thấy kết quả cho “Đại hội khongcotu”" in html
    assert "Đã tìm các từ “dai hoi khongcotu”" in html
    assert '<a href="?q=dai+hoi">dai hoi</a>' in html
    newest = list(Article.objects.published().values_list("title", flat=True)[:5])
    assert group(response, "newest") == newest


def test_control_characters_are_stripped_from_the_query(client, demo):
    response = search(client, "\x00tho\x07 xuan\x1b")
    assert (
        "\x00" not in response.text and "\x07" not in response.text and "\x1b" not in response.text
    )
    assert 'value="tho xuan"' in response.text
    assert "Liên đoàn Lao động huyện Thọ Xuân" in group(response, "unions")


def test_search_page_query_count(client, demo, django_assert_max_num_queries):
    search(client, "tho xuan")  # the chrome and the page index are cached from here on
    # Articles (rows and total in one), the unions with their congress, the current term,
    # the most-read sidebar; pages come from the cache.
    with django_assert_max_num_queries(6):
        search(client, "dai hoi")
