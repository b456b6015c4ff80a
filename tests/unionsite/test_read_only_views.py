"""Reader pages only read: a POST (or any unsafe method) is refused with 405, never acted on."""

import pytest

pytestmark = pytest.mark.django_db

READER_PAGES = [
    "/",
    "/tim-kiem/?q=dai+hoi",
    "/trang/so-do-trang/",
    "/robots.txt",
    "/dai-hoi/",
    "/dai-hoi/dai-hoi-diem/",
    "/dai-hoi/mau-nhap-lieu.xlsx",
    "/dai-hoi/tho-xuan/",
    "/dai-hoi/tho-xuan/1/",
    "/thong-ke/",
    "/co-chu/lon/",
    "/favicon.ico",
]


@pytest.mark.parametrize("path", READER_PAGES)
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_reader_page_refuses_unsafe_methods(client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert sorted(response["Allow"].split(", ")) == ["GET", "HEAD"]


@pytest.mark.parametrize("path", ["/", "/dai-hoi/", "/thong-ke/", "/dai-hoi/mau-nhap-lieu.xlsx"])
def test_reader_page_answers_head(client, path):
    assert client.head(path).status_code == 200
