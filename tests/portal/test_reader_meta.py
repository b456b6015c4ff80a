"""Every reader page: canonical, Open Graph and Twitter card; one breadcrumb; no echoed junk."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
PAGES = [
    "/",
    "/chuyen-muc/tin-tuc-su-kien/",
    "/the/tho-xuan/",
    "/dai-hoi/",
    "/dai-hoi/tho-xuan/",
    "/trang/gioi-thieu/",
    "/tim-kiem/?q=dai+hoi",
    "/thong-ke/",
]


@pytest.fixture
def demo(db, settings):
    settings.SITE_URL = "https://congdoanthanhhoa.vn"
    call_command("seed_demo", stdout=io.StringIO())
    cache.clear()


def get(client, path):
    response = client.get(path, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200, path
    return response.text


@pytest.mark.parametrize("path", PAGES)
def test_reader_page_has_canonical_open_graph_twitter_and_breadcrumb(client, demo, path):
    html = get(client, path)
    plain = path.split("?")[0]
    assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [
        "https://congdoanthanhhoa.vn" + plain
    ]
    assert f'<meta property="og:url" content="https://congdoanthanhhoa.vn{plain}">' in html
    assert re.search(
        r'<meta property="og:image" content="https://congdoanthanhhoa.vn/static/img/og-default[^"]*\.png">',
        html,
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    if path != "/":
        assert html.count('<nav class="breadcrumbs" aria-label="Vị trí">') == 1


def test_article_page_keeps_its_own_single_canonical(client, demo):
    from news.demo import THO_XUAN_SLUG

    html = get(client, f"/tin-tuc/{THO_XUAN_SLUG}/")
    assert html.count('rel="canonical"') == 1
    assert html.count('property="og:type"') == 1 and 'content="article"' in html


@pytest.mark.parametrize("junk", ["abc", "<b>2</b>", "0", "-3"])
def test_bad_page_parameter_is_page_one_and_never_echoed(client, demo, junk):
    html = client.get("/chuyen-muc/tin-tuc-su-kien/", {"page": junk}, HTTP_USER_AGENT=BROWSER).text
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith("Tin tức - Sự kiện — ") and "trang" not in title
    assert re.search(r"<h1>(.*?)</h1>", html).group(1) == "Tin tức - Sự kiện"


def test_home_first_image_is_eager_with_high_priority(client, demo):
    images = re.findall(r'<img class="card__image"[^>]*>', get(client, "/"))
    assert 'fetchpriority="high"' in images[0] and 'loading="lazy"' not in images[0]
    assert all('loading="lazy"' in img and "fetchpriority" not in img for img in images[1:])


def test_visitor_box_links_to_the_statistics_page(client, demo):
    assert '<a href="/thong-ke/">Cách đếm và số liệu theo ngày</a>' in get(client, "/")
