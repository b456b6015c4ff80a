"""Test tooling shared by several packages that is not a builder: where Chromium is, and
settings loaded in a fresh interpreter as a server starts them."""

import os
import subprocess
import sys
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

ROOT = Path(__file__).resolve().parents[1]


def load_settings(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "ADMIN_URL"}
    }
    base.update({"DJANGO_SETTINGS_MODULE": "unionsite.settings", "PYTHONPATH": str(ROOT)})
    base.update(env)
    script = "import django; django.setup(); from django.conf import settings as s; " + code
    return subprocess.run(
        [sys.executable, "-c", script],
        env=base,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
