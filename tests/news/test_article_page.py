import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from tests.factories import make_article, upload

SITE = "https://congdoanthanhhoa.vn"


class HeadParser(HTMLParser):
    """Collects <meta property|name=… content=…>, <link rel=canonical> and JSON-LD."""

    def __init__(self):
        super().__init__()
        self.meta, self.canonical, self.json_ld, self._in_ld = {}, None, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, attrs["content"])
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        self._in_ld = False if tag == "script" else self._in_ld

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))


@pytest.fixture
def article(db, category, other_category, tag, settings):
    settings.SITE_URL = SITE
    return make_article(
        "Đại hội điểm công đoàn cơ sở Thọ Xuân",
        summary="Đại hội Công đoàn các cấp là đợt sinh hoạt chính trị sâu rộng.",
        body="<p>Đoạn một.</p><h2>Giải pháp</h2><ul><li>Một là</li></ul>",
        byline="Doãn Giang",
        source="LĐLĐ huyện Thọ Xuân",
        cover=upload("hoi-truong.jpg", size=(1200, 800)),
        cover_caption="Một số hình ảnh Đại hội điểm CĐCS trên địa bàn huyện",
        cover_alt="Hội trường đại hội",
        categories=[category, other_category],
        tags=[tag],
    )


def parse(response) -> HeadParser:
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def test_article_page_shows_title_sapo_byline_caption_and_tags(client, article):
    html = client.get(article.get_absolute_url()).text
    assert '<h1 class="article__title">Đại hội điểm công đoàn cơ sở Thọ Xuân</h1>' in html
    assert (
        '<p class="article__summary">Đại hội Công đoàn các cấp là đợt sinh hoạt chính trị sâu rộng.</p>'
        in html
    )
    assert '<p class="article__byline">Doãn Giang</p>' in html
    assert "<figcaption>Một số hình ảnh Đại hội điểm CĐCS trên địa bàn huyện</figcaption>" in html
    assert (
        '<div class="article-body"><p>Đoạn một.</p><h2>Giải pháp</h2><ul><li>Một là</li></ul></div>'
        in html
    )
    assert '<a href="/the/tho-xuan/">Thọ Xuân</a>' in html
    assert 'href="/chuyen-muc/tin-tuc-su-kien/">Tin tức - Sự kiện</a>' in html
    assert "lượt xem" in html


def test_cover_rendition_has_size_and_alt(client, article):
    html = client.get(article.get_absolute_url()).text
    img = re.search(r'<figure class="article__cover">\s*<img ([^>]*)>', html).group(1)
    assert 'width="960" height="640"' in img
    assert 'alt="Hội trường đại hội"' in img
    assert re.search(r'src="/media/news/\d{4}/\d{2}/thumbs/[0-9a-f]{32}\.jpg\.960x0_q85\.jpg"', img)


def test_card_images_are_lazy_with_size_and_alt(client, article):
    html = client.get("/chuyen-muc/tin-tuc-su-kien/").text
    img = re.search(r'<img class="card__image" ([^>]*)>', html).group(1)
    assert 'width="480" height="300"' in img
    assert 'loading="lazy"' in img
    assert 'alt="Hội trường đại hội"' in img


def test_open_graph_and_twitter_tags(client, article):
    head = parse(client.get(article.get_absolute_url()))
    url = f"{SITE}/tin-tuc/dai-hoi-diem-cong-doan-co-so-tho-xuan/"
    assert head.canonical == url
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Đại hội điểm công đoàn cơ sở Thọ Xuân"
    assert (
        head.meta["og:description"]
        == "Đại hội Công đoàn các cấp là đợt sinh hoạt chính trị sâu rộng."
    )
    assert head.meta["og:url"] == url
    assert re.fullmatch(rf"{SITE}/media/news/.+\.960x0_q85\.jpg", head.meta["og:image"])
    assert head.meta["og:image:width"] == "960"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]


def test_json_ld_news_article(client, article):
    [data] = parse(client.get(article.get_absolute_url())).json_ld
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Đại hội điểm công đoàn cơ sở Thọ Xuân"
    assert data["author"] == {"@type": "Person", "name": "Doãn Giang"}
    assert data["mainEntityOfPage"] == f"{SITE}/tin-tuc/dai-hoi-diem-cong-doan-co-so-tho-xuan/"
    assert data["image"][0].startswith(f"{SITE}/media/")
    assert data["datePublished"] == article.publish_at.isoformat()
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Liên đoàn Lao động tỉnh Thanh Hóa",
    }


def test_json_ld_cannot_close_the_script_element(client, db, settings):
    article = make_article("</script><script>alert(1)</script>", summary="a & b <b>")
    html = client.get(article.get_absolute_url()).text
    block = html[html.index('<script type="application/ld+json">') :]
    block = block[: block.index("</script>")]
    assert "<script>alert" not in block
    assert "\\u003c/script\\u003e" in block


def test_share_links_for_facebook_and_zalo(client, article):
    html = client.get(article.get_absolute_url()).text
    encoded = (
        "https%3A%2F%2Fcongdoanthanhhoa.vn%2Ftin-tuc%2Fdai-hoi-diem-cong-doan-co-so-tho-xuan%2F"
    )
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"' in html
    assert f'href="https://sp.zalo.me/share_to_zalo?url={encoded}"' in html


def test_related_and_previous_next(client, article, category):
    older = make_article(
        "Bài cùng chuyên mục cũ hơn", categories=[category], ago=timedelta(days=30)
    )
    make_article("Bài chuyên mục khác", ago=timedelta(days=40))
    html = client.get(article.get_absolute_url()).text
    related = html[
        html.index('id="related-title"') : html.index(
            "</section>", html.index('id="related-title"')
        )
    ]
    assert "Bài cùng chuyên mục cũ hơn" in related
    assert "Bài chuyên mục khác" not in related
    assert f'rel="prev" href="{older.get_absolute_url()}"' in html


def test_print_stylesheet_is_linked(client, article):
    html = client.get(article.get_absolute_url()).text
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html


def test_previous_and_next_step_through_articles_published_at_the_same_moment(client, db):
    from django.utils import timezone

    from news.models import Article

    moment = timezone.now() - timedelta(hours=1)
    same = [make_article(f"Cùng giờ {i}") for i in range(3)]
    Article.objects.filter(pk__in=[a.pk for a in same]).update(publish_at=moment)
    before = make_article("Sớm hơn", ago=timedelta(hours=2))
    after = make_article("Muộn hơn", ago=timedelta(minutes=30))
    order = [before, *same, after]  # oldest first: same-moment articles go by id
    for i, article in enumerate(order):
        html = client.get(article.get_absolute_url()).text
        older = re.search(r'rel="prev" href="([^"]+)"', html)
        newer = re.search(r'rel="next" href="([^"]+)"', html)
        assert (older and older.group(1)) == (order[i - 1].get_absolute_url() if i else None)
        assert (newer and newer.group(1)) == (
            order[i + 1].get_absolute_url() if i + 1 < len(order) else None
        )
