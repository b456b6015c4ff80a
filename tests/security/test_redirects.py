"""No open redirect (a hostile "next" always lands on our own site) and no cross-site writes."""

import pytest
from django.conf import settings

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

HOSTILE_NEXT = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " //evil.example",
    "\t//evil.example",
    "//evil.example%2F@127.0.0.1/",
    "https://127.0.0.1@evil.example/",
]


def assert_stays_home(location: str):
    assert location.startswith("/"), location
    assert not location.startswith(("//", "/\\")), location
    assert "evil.example" not in location.split("?")[0], location


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_text_size_switch_never_redirects_away(client, target):
    response = client.get("/co-chu/lon/", {"next": target})
    assert response.status_code == 302
    assert_stays_home(response["Location"])


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_admin_login_never_redirects_away(client, make_staff, target):
    make_staff("bientap", "Biên tập viên")
    response = client.post(
        f"/{settings.ADMIN_URL}login/?next={target}",
        {"username": "bientap", "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert_stays_home(response["Location"])


def test_admin_write_without_csrf_token_is_refused(make_staff):
    from django.test import Client

    from news.models import Article

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_staff("bientap", "Biên tập viên"))
    response = browser.post(
        f"/{settings.ADMIN_URL}news/article/add/",
        {"title": "Bài giả mạo", "status": "published", "body": "x"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert not Article.objects.exists()
