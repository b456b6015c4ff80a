"""Drafts and scheduled articles are invisible everywhere until publish_at; staff may preview."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User

from news.models import Article
from tests.factories import make_article

from .conftest import sitemap_locations

HIDDEN = ["Bản nháp bí mật", "Bài hẹn giờ ngày mai"]


@pytest.fixture
def articles(category, tag):
    visible = make_article(
        "Bài đã đăng công khai", categories=[category], tags=[tag], featured=True
    )
    make_article(HIDDEN[0], categories=[category], tags=[tag], status=Article.Status.DRAFT,
                 featured=True, view_count=999)  # fmt: skip
    make_article(HIDDEN[1], categories=[category], tags=[tag], ago=-timedelta(days=1),
                 featured=True, view_count=999)  # fmt: skip
    return visible


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/chuyen-muc/tin-tuc-su-kien/",
        "/the/tho-xuan/",
        "/tim-kiem/?q=bai",
        "/rss/",
        "/rss/tin-tuc-su-kien/",
        "/sitemap-articles.xml",
    ],
)
def test_hidden_articles_are_not_listed(client, articles, url):
    text = client.get(url).text
    assert "Bài đã đăng công khai" in text or "bai-da-dang-cong-khai" in text
    for title in HIDDEN:
        assert title not in text
    assert "ban-nhap-bi-mat" not in text
    assert "bai-hen-gio-ngay-mai" not in text


def test_most_read_lists_only_visible_articles(client, articles):
    # The hidden ones have 999 views each and would otherwise top the list.
    html = client.get("/").text
    box = html[html.index('id="most-read-title"') :]
    assert "Bài đã đăng công khai" in box
    assert not any(title in box for title in HIDDEN)


@pytest.mark.parametrize("slug", ["ban-nhap-bi-mat", "bai-hen-gio-ngay-mai"])
def test_hidden_article_page_is_404_for_readers(client, articles, slug):
    assert client.get(f"/tin-tuc/{slug}/").status_code == 404
    assert client.get(f"/tin-tuc/{slug}/?preview=1").status_code == 404


def test_hidden_article_preview_needs_staff(client, articles):
    client.force_login(User.objects.create_user("docgia", password="x-Strong-pass-1"))
    assert client.get("/tin-tuc/ban-nhap-bi-mat/?preview=1").status_code == 404


@pytest.mark.parametrize(
    ("slug", "banner"),
    [
        ("ban-nhap-bi-mat", "Bản xem trước: bài này là bản nháp"),
        ("bai-hen-gio-ngay-mai", "Bản xem trước: bài này được hẹn đăng lúc"),
    ],
)
def test_staff_can_preview_hidden_articles(editor_client, articles, slug, banner):
    response = editor_client.get(f"/tin-tuc/{slug}/?preview=1")
    assert response.status_code == 200
    assert banner in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_preview_is_not_counted_as_a_view(editor_client, articles):
    editor_client.get("/tin-tuc/ban-nhap-bi-mat/?preview=1", HTTP_USER_AGENT="Mozilla/5.0")
    assert Article.objects.get(slug="ban-nhap-bi-mat").view_count == 999


def test_previous_next_links_skip_hidden_articles(client, category):
    older = make_article("Bài cũ", ago=timedelta(days=3))
    make_article("Bản nháp ở giữa", ago=timedelta(days=2), status=Article.Status.DRAFT)
    current = make_article("Bài hiện tại", ago=timedelta(days=1))
    make_article("Bài hẹn giờ sau", ago=-timedelta(days=1))
    html = client.get(current.get_absolute_url()).text
    assert f'rel="prev" href="{older.get_absolute_url()}"' in html
    assert 'rel="next"' not in html
    assert "Bản nháp ở giữa" not in html and "Bài hẹn giờ sau" not in html


def test_sitemap_lists_exactly_the_visible_articles(client, articles, settings):
    settings.SITE_URL = "https://congdoanthanhhoa.vn"
    locs = sitemap_locations(client)
    article_locs = [loc for loc in locs if "/tin-tuc/" in loc]
    assert article_locs == ["https://congdoanthanhhoa.vn/tin-tuc/bai-da-dang-cong-khai/"]
