from datetime import timedelta
from xml.etree import ElementTree  # noqa: S405 - parses our own output

import pytest

from .conftest import make_article

SITE = "https://congdoanthanhhoa.vn"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def xml(response):
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own output


def test_site_feed_is_rss_with_newest_articles_first(client, category):
    make_article("Bài cũ", summary="Sa-pô cũ", ago=timedelta(days=2), categories=[category])
    make_article("Bài mới", summary="Sa-pô mới", ago=timedelta(days=1))
    response = client.get("/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = xml(response).find("channel")
    assert channel.findtext("link") == f"{SITE}/"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Bài mới", "Bài cũ"]
    assert items[0].findtext("link") == f"{SITE}/tin-tuc/bai-moi/"
    assert items[0].findtext("description") == "Sa-pô mới"
    assert items[0].findtext("pubDate")


def test_category_feed_lists_only_that_category(client, category):
    make_article("Trong chuyên mục", categories=[category])
    make_article("Ngoài chuyên mục")
    channel = xml(client.get("/rss/tin-tuc-su-kien/")).find("channel")
    assert [i.findtext("title") for i in channel.findall("item")] == ["Trong chuyên mục"]
    assert channel.findtext("link") == f"{SITE}/chuyen-muc/tin-tuc-su-kien/"


def test_unknown_category_feed_is_404(client, db):
    assert client.get("/rss/khong-co/").status_code == 404


def test_sitemap_lists_home_articles_categories_and_pages(client, category, contact_page):
    make_article("Tin một")
    root = xml(client.get("/sitemap.xml"))
    locs = {loc.text for loc in root.findall("s:url/s:loc", NS)}
    assert locs == {
        f"{SITE}/",
        f"{SITE}/trang/so-do-trang/",
        f"{SITE}/tin-tuc/tin-mot/",
        f"{SITE}/chuyen-muc/tin-tuc-su-kien/",
        f"{SITE}/trang/lien-he/",
        f"{SITE}/dai-hoi/",
        f"{SITE}/dai-hoi/dai-hoi-diem/",
        f"{SITE}/van-ban/",
    }


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.splitlines() == [
        "User-agent: *",
        "Disallow: /tim-kiem/",
        "Disallow: /ckeditor5/",
        "",
        f"Sitemap: {SITE}/sitemap.xml",
    ]
