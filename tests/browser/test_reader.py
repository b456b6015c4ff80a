"""A reader's journey in Chromium: news, search without diacritics, the congress pages.

Also walks every reader page at phone and desktop width: screenshot, no sideways scrolling,
and no serious or critical axe-core violations.
"""

import pytest

from news.demo import THO_XUAN_SLUG, THO_XUAN_TITLE

from .conftest import PHONE, assert_no_page_errors, axe_violations, horizontal_overflow, shoot

pytestmark = pytest.mark.browser

ARTICLE = f"/tin-tuc/{THO_XUAN_SLUG}/"
READER_PAGES = {
    "home": "/",
    "category": "/chuyen-muc/tin-tuc-su-kien/",
    "article": ARTICLE,
    "search": "/tim-kiem/?q=dai+hoi+diem",
    "congresses": "/dai-hoi/",
    "district": "/dai-hoi/tho-xuan/",
    "model-congresses": "/dai-hoi/dai-hoi-diem/",
}


def test_reader_goes_from_news_to_a_model_congress(page, site_url):
    page.goto(site_url + "/")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    nav.get_by_role("link", name="Tin tức - Sự kiện").click()
    page.wait_for_url(site_url + "/chuyen-muc/tin-tuc-su-kien/")
    assert page.locator("h1").inner_text() == "Tin tức - Sự kiện"

    page.locator("#main").get_by_role("link", name=THO_XUAN_TITLE).first.click()
    page.wait_for_url(site_url + ARTICLE)
    assert page.locator("h1").inner_text() == THO_XUAN_TITLE
    article_url = "http%3A%2F%2F127.0.0.1%3A8000" + ARTICLE.replace("/", "%2F")
    share = page.get_by_label("Chia sẻ")
    assert share.get_by_role("link", name="Facebook").get_attribute("href") == (
        "https://www.facebook.com/sharer/sharer.php?u=" + article_url
    )
    assert share.get_by_role("link", name="Zalo").get_attribute("href") == (
        "https://sp.zalo.me/share_to_zalo?url=" + article_url
    )
    assert share.get_by_role("link", name="In bài").is_visible()

    # Typed the way many readers type on a phone: no Vietnamese marks at all.
    page.get_by_role("searchbox", name="Tìm kiếm").fill("dai hoi diem")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/tim-kiem/?q=dai+hoi+diem")
    assert page.locator("#main").get_by_role("link", name=THO_XUAN_TITLE).count() >= 1

    nav.get_by_role("link", name="Đại hội công đoàn").click()
    page.wait_for_url(site_url + "/dai-hoi/")
    page.locator("#main").get_by_role(
        "link", name="Liên đoàn Lao động huyện Thọ Xuân"
    ).first.click()
    page.wait_for_url(site_url + "/dai-hoi/tho-xuan/")
    assert page.locator("h1").inner_text() == "Liên đoàn Lao động huyện Thọ Xuân"
    assert page.locator('[data-figure="model"]').inner_text() == "3"

    page.locator("#main").get_by_role("link", name="Trường Tiểu học Xuân Lập").click()
    assert "Trường Tiểu học Xuân Lập" in page.locator("h1").inner_text()
    assert "Đại hội điểm" in page.locator(".congress-detail__lead").inner_text()
    assert page.get_by_text("Hoàn thành tốt").first.is_visible()
    assert_no_page_errors(page)


@pytest.mark.parametrize("name", list(READER_PAGES))
def test_reader_page_fits_a_phone_and_passes_axe(new_page, site_url, name):
    phone = new_page(PHONE)
    phone.goto(site_url + READER_PAGES[name])
    shoot(phone, name)
    assert horizontal_overflow(phone) == 0
    assert_no_page_errors(phone)

    desktop = new_page()
    desktop.goto(site_url + READER_PAGES[name])
    shoot(desktop, name)
    assert axe_violations(desktop) == []


# Every kind of reader page, for the one axe rule of "moderate" impact the pages are held to.
HEADED_PAGES = {
    **READER_PAGES,
    "tag": "/the/tho-xuan/",
    "documents": "/van-ban/",
    "albums": "/thu-vien-anh/",
    "videos": "/video/",
    "site-map": "/trang/so-do-trang/",
    "visitors": "/thong-ke/",
}


@pytest.mark.parametrize("name", list(HEADED_PAGES))
def test_reader_page_headings_go_down_one_level_at_a_time(page, site_url, name):
    response = page.goto(site_url + HEADED_PAGES[name])
    assert response.status == 200
    found = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    assert [line for line in found if line.startswith("heading-order")] == []


def test_article_prints_without_the_site_chrome(page, site_url):
    page.goto(site_url + ARTICLE)
    page.emulate_media(media="print")
    assert page.locator("h1").inner_text() == THO_XUAN_TITLE
    assert page.locator(".article-body").is_visible()
    for chrome in (".main-nav", ".slogan", ".text-size", ".layout__side", ".share", ".related"):
        assert not page.locator(chrome).first.is_visible(), chrome


def test_large_text_on_a_phone_still_fits_the_screen(new_page, site_url):
    page = new_page(PHONE)
    page.context.add_cookies([{"name": "co_chu", "value": "lon", "url": site_url}])
    overflowing = {}
    for name, path in READER_PAGES.items():
        page.goto(site_url + path)
        assert page.locator("html").get_attribute("class") == "text-lg"
        overflowing[name] = horizontal_overflow(page)
    shoot(page, "large-text")
    assert overflowing == dict.fromkeys(READER_PAGES, 0)
