"""`make serve` (deploy/serve.sh): the production shape answers on a fresh database."""

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from .conftest import ROOT

PORT = 8409


def get(path: str, headers: dict | None = None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", headers={"User-Agent": "Mozilla/5.0", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.fixture
def served(production_env, tmp_path):
    env = dict(production_env, HOST="127.0.0.1", PORT=str(PORT), BIN=str(ROOT / ".venv" / "bin"))
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SITE_URL"):
        env.pop(name)  # a local trial: the script fills these in and says so
    env["SERVE_SECRET_FILE"] = str(tmp_path / "secret_key")
    # An uploaded photo already in MEDIA_ROOT, as after an editor's upload.
    photo = tmp_path / "media" / "news" / "anh-thu.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xff\xe0 trial photo")
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        ["bash", "deploy/serve.sh"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                get("/")
                break
            except OSError:
                time.sleep(0.5)
        yield tmp_path / "serve.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


@pytest.mark.slow
def test_serve_runs_gunicorn_with_debug_off_and_hashed_static(served):
    status, headers, body = get("/")
    assert status == 200
    assert headers["X-Frame-Options"] == "DENY"
    # WhiteNoise's manifest: the page links the hashed stylesheet…
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
    assert css, body[:500]
    # …served compressed, cached "forever" (WhiteNoise: 10 years for hashed names), immutable.
    status, headers, _ = get(css.group(1).decode(), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"  # hashed: 10 years
    # DEBUG is off: an unknown address is the site's 404 page, not Django's technical page.
    status, _, body = get("/khong-co-trang-nay/")
    assert status == 404
    assert b"technical_404" not in body and b"Django tried these URL patterns" not in body
    # Absolute addresses follow HOST/PORT when SITE_URL is not set.
    status, _, body = get("/robots.txt")
    assert f"Sitemap: http://127.0.0.1:{PORT}/sitemap.xml".encode() in body
    # A local trial shows uploaded photos (production: nginx serves /media/).
    status, _, body = get("/media/news/anh-thu.jpg")
    assert (status, body) == (200, b"\xff\xd8\xff\xe0 trial photo")
    log = served.read_text()
    assert "SERVE_MEDIA=1: Django serves /media/" in log
    assert "SECRET_KEY was not set; using the local key" in log
    assert "Booting worker" in log
