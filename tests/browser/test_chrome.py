"""The site chrome in Chromium: layout at phone and desktop widths, keyboard use, text size."""

import pytest

from .conftest import (
    PHONE,
    assert_no_page_errors,
    axe_violations,
    horizontal_overflow,
    shoot,
)

pytestmark = pytest.mark.browser


def test_home_fits_a_phone_and_a_desktop(new_page, site_url):
    for viewport in (PHONE, None):
        page = new_page(viewport)
        page.goto(site_url + "/")
        # Shown in capitals by the stylesheet; Vietnamese capitals keep their marks.
        assert page.locator(".site-header__agency").inner_text() == (
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG THANH HÓA"
        )
        assert (
            page.locator(".slogan__text")
            .inner_text()
            .startswith("CÔNG NHÂN, VIÊN CHỨC, LAO ĐỘNG CHUNG SỨC")
        )
        assert page.locator("#visitor-box-title").text_content() == "Thống kê truy cập"
        assert page.locator(".site-footer").get_by_text("Số 37 - Đại lộ Lê Lợi").is_visible()
        shoot(page, "home")
        assert horizontal_overflow(page) == 0
        assert_no_page_errors(page)


def test_home_has_no_serious_accessibility_violations(page, site_url):
    page.goto(site_url + "/")
    assert axe_violations(page) == []


# Contrast of each sidebar block's title (and the link inside it) against the title's own
# background. axe leaves these "incomplete" (a link inside a coloured box), so it is measured
# here: a link once took the page's link blue on the title's blue and vanished.
TITLE_CONTRAST = """() => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  return [...document.querySelectorAll('.widget__title')].map(title => {
    const back = lum(rgb(getComputedStyle(title).backgroundColor));
    const text = title.querySelector('a') || title;
    const fore = lum(rgb(getComputedStyle(text).color));
    const ratio = (Math.max(back, fore) + 0.05) / (Math.min(back, fore) + 0.05);
    return [title.textContent.trim(), Math.round(ratio * 10) / 10];
  });
}"""


def test_every_sidebar_title_is_readable_on_its_background(page, site_url):
    page.goto(site_url + "/")
    titles = dict(page.evaluate(TITLE_CONTRAST))
    assert "Văn bản mới" in titles and "Thống kê truy cập" in titles
    assert {name: ratio for name, ratio in titles.items() if ratio < 4.5} == {}


def test_skip_link_appears_on_first_tab_and_jumps_to_content(page, site_url):
    page.goto(site_url + "/trang-khong-co/")  # the 404 page: links both before and in <main>
    shoot(page, "not-found")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0  # on screen, not parked above it
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Về trang chủ"


def test_keyboard_focus_is_visible(page, site_url):
    page.goto(site_url + "/")
    page.locator("#header-q").focus()
    page.keyboard.press("Tab")  # to the search button, focused by keyboard
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style == ["solid", "3px"]


def test_phone_menu_opens_and_is_followed_with_the_keyboard(new_page, site_url):
    page = new_page(PHONE)
    page.goto(site_url + "/")
    congress_link = page.locator(".main-nav__list").get_by_role("link", name="Đại hội công đoàn")
    assert not congress_link.is_visible()  # folded behind "Danh mục" on a phone
    page.locator(".main-nav__toggle").focus()
    page.keyboard.press("Enter")
    assert congress_link.is_visible()
    shoot(page, "menu-open")
    page.keyboard.press("Escape")
    assert not congress_link.is_visible()
    assert page.evaluate("document.activeElement.className") == "main-nav__toggle"
    page.keyboard.press("Enter")
    congress_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/dai-hoi/")
    assert page.locator("h1").first.inner_text().startswith("Đại hội công đoàn")


def test_phone_menu_without_javascript_shows_every_link(new_page, site_url):
    page = new_page(PHONE, java_script_enabled=False)
    page.goto(site_url + "/")
    nav = page.locator(".main-nav__list")
    assert nav.get_by_role("link", name="Trang chủ").is_visible()
    assert nav.get_by_role("link", name="Đại hội công đoàn").is_visible()
    assert horizontal_overflow(page) == 0


def test_text_size_changes_without_reload_and_is_remembered(page, site_url):
    page.goto(site_url + "/")
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.evaluate("window.stillHere = true")
    page.get_by_role("link", name="Chữ lớn").click()
    assert page.evaluate("window.stillHere") is True  # no reload
    assert page.evaluate("document.documentElement.className") == "text-lg"
    large = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert large > base
    assert page.get_by_role("link", name="Chữ lớn").get_attribute("aria-current") == "true"
    page.goto(site_url + "/dai-hoi/")
    assert page.evaluate("document.documentElement.className") == "text-lg"
    page.get_by_role("link", name="Chữ vừa").click()
    page.reload()
    assert page.evaluate("document.documentElement.className") == ""
    assert_no_page_errors(page)


def test_text_size_works_without_javascript(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/dai-hoi/")
    page.get_by_role("link", name="Chữ nhỏ").click()
    page.wait_for_url(site_url + "/dai-hoi/")
    assert page.locator("html").get_attribute("class") == "text-sm"
    assert page.get_by_role("link", name="Chữ nhỏ").get_attribute("aria-current") == "true"


def _fonts_drawing(page, selectors) -> dict:
    """{family: (glyphs, is web font)} that Chromium used to draw the elements' text."""
    page.evaluate("document.fonts.ready.then(() => true)")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    fonts = {}
    for selector in selectors:
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, selector
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            glyphs, _ = fonts.get(font["familyName"], (0, True))
            fonts[font["familyName"]] = (glyphs + font["glyphCount"], font["isCustomFont"])
    return fonts


def test_vietnamese_text_is_drawn_in_the_shipped_font_without_fallbacks(page, site_url):
    """Stacked marks (ệ, ở, ữ) come from the font the site ships (static/vendor/be-vietnam-pro),
    not from whatever the machine has installed: no tofu, no mix of families."""
    fetched = {}

    def note_font_file(response):
        if "/vendor/be-vietnam-pro/" in response.url:
            fetched[response.url.rsplit("/", 1)[-1]] = len(response.body())

    page.on("response", note_font_file)
    page.goto(site_url + "/")
    fonts = _fonts_drawing(page, (".site-header__name", ".slogan__text", ".site-footer__contact"))
    assert list(fonts) == ["Be Vietnam Pro"]
    assert fonts["Be Vietnam Pro"][1] is True  # a downloaded web font, not an installed one
    # What the first page view adds (README: "The font"): four woff2 subsets and their CSS.
    assert sorted(fetched) == [
        "be-vietnam-pro-latin-400-normal.woff2",
        "be-vietnam-pro-latin-700-normal.woff2",
        "be-vietnam-pro-vietnamese-400-normal.woff2",
        "be-vietnam-pro-vietnamese-700-normal.woff2",
        "be-vietnam-pro.css",
    ]
    assert sum(fetched.values()) < 70_000
    page.goto(site_url + "/tin-tuc/" + _first_article_slug(page, site_url) + "/")
    fonts = _fonts_drawing(page, ("h1", ".article-body"))
    assert {name: web for name, (_, web) in fonts.items()} == {"Be Vietnam Pro": True}


def _first_article_slug(page, site_url) -> str:
    page.goto(site_url + "/")
    href = page.locator("a[href^='/tin-tuc/']").first.get_attribute("href")
    return href.strip("/").split("/")[-1]
