from datetime import timedelta
from xml.etree import ElementTree  # noqa: S405 - parses our own output

import pytest

from tests.factories import make_article

from .conftest import sitemap_locations

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
    locs = sitemap_locations(client)
    assert len(locs) == len(set(locs))
    assert set(locs) == {
        f"{SITE}/",
        f"{SITE}/trang/so-do-trang/",
        f"{SITE}/tin-tuc/tin-mot/",
        f"{SITE}/chuyen-muc/tin-tuc-su-kien/",
        f"{SITE}/trang/lien-he/",
        f"{SITE}/dai-hoi/",
        f"{SITE}/dai-hoi/dai-hoi-diem/",
        f"{SITE}/van-ban/",
        f"{SITE}/thu-vien-anh/",
        f"{SITE}/video/",
        # questions: the section, its form and each field of the migration's list
        f"{SITE}/hoi-dap/",
        f"{SITE}/hoi-dap/gui-cau-hoi/",
        *(
            f"{SITE}/hoi-dap/linh-vuc/{slug}/"
            for slug in [
                "lao-dong-viec-lam",
                "tien-luong",
                "bao-hiem-xa-hoi",
                "an-toan-ve-sinh-lao-dong",
                "cong-doan",
                "khac",
            ]
        ),  # fmt: skip
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


def test_sitemap_is_an_index_of_pages_holding_every_article_once(client, db, monkeypatch):
    from news.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article(f"Tin số {i}", ago=timedelta(days=10 - i)) for i in range(5)]
    index = xml(client.get("/sitemap.xml"))
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert [p for p in parts if "articles" in p] == [
        f"{SITE}/sitemap-articles.xml",
        f"{SITE}/sitemap-articles.xml?p=2",
        f"{SITE}/sitemap-articles.xml?p=3",
    ]
    first = xml(client.get("/sitemap-articles.xml"))
    assert [loc.text for loc in first.findall("s:url/s:loc", NS)] == [
        f"{SITE}{a.get_absolute_url()}"
        for a in articles[:2]  # oldest first
    ]
    listed = [loc for loc in sitemap_locations(client) if "/tin-tuc/" in loc]
    assert sorted(listed) == sorted(f"{SITE}{a.get_absolute_url()}" for a in articles)
    assert client.get("/sitemap-articles.xml", {"p": "4"}).status_code == 404
    assert client.get("/sitemap-articles.xml", {"p": "abc"}).status_code == 404
    assert client.get("/sitemap-khong-co.xml").status_code == 404


def test_sitemap_files_are_rendered_once_per_content_version(client, db, django_assert_num_queries):
    make_article("Tin một")
    client.get("/sitemap.xml")
    client.get("/sitemap-articles.xml")
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").status_code == 200
        assert client.get("/sitemap-articles.xml").status_code == 200
    make_article("Tin hai")
    assert f"{SITE}/tin-tuc/tin-hai/" in client.get("/sitemap-articles.xml").text
