"""The /dai-hoi/ figures as cards on a phone, the full table on a desktop; highlighted search."""

import pytest

from .conftest import PHONE, assert_no_page_errors, axe_violations, horizontal_overflow, shoot

pytestmark = pytest.mark.browser

CARD_LABELS = ["Tổng số CĐCS", "Phải tổ chức", "Đã tổ chức", "Quá hạn", "Tỷ lệ", "Tiến độ"]


def _labels_and_boxes(page, row):
    cells = page.locator(f"{row} td")
    labels = [
        cells.nth(i).evaluate("cell => getComputedStyle(cell, '::before').content.slice(1, -1)")
        for i in range(cells.count())
    ]
    return labels, [cells.nth(i).bounding_box() for i in range(cells.count())]


def test_each_district_is_a_card_on_a_phone(new_page, site_url):
    page = new_page(PHONE)
    page.goto(site_url + "/dai-hoi/")
    row = 'tr[data-federation="tho-xuan"]'
    card = page.locator(row).bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"]
    labels, boxes = _labels_and_boxes(page, row)
    assert labels == CARD_LABELS
    # Every figure of the card is on screen: nothing cut off, no sideways scrolling.
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] for box in boxes)
    assert page.locator(f"{row} meter").is_visible()
    assert not page.locator(".congress-cards thead").first.is_visible() or (
        page.locator(".congress-cards thead").first.bounding_box()["width"] <= 1
    )
    assert horizontal_overflow(page) == 0
    shoot(page, "congress-cards")

    page.goto(site_url + "/dai-hoi/tho-xuan/")
    union = page.locator(".congress-unions tbody tr").first
    assert union.evaluate("row => getComputedStyle(row).display") == "block"
    assert horizontal_overflow(page) == 0
    shoot(page, "district-cards")
    assert_no_page_errors(page)


def test_the_full_table_from_768_px_up(new_page, site_url):
    page = new_page({"width": 768, "height": 900})
    page.goto(site_url + "/dai-hoi/")
    assert (
        page.locator(".congress-cards thead").first.evaluate(
            "head => getComputedStyle(head).display"
        )
        == "table-header-group"
    )
    assert (
        page.locator('tr[data-federation="tho-xuan"]').evaluate(
            "row => getComputedStyle(row).display"
        )
        == "table-row"
    )
    shoot(page, "congress-table")


def test_search_highlights_matched_words_and_groups_kinds(new_page, site_url):
    page = new_page(PHONE)
    page.goto(site_url + "/")
    page.get_by_role("searchbox", name="Tìm kiếm").fill("xuan lap")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/tim-kiem/?q=xuan+lap")
    marks = page.locator("#main mark").all_inner_texts()
    assert marks and set(marks) == {"Xuân", "Lập"}
    unions = page.get_by_role("region", name="Công đoàn và đại hội (3)")
    unions.get_by_role("link", name="Trường Tiểu học Xuân Lập").click()
    assert "Trường Tiểu học Xuân Lập" in page.locator("h1").inner_text()
    breadcrumb = page.get_by_role("navigation", name="Vị trí")
    assert breadcrumb.get_by_role("link").all_inner_texts()[:2] == [
        "Trang chủ",
        "Đại hội công đoàn",
    ]
    page.go_back()
    shoot(page, "search-highlighted")
    assert horizontal_overflow(page) == 0
    assert axe_violations(page) == []
    assert_no_page_errors(page)
