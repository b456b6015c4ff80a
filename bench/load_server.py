"""Shared by bench/load.py, bench/faults.py and bench/stats_bench.py: a fresh PostgreSQL
database with the demo content, gunicorn with production settings on it, and the visitor
numbers read back.

Production settings (DEBUG off) except TLS: the benchmark talks plain HTTP on 127.0.0.1.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
# PostgreSQL port: 5432 (the shared server) unless BENCH_PG_PORT names a private one.
PG_PORT = os.environ.get("BENCH_PG_PORT", "5432")
PG = f"postgres://postgres@127.0.0.1:{PG_PORT}"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
PROBE_UA = "bench-probe (python)"  # a bot to the counter: probing does not count visits

# One line per request: status, method, path, the Cookie header, response type, user agent,
# and the Set-Cookie header (the counter sets "uv" exactly when it recorded a visit).
ACCESS_FORMAT = (
    '%(s)s %(m)s "%(U)s" "%({cookie}i)s" "%({content-type}o)s" "%(a)s" "%({set-cookie}o)s"'
)
ACCESS_LINE = re.compile(r'^(\d{3}) (\S+) "([^"]*)" "([^"]*)" "([^"]*)" "([^"]*)" "([^"]*)"$')


def server_env(db: str, redis_url: str | None, extra: dict | None = None) -> dict:
    """Production settings on database ``db``; no REDIS_URL (local-memory cache) when None."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_"))}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-secret-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        DATABASE_URL=f"{PG}/{db}",
        CACHE_KEY_PREFIX=db,
        MEDIA_ROOT=str(ROOT / "var" / f"{db}-media"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    if redis_url is not None:
        env["REDIS_URL"] = redis_url
    env.update(extra or {})
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def fresh_database(db: str, env: dict) -> None:
    where = ["-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres"]
    subprocess.run(["dropdb", *where, "--if-exists", db], check=True)
    subprocess.run(["createdb", *where, db], check=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_demo")


VISITS_SCRIPT = """
import json
from stats.models import DailyVisits, VisitTotal
total = VisitTotal.objects.filter(pk=1).values_list("visits", flat=True).first() or 0
daily = sum(DailyVisits.objects.values_list("visits", flat=True))
print("VISITS", json.dumps({"total": total, "daily": daily}))
"""


def visit_numbers(env: dict) -> dict:
    """Visits counted so far, straight from the database: the running total and the days."""
    out = manage(env, "shell", "-c", VISITS_SCRIPT)
    line = next(line for line in out.splitlines() if line.startswith("VISITS "))
    return json.loads(line.split(" ", 1)[1])


def wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    sys.exit(f"nothing listens on 127.0.0.1:{port}")


def start_gunicorn(env: dict, port: int, access_log: Path, workers: int | None = None):
    args = [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
    args += ["--bind", f"127.0.0.1:{port}", "--access-logfile", str(access_log)]
    args += ["--access-logformat", ACCESS_FORMAT, "--max-requests", "0"]
    if workers:
        args += ["--workers", str(workers)]
    args += ["unionsite.wsgi:application"]
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    wait_port(port)
    return process


def stop_gunicorn(process) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(url: str, *, ua: str = BROWSER_UA, cookie: str | None = None, timeout: float = 10):
    """(status, headers, body) of one GET; (0, {}, error text) when nothing answered."""
    request = urllib.request.Request(url, headers={"User-Agent": ua})
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")
    except (OSError, TimeoutError) as error:
        return 0, {}, str(error)


NOT_READER = ("/static/", "/media/", "/rss/", "/sitemap.xml", "/robots.txt", "/ckeditor5/")
BOTS = re.compile(r"bot|crawl|spider|probe|python|curl|wget", re.IGNORECASE)


def expected_new_visits(access_log: Path, cookie_name: str = "uv") -> tuple[int, int, dict]:
    """Visits the counter should have recorded, from gunicorn's access log alone.

    A visit starts with a reader page (GET, 200, HTML) requested without the visitor cookie
    by something that is not a bot (docs/stats.md). Returns (visits started, answers that
    set the visitor cookie, i.e. visits the counter says it recorded, status histogram).
    """
    visits, confirmed, statuses = 0, 0, {}
    for line in access_log.read_text().splitlines():
        match = ACCESS_LINE.match(line)
        if not match:
            continue
        status, method, path, cookie, content_type, agent, set_cookie = match.groups()
        statuses[status] = statuses.get(status, 0) + 1
        confirmed += set_cookie.startswith(f"{cookie_name}=") and cookie_name + "=" not in cookie
        has_cookie = re.search(rf"(^|;\s*){cookie_name}=", cookie) is not None
        if (
            status == "200"
            and method == "GET"
            and content_type.startswith("text/html")
            and not path.startswith(NOT_READER)
            and not BOTS.search(agent)
            and not has_cookie
        ):
            visits += 1
    return visits, confirmed, statuses


def reader_paths(base: str) -> list[str]:
    """Reader pages of the demo site: the sitemap's pages, plus the congress and search pages."""
    status, _, body = fetch(f"{base}/sitemap.xml", ua=PROBE_UA)
    locs = re.findall(r"<loc>([^<]+)</loc>", body) if status == 200 else []
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locs}
    paths |= {"/", "/dai-hoi/", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", "/tim-kiem/?q=dai+hoi"}
    good = []
    for path in sorted(paths):
        status, headers, _ = fetch(base + path, ua=PROBE_UA)
        if status == 200 and headers.get("Content-Type", "").startswith("text/html"):
            good.append(path)
    return good
