"""The visitor box in a real browser: a new reader counts once today, a reload does not."""

import re

import pytest

from .conftest import assert_no_page_errors

pytestmark = pytest.mark.browser

# Headless Chromium says "HeadlessChrome", which the counter rightly treats as a robot.
READER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)


def box_numbers(page) -> dict[str, int]:
    """The three numbers as a reader sees them ("1.244.377" → 1244377)."""
    box = page.get_by_role("region", name="Thống kê truy cập")
    numbers = {}
    for name in ("online", "today", "total"):
        text = box.locator(f'[data-stat="{name}"]').inner_text()
        assert re.fullmatch(r"\d{1,3}(\.\d{3})*", text), text
        numbers[name] = int(text.replace(".", ""))
    return numbers


def test_today_grows_by_one_for_a_new_reader_and_not_for_a_reload(new_page, site_url, settings):
    # The box is cached for a few seconds in production; read it fresh on every page here.
    settings.STATS_CACHE_SECONDS = 0
    first = new_page(user_agent=READER_AGENT)
    first.goto(site_url + "/")
    before = box_numbers(first)  # drawn before this visit is counted
    first.reload()
    counted = box_numbers(first)
    assert counted["today"] == before["today"] + 1
    assert counted["total"] == before["total"] + 1
    assert counted["online"] >= 1
    first.reload()
    first.goto(site_url + "/dai-hoi/")
    assert box_numbers(first)["today"] == counted["today"]

    second = new_page(user_agent=READER_AGENT)  # another browser: no cookies yet
    second.goto(site_url + "/")
    second.reload()
    assert box_numbers(second)["today"] == counted["today"] + 1
    assert box_numbers(second)["total"] == counted["total"] + 1
    assert_no_page_errors(first)
    assert_no_page_errors(second)
