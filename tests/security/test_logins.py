"""Admin logins: lockout after 5 failures per username+IP, Vietnamese message, sessions."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = f"/{settings.ADMIN_URL}login/"
LOCKED = "Tài khoản tạm thời bị khóa đăng nhập"


def try_login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail(client, username, times, **extra):
    return [try_login(client, username, "sai-mat-khau", **extra).status_code for _ in range(times)]


def test_fifth_failure_locks_the_pair_with_vietnamese_page(client, make_staff):
    make_staff("bientap")
    assert fail(client, "bientap", 4) == [200, 200, 200, 200]
    response = try_login(client, "bientap", "sai-mat-khau")
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html
    assert "sai tên đăng nhập hoặc mật khẩu 5 lần" in html
    assert "tạm khóa trong 15 phút" in html


def test_locked_pair_cannot_log_in_even_with_right_password(client, make_staff):
    make_staff("bientap")
    fail(client, "bientap", 5)
    response = try_login(client, "bientap", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_ip(make_staff):
    make_staff("bientap")
    make_staff("canbo")
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    fail(attacker, "bientap", 5)
    # Same address, another account: not locked.
    assert try_login(attacker, "canbo", PASSWORD).status_code == 302
    # Same account from the editor's own office: not locked.
    office = Client(REMOTE_ADDR="192.0.2.10")
    assert try_login(office, "bientap", PASSWORD).status_code == 302


def test_lockout_ends_after_fifteen_minutes(client, make_staff):
    make_staff("bientap")
    fail(client, "bientap", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert try_login(client, "bientap", PASSWORD).status_code == 302


def test_success_resets_failure_count(client, make_staff):
    make_staff("bientap")
    fail(client, "bientap", 4)
    assert try_login(client, "bientap", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, "bientap", 4) == [200, 200, 200, 200]


def test_behind_proxy_lockout_uses_address_nginx_saw(settings, make_staff):
    settings.TRUSTED_PROXY_COUNT = 1
    make_staff("bientap")
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    fail(proxy, "bientap", 5, HTTP_X_FORWARDED_FOR="203.0.113.5")
    # A forged left-most entry does not escape the lock: nginx appends the real address.
    forged = try_login(proxy, "bientap", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5")
    assert forged.status_code == 429
    # Another real visitor behind the same proxy can still log in.
    other = try_login(proxy, "bientap", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 302


def test_without_proxy_forwarded_header_is_ignored(make_staff):
    make_staff("bientap")
    client = Client(REMOTE_ADDR="198.51.100.7")
    fail(client, "bientap", 5, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert try_login(client, "bientap", PASSWORD, HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == (
        429
    )


def test_password_change_logs_out_other_sessions(make_staff):
    user = make_staff("bientap")
    here, elsewhere = Client(), Client()
    here.force_login(user)
    elsewhere.force_login(user)
    index = f"/{settings.ADMIN_URL}"
    assert elsewhere.get(index).status_code == 200
    response = here.post(
        f"/{settings.ADMIN_URL}password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "Mot-mat-khau-moi-2027?",
            "new_password2": "Mot-mat-khau-moi-2027?",
        },
    )
    assert response.status_code == 302
    # The session that changed the password stays; every other session is logged out.
    assert here.get(index).status_code == 200
    stale = elsewhere.get(index)
    assert stale.status_code == 302
    assert stale["Location"].startswith(LOGIN)


def test_weak_password_rejected_by_validators(client, make_staff):
    user = make_staff("bientap")
    client.force_login(user)
    response = client.post(
        f"/{settings.ADMIN_URL}password_change/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mật khẩu này quá phổ biến" in html or "quá thông dụng" in html


def test_absurdly_long_username_is_a_failed_login_then_locked(client):
    name = "quản-trị-" * 40  # 360 characters; axes stores at most 255
    assert fail(client, name, 4) == [200, 200, 200, 200]
    assert try_login(client, name, "sai").status_code == 429


def test_nginx_appends_the_client_address_that_lockouts_trust():
    # client_ip() takes the right-most X-Forwarded-For entry: nginx must append, not pass on.
    from pathlib import Path

    config = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "unionsite.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config
