"""The "A- A A+" text-size switch without a browser: cookie, redirect, class on <html>."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def test_text_size_link_sets_cookie_and_returns_to_the_page(client):
    response = client.get("/co-chu/lon/", {"next": "/dai-hoi/?trang=2"})
    assert response.status_code == 302
    assert response["Location"] == "/dai-hoi/?trang=2"
    assert response.cookies["co_chu"].value == "lon"
    assert response.cookies["co_chu"]["samesite"] == "Lax"
    assert response.cookies["co_chu"]["max-age"] == 365 * 24 * 3600


def test_text_size_is_rendered_as_a_class_on_html(client):
    client.get("/co-chu/nho/", {"next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="vi" class="text-sm">' in html
    assert 'data-text-size="nho" title="Chữ nhỏ" aria-current="true"' in html


def test_medium_text_size_forgets_the_cookie(client):
    client.get("/co-chu/lon/", {"next": "/"})
    response = client.get("/co-chu/vua/", {"next": "/"})
    assert response.cookies["co_chu"].value == ""
    assert response.cookies["co_chu"]["max-age"] == 0
    assert '<html lang="vi">' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_text_size_never_redirects_off_site(client, target):
    response = client.get("/co-chu/lon/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_unknown_text_size_is_404_and_forged_cookie_is_ignored(client):
    assert client.get("/co-chu/khong-lo/").status_code == 404
    client.cookies["co_chu"] = "<script>"
    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert "&lt;script&gt;" not in html


def test_text_size_link_brings_the_reader_back_to_the_same_page(client):
    html = client.get("/dai-hoi/", {"q": "Thọ Xuân"}).content.decode()
    match = re.search(r'href="(/co-chu/lon/\?next=[^"]+)"', html)
    response = client.get(unescape(match.group(1)))
    assert response["Location"] == "/dai-hoi/?q=Th%E1%BB%8D+Xu%C3%A2n"


def test_text_size_links_do_not_copy_a_huge_query_string(client):
    html = client.get("/dai-hoi/", {"q": "x" * 5000}).content.decode()
    assert 'href="/co-chu/lon/?next=/dai-hoi/"' in html
    assert "x" * 600 not in html
