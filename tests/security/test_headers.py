"""Security headers on reader pages, error pages and the admin."""

import pytest
from django.conf import settings

from tests.security.checks import Tags, parse_csp
from tests.support import load_settings

pytestmark = pytest.mark.django_db

READER_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def assert_hardening_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"] == (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    )


@pytest.mark.parametrize("path", ["/", "/dai-hoi/", "/khong-co-trang-nay/"])
def test_reader_pages_send_strict_policy_and_hardening_headers(client, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    assert parse_csp(response["Content-Security-Policy"]) == READER_POLICY
    assert_hardening_headers(response)


def test_reader_home_has_no_inline_script_style_or_handlers(client):
    tags = Tags(client.get("/").content.decode())
    scripts = tags.named("script")
    assert scripts, "the home page loads site.js"
    for attrs in scripts:
        # An executable script must come from our own origin; JSON-LD is data only.
        assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == (
            "application/ld+json"
        )
    assert tags.named("style") == []
    for tag, attrs in tags.tags:
        assert "style" not in attrs, tag
        assert not [name for name in attrs if name.startswith("on")], tag


def test_production_settings_turn_on_hsts_and_secure_cookies():
    result = load_settings(
        {"DEBUG": "0", "SECRET_KEY": "x" * 60},
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE,"
        " s.TRUSTED_PROXY_COUNT)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "True", "1"]


def test_development_settings_send_no_hsts(client):
    # DEBUG on: no HSTS, so a developer's browser never pins http://127.0.0.1 to HTTPS.
    assert "Strict-Transport-Security" not in client.get("/", secure=True)


def test_hsts_header_sent_over_https_when_configured(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_admin_login_page_gets_admin_policy(client):
    response = client.get(f"/{settings.ADMIN_URL}login/")
    policy = parse_csp(response["Content-Security-Policy"])
    assert response.status_code == 200
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert_hardening_headers(response)


def test_admin_pages_load_only_same_origin_scripts(admin_client):
    response = admin_client.get(f"/{settings.ADMIN_URL}unionsite/siteprofile/add/")
    assert response.status_code == 200
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    scripts = Tags(response.content.decode()).named("script")
    assert scripts
    for attrs in scripts:
        assert attrs.get("src", "").startswith("/"), attrs
        assert not attrs["src"].startswith("//")


def test_article_editor_loads_ckeditor_under_admin_policy(client, make_staff):
    client.force_login(make_staff("bientap", "Biên tập viên"))
    response = client.get(f"/{settings.ADMIN_URL}news/article/add/")
    assert response.status_code == 200
    policy = parse_csp(response["Content-Security-Policy"])
    # What CKEditor 5 needs: its own scripts, inline styles it injects, data:/blob: image
    # previews and XHR uploads to our own /ckeditor5/image_upload/.
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["connect-src"] == ["'self'"]
    tags = Tags(response.content.decode())
    sources = []
    for attrs, text in tags.scripts:
        if "src" in attrs:
            sources.append(attrs["src"])
            # Same origin: our static files and the admin's own translation catalogue.
            assert attrs["src"].startswith(("/static/", f"/{settings.ADMIN_URL}jsi18n/")), attrs
            assert not text.strip()
        else:
            # Only data blocks (the editor's JSON config) may be inline; browsers never run them.
            assert attrs.get("type") == "application/json", attrs
    assert any("django_ckeditor_5" in src for src in sources), sources
    upload = [a for a in tags.tags if a[1].get("data-upload-url")]
    assert upload and upload[0][1]["data-upload-url"] == "/ckeditor5/image_upload/"
