"""The site keeps answering when PostgreSQL or Redis is gone.

The database outage runs a real gunicorn (production settings) pointed at a port where no
database listens, so the shared PostgreSQL server is never touched.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import caches

from unionsite.models import SiteProfile

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    # Concurrent runs of the suite (a developer and CI) must not collide on fixed ports.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


NOTHING_LISTENS = free_port()  # no database, no Redis
GUNICORN_PORT = free_port()


def closed_port_redis_cache():
    return {
        "default": {
            "BACKEND": "unionsite.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{NOTHING_LISTENS}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.mark.django_db
def test_pages_serve_with_redis_down(client, settings):
    SiteProfile.objects.create(site_name="Liên đoàn Lao động tỉnh Thanh Hóa")
    settings.CACHES = closed_port_redis_cache()
    for path in ["/", "/dai-hoi/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Liên đoàn Lao động tỉnh Thanh Hóa" in response.content.decode()


def test_cache_with_redis_down_reads_as_miss_and_ignores_writes(settings):
    settings.CACHES = closed_port_redis_cache()
    cache = caches["default"]
    assert cache.set("k", 1) is None
    assert cache.get("k", "mặc định") == "mặc định"
    assert cache.get_or_set("k", 2) == 2
    assert cache.get_many(["k"]) == {}
    assert cache.add("k", 1) is False


@pytest.mark.redis
def test_cache_with_redis_up_behaves_normally(settings):
    cache = caches["default"]
    cache.set("tin", "bài", 30)
    assert cache.get("tin") == "bài"
    assert cache.get("không-có", 0) == 0


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not listen on {port}")


def fetch(path: str):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{GUNICORN_PORT}{path}", timeout=15) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{NOTHING_LISTENS}/unionsite",
        REDIS_URL=f"redis://127.0.0.1:{NOTHING_LISTENS}/0",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="tests.security.outage_settings",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "unionsite.wsgi:application"]
        + ["--bind", f"127.0.0.1:{GUNICORN_PORT}", "--workers", "1", "--timeout", "30"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(GUNICORN_PORT)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/tin-tuc/bai-nao-do/",
        "/chuyen-muc/tin-tuc-su-kien/",
        "/the/dai-hoi/",
        "/trang/gioi-thieu/",
        "/tim-kiem/?q=lao",
        "/dai-hoi/",
        "/dai-hoi/dai-hoi-diem/",
        "/dai-hoi/tho-xuan/",
        "/rss/",
        "/sitemap.xml",
        # The outage met in a middleware, before any view: the 500 handler answers 503.
        "/?doc-csdl=1",
        "/tin-tuc/bai-nao-do/?doc-csdl=1",
    ],
)
def test_database_down_gives_vietnamese_503(server_without_database, path):
    status, headers, html = fetch(path)
    assert status == 503
    assert headers["Retry-After"] == "10"
    assert "Trang đang tạm thời gián đoạn" in html
    assert "Vui lòng tải lại trang sau ít giây" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert "default-src 'self'" in headers["Content-Security-Policy"]
