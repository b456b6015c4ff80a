"""Exact counts under real concurrency: gunicorn worker processes sharing one PostgreSQL."""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Max, Sum

from stats.models import DailyVisits, OnlineVisitor, VisitTotal
from stats.selectors import visitor_numbers

from .conftest import BROWSER, READER_PAGE

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

VISITORS = 200
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _database_url() -> str:
    """The pytest test database, committed data visible to other processes."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "postgres")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _get(port: int, headers: dict, timeout: float = 60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", READER_PAGE, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Set-Cookie")
    finally:
        conn.close()


@contextmanager
def gunicorn(port: int, workers: int, log_dir: Path):
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DEBUG": "1",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        "STATS_COUNTER": "1",
    }
    log = open(log_dir / f"gunicorn-{port}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [str(GUNICORN), "unionsite.wsgi:application", "-w", str(workers)]
        + ["-b", f"127.0.0.1:{port}", "--timeout", "120"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                # A crawler's user agent: the readiness probe itself is not counted.
                status, _ = _get(port, {"User-Agent": "readiness-bot"}, timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail((log_dir / f"gunicorn-{port}.log").read_text()[-3000:])
            time.sleep(0.3)
        yield
    finally:
        process.terminate()
        process.wait(30)
        log.close()


def _fire(ports: list[int], cookies: list[str | None]) -> list[tuple[int, str | None]]:
    """One request per visitor, all released at the same moment, spread over the servers."""
    barrier = threading.Barrier(len(cookies))
    results: list = [None] * len(cookies)

    def visit(index: int) -> None:
        headers = {"User-Agent": BROWSER}
        if cookies[index]:
            headers["Cookie"] = cookies[index]
        barrier.wait()
        try:
            results[index] = _get(ports[index % len(ports)], headers)
        except OSError as exc:
            results[index] = (0, repr(exc))

    threads = [threading.Thread(target=visit, args=(i,)) for i in range(len(cookies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _stored() -> dict:
    days = DailyVisits.objects.aggregate(visits=Sum("visits"), peak=Max("peak_online"))
    return {
        "visits": days["visits"],
        "peak_online": days["peak"],
        "total_visits": VisitTotal.objects.get(pk=1).visits,
        "online_rows": OnlineVisitor.objects.count(),
        "box_online": visitor_numbers()["online"],
    }


def _assert_exact(ports: list[int]) -> None:
    results = _fire(ports, [None] * VISITORS)
    assert [status for status, _ in results] == [200] * VISITORS, results[:3]
    cookies = [set_cookie.split(";")[0] for _, set_cookie in results]
    assert len(set(cookies)) == VISITORS
    expected = dict.fromkeys(["visits", "peak_online", "total_visits"], VISITORS)
    expected |= {"online_rows": VISITORS, "box_online": VISITORS}
    assert _stored() == expected

    # The same visitors again, at once, inside their visit: nothing changes.
    again = _fire(ports, cookies)
    assert [status for status, _ in again] == [200] * VISITORS
    assert _stored() == expected


@pytest.fixture
def _counter_ready(settings):
    settings.STATS_CACHE_SECONDS = 0
    VisitTotal.objects.get_or_create(pk=1)  # a transactional test may have flushed it


def free_port() -> int:
    """A port nothing listens on: several checkouts run this suite at once on one machine,
    and fixed ports sent one run's visitors to another run's server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_200_visitors_at_once_through_4_gunicorn_workers(_counter_ready, tmp_path):
    port = free_port()
    with gunicorn(port, workers=4, log_dir=tmp_path):
        _assert_exact([port])


def test_200_visitors_at_once_through_two_app_servers(_counter_ready, tmp_path):
    ports = [free_port(), free_port()]
    while ports[1] == ports[0]:
        ports[1] = free_port()
    with ExitStack() as servers:
        for port in ports:
            servers.enter_context(gunicorn(port, workers=2, log_dir=tmp_path))
        _assert_exact(ports)
