"""Personal data kept to the minimum, for a stated time (docs/security.md, "Personal data")."""

import io
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PASSWORD

from .test_logins import try_login

ROOT = settings.BASE_DIR
NGINX = ROOT / "deploy" / "nginx" / "unionsite.conf"
UNKNOWN = "0.0.0.0"  # noqa: S104  (what the log shows for an address the map cannot cut)


@pytest.mark.django_db
def test_successful_login_leaves_no_record_with_address_or_browser(client, make_staff):
    make_staff("bientap")
    response = try_login(
        client, "bientap", PASSWORD, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Firefox/140"
    )
    assert response.status_code == 302
    assert AccessLog.objects.count() == 0
    assert AccessAttempt.objects.count() == 0


@pytest.mark.django_db
def test_failed_attempts_are_kept_for_the_lockout(client, make_staff):
    make_staff("bientap")
    try_login(client, "bientap", "sai-mat-khau", REMOTE_ADDR="198.51.100.7")
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        "bientap",
        "198.51.100.7",
        1,
    )


@pytest.mark.django_db
def test_prune_login_records_deletes_what_is_older_than_30_days():
    now = timezone.now()
    for days, name in ((31, "cu"), (29, "moi")):
        attempt = AccessAttempt.objects.create(
            username=name, ip_address="198.51.100.7", user_agent="Firefox", failures_since_start=1
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=now - timedelta(days=days))
    AccessLog.objects.create(username="cu", ip_address="198.51.100.7", user_agent="Firefox")
    AccessLog.objects.update(attempt_time=now - timedelta(days=40))
    out = io.StringIO()
    call_command("prune_login_records", stdout=out)
    assert out.getvalue().strip() == "Đã xóa 2 bản ghi đăng nhập cũ hơn 30 ngày."
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["moi"]
    assert AccessLog.objects.count() == 0


def test_a_daily_systemd_timer_runs_the_pruning():
    service = (ROOT / "deploy" / "systemd" / "unionsite-prune-logins.service").read_text()
    timer = (ROOT / "deploy" / "systemd" / "unionsite-prune-logins.timer").read_text()
    assert "ExecStart=/srv/unionsite/app/.venv/bin/python manage.py prune_login_records" in service
    assert "OnCalendar=*-*-* 03:15:00" in timer and "Persistent=true" in timer


def _nginx_anonymise(address: str) -> str:
    """Apply the shipped nginx map (first matching regex wins, as nginx does) to an address."""
    block = re.search(
        r"map \$remote_addr \$remote_addr_anonymised \{(.*?)\n\}", NGINX.read_text(), re.S
    )
    default = None
    for line in block.group(1).strip().splitlines():
        pattern, value = line.strip().rstrip(";").split()
        if pattern == "default":
            default = value
            continue
        flags = re.IGNORECASE if pattern.startswith("~*") else 0
        match = re.search(pattern.lstrip("~*"), address, flags)
        if match:
            return re.sub(r"\$(\w+)", lambda m, found=match: found.group(m.group(1)), value)
    return default


@pytest.mark.parametrize(
    ("address", "logged"),
    [
        ("203.0.113.57", "203.0.113.0"),
        ("10.1.2.255", "10.1.2.0"),
        ("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"),
        ("2001:DB8:85A3::1", "2001:DB8:85A3::"),
        ("2001:db8::1", "2001:db8::"),
        ("fe80::1", "fe80::"),
        ("::1", UNKNOWN),
        ("unix:", UNKNOWN),
    ],
)
def test_nginx_logs_readers_addresses_anonymised(address, logged):
    assert _nginx_anonymise(address) == logged


def test_nginx_access_log_uses_the_anonymised_format():
    conf = NGINX.read_text()
    assert "access_log /var/log/nginx/unionsite.access.log unionsite_anonymised;" in conf
    log_format = re.search(r"log_format unionsite_anonymised (.*?);", conf, re.S).group(1)
    assert "$remote_addr_anonymised" in log_format
    assert "$remote_addr " not in log_format and "$http_x_forwarded_for" not in log_format
