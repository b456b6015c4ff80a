"""Every reader page of the demo site keeps to the strict policy it is sent with.

The browser would block an inline script or style, a foreign image or a cross-origin form;
this checks the rendered HTML so such a regression fails here, not silently in a browser.
"""

import re

import pytest
from django.core.management import call_command

from tests.security.checks import Tags, executable_parts, parse_csp

pytestmark = pytest.mark.django_db


def same_origin(url: str) -> bool:
    # Relative ("/static/…", "#list", "?page=2") is same-origin; a scheme or "//" is not.
    return bool(url) and not url.startswith("//") and not re.match(r"[a-zA-Z][\w+.-]*:", url)


@pytest.fixture
def reader_pages(client):
    call_command("seed_demo")

    def locations(path):
        xml = client.get(path).content.decode()
        return {
            re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)
        }

    # The sitemap index lists the sitemap files; they list the pages.
    paths = {page for part in locations("/sitemap.xml") for page in locations(part)}
    paths |= {"/", "/tim-kiem/?q=đại hội", "/dai-hoi/", "/dai-hoi/dai-hoi-diem/", "/khong-co/"}
    return sorted(paths)


def test_reader_pages_need_nothing_the_policy_forbids(client, reader_pages):
    assert len(reader_pages) >= 15
    for path in reader_pages:
        response = client.get(path)
        assert response.status_code in {200, 404}, path
        policy = parse_csp(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], path
        html = response.content.decode()
        assert executable_parts(html) == [], path
        tags = Tags(html)
        for tag, attrs in tags.tags:
            if tag == "img":
                assert same_origin(attrs.get("src", "")), (path, attrs)
            if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
                assert same_origin(attrs["href"]), (path, attrs)
            if tag == "form":
                assert same_origin(attrs.get("action", "/") or "/"), (path, attrs)
            if tag in {"iframe", "video", "audio", "source"}:
                raise AssertionError(f"{path}: <{tag}> needs a policy change")
