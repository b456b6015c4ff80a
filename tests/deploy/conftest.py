"""Helpers for the production-shape tests: run manage.py and scripts in fresh interpreters."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# The deploy gate: any warning from `check --deploy` fails it.
CHECK_DEPLOY = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]

# Variables that would leak the developer's or CI's shell into a "production" subprocess.
_SCRUB = {
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "ADMIN_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "STATIC_STORAGE",
    "CSRF_TRUSTED_ORIGINS",
    "SITE_URL",
    "MEDIA_STORAGE",
    "SERVE_MEDIA",
}


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """The environment a production server gets (deploy/.env.example), on a scratch SQLite file."""
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "unionsite.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "congdoanthanhhoa.vn,www.congdoanthanhhoa.vn",
            "CSRF_TRUSTED_ORIGINS": "https://congdoanthanhhoa.vn",
            "SITE_URL": "https://congdoanthanhhoa.vn",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "STATIC_ROOT": str(tmp_path / "static"),
        }
    )
    return env


def run(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
