"""Page benchmarks: gunicorn on PostgreSQL with the demo content, driven by wrk.

    .venv/bin/python bench/pages.py [--redis] [--duration 8] [--port 8402] [--json out.json]

Prepares the bench database (``unionsite_bench``: migrate + ``seed_demo``), collects static
files into a temporary folder, starts gunicorn with ``deploy/gunicorn.conf.py`` (DEBUG off,
the production middleware stack, ``bench.pages_settings`` which only adds ``/bench/ping/``),
then runs ``wrk -t2 -c16 --latency`` against each page and prints requests per second, p50 and
p99 latency, and each page's ratio to the constant view measured in the same run. See
bench/README.md for what the requests look like (a returning visitor's cookie) and why.
"""

import argparse
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
if not Path(PYTHON).exists():  # run from another interpreter: use the one running us
    PYTHON = sys.executable
    GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/unionsite_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/4"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131 Safari/537.36"
VISITOR_COOKIE = "uv"

# (key, label, target ratio of the ceiling); None = reported, no target.
PAGES = [
    ("ping", "constant view (ceiling)", None),
    ("chrome", "site chrome only (base.html)", None),
    ("home", "home /", 0.5),
    ("article", "article /tin-tuc/<slug>/", 0.5),
    ("category", "category /chuyen-muc/<slug>/", 0.4),
    ("search", "search /tim-kiem/?q=dai+hoi", 0.25),
    ("progress", "congress progress /dai-hoi/", 0.5),
    ("district", "district /dai-hoi/<slug>/", 0.5),
    ("documents", "documents /van-ban/", 0.5),
    ("document", "document /van-ban/<slug>/", 0.5),
]

DISCOVER = r"""
import json, django
django.setup()
from django.urls import reverse
out = {"ping": "/bench/ping/", "chrome": "/bench/chrome/", "home": "/", "search": "/tim-kiem/?q=dai+hoi"}
try:
    from news.demo import THO_XUAN_SLUG
    from news.models import Article
    article = Article.objects.published().filter(slug=THO_XUAN_SLUG).first() or Article.objects.published().first()
    out["article"] = article.get_absolute_url()
    category = getattr(article, "category", None)
    if category is None:
        from news.models import Category
        category = Category.objects.first()
    out["category"] = category.get_absolute_url()
except Exception as exc:
    out["news_error"] = repr(exc)
try:
    out["progress"] = reverse("congresses:progress")
    from congresses.models import Organisation
    feds = Organisation.objects.federations()
    district = feds.filter(slug__contains="tho-xuan").first() or feds.order_by("sort_key").first()
    out["district"] = district.get_absolute_url()
except Exception as exc:
    out["congress_error"] = repr(exc)
try:
    from documents.models import Document
    out["documents"] = reverse("documents:list")
    document = Document.objects.published().filter(number="61/KH-LĐLĐ").first() or Document.objects.published().first()
    out["document"] = document.get_absolute_url()
except Exception as exc:
    out["documents_error"] = repr(exc)
print(json.dumps(out))
"""


@dataclass
class Result:
    key: str
    label: str
    url: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    target: float | None = None
    ratio: float | None = None

    @property
    def verdict(self) -> str:
        if self.errors:
            return "FAIL (errors)"
        if self.target is None or self.ratio is None:
            return ""
        return "pass" if self.ratio >= self.target else "FAIL"


def bench_env(database_url: str, redis_url: str, static_root: str) -> dict[str, str]:
    """Production settings for a loopback run (no TLS proxy: no https redirect)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "DJANGO_", "GUNICORN_", "STATS_"))
        and k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "WEB_CONCURRENCY"}
    }
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "bench.pages_settings",
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": static_root,
            "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
            "CACHE_KEY_PREFIX": "bench",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_ACCESS_LOG": "",  # an access line per request would cost the benchmark
            # Steady state: no worker recycling (and re-warming) in the middle of a run.
            "GUNICORN_MAX_REQUESTS": "0",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    if os.environ.get("BENCH_WORKERS"):
        env["WEB_CONCURRENCY"] = os.environ["BENCH_WORKERS"]
    return env


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)


def ensure_database(database_url: str) -> None:
    import dj_database_url

    db = dj_database_url.parse(database_url)
    if "postgresql" not in db["ENGINE"]:
        return
    args = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
    args += ["-U", db["USER"] or "postgres"]
    env = dict(os.environ, PGPASSWORD=db["PASSWORD"] or "")
    exists = subprocess.run(
        [
            "psql",
            *args,
            "-d",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname='{db['NAME']}'",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    if exists.stdout.strip() != "1":
        subprocess.run(["createdb", *args, db["NAME"]], env=env, check=True)


def prepare(env: dict[str, str], *, seed: bool = True) -> dict[str, str]:
    """Migrate and seed the bench database, collect static files; return the page URLs."""
    ensure_database(env["DATABASE_URL"])
    log("migrate + seed_demo + collectstatic")
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    if seed:
        run([PYTHON, "manage.py", "seed_demo"], env, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    found = run([PYTHON, "-c", DISCOVER], env, capture_output=True, text=True)
    urls = json.loads(found.stdout.strip().splitlines()[-1])
    for problem in ("news_error", "congress_error"):
        if problem in urls:
            log(f"{problem}: {urls.pop(problem)}")
    return urls


def flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


class Server:
    """One gunicorn, started with the deploy config, stopped with its process group."""

    def __init__(self, env: dict[str, str], port: int, log_path: Path):
        self.env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}")
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, timeout: float = 60) -> None:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "deploy/gunicorn.conf.py", "unionsite.wsgi:application"],
            env=self.env,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                if fetch(self.base + "/bench/ping/", ua="bench-probe")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer on {self.base} in {timeout}s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, ua: str = BROWSER_UA, cookie: str | None = None, timeout: float = 10):
    """(status, headers, body) for one GET, redirects not followed."""
    headers = {"User-Agent": ua}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def visitor_cookie(headers) -> str | None:
    """``uv=<signed state>`` from a response's Set-Cookie headers, if the counter set one."""
    for value in headers.get_all("Set-Cookie") or []:
        name, _, rest = value.partition("=")
        if name.strip() == VISITOR_COOKIE:
            return f"{VISITOR_COOKIE}={rest.split(';', 1)[0]}"
    return None


def all_cookies(headers) -> dict[str, str]:
    cookies = {}
    for value in headers.get_all("Set-Cookie") or []:
        name, _, rest = value.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return cookies


def returning_visitor_cookie(base: str, path: str = "/bench/ping/") -> str | None:
    """A returning reader's Cookie header for ``path``: the page is read once as a browser
    would, keeping every cookie it sets (the visitor counter's ``uv``, the news app's
    "articles seen" cookie, …). wrk's requests are then repeat requests inside one visit by a
    reader who has seen this page (what most page views are), not a new visitor each time."""
    jar: dict[str, str] = {}
    for _ in range(2):
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items()) or None
        status, headers, _ = fetch(base + path, cookie=cookie)
        if status != 200:
            return None
        jar.update(all_cookies(headers))
    return "; ".join(f"{k}={v}" for k, v in jar.items()) or None


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(text)
    return float(match.group(1)) * _UNITS[match.group(2)]


def wrk(
    url: str, *, duration: int, cookie: str | None, threads=2, connections=16, extra_args=()
) -> dict:
    """``extra_args``: more wrk arguments, e.g. a User-Agent header or ``-s script.lua``."""
    args = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "--latency",
        *extra_args,
        # A browser's user agent: the site counts a request without one as a bot.
        "-H",
        f"User-Agent: {BROWSER_UA}",
    ]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, check=True, timeout=duration + 30
    ).stdout
    with (ROOT / "var" / "bench-wrk.log").open("a") as raw:
        raw.write(f"$ {' '.join(args)} {url}\n{out}\n")
    if " requests in " not in out or "Latency Distribution" not in out:
        raise RuntimeError(f"wrk gave no figures for {url}:\n{out}")
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+(\S+)\s*$", out, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket:
        # read errors are sync gunicorn closing the connection after a response; not failures
        errors += int(socket.group(1)) + int(socket.group(3)) + int(socket.group(4))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(percentiles["50"]),
        "p99_ms": _ms(percentiles["99"]),
        "requests": requests,
        "errors": errors,
    }


def warm(base: str, urls: dict[str, str], rounds: int = 15) -> None:
    """Every page answers 200 (checked), and every worker has its caches and connections."""
    for key, path in urls.items():
        status, _, body = fetch(base + path)
        if status != 200:
            raise SystemExit(f"{key} {path} answered {status}: {body[:300]!r}")
        for _ in range(rounds):
            fetch(base + path)


def table(results: list[Result], ceilings: list[float]) -> str:
    lines = [
        f"{'page':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'target':>7}  result",
        "-" * 84,
    ]
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        target = f"≥{r.target:.2f}" if r.target is not None else ""
        lines.append(
            f"{r.label:<34} {r.rps:>8.0f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f} {ratio:>6} {target:>7}  {r.verdict}"
        )
    runs = ", ".join(f"{c:.0f}" for c in ceilings)
    lines.append(
        f"constant view (ceiling) runs, req/s: {runs}; each page's ratio is to the mean of the "
        "runs just before and after it"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Page benchmarks (bench/README.md)")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument(
        "--redis", action="store_true", help=f"cache in Redis ({DEFAULT_REDIS_URL})"
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8402")))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "8")))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--serial",
        action="store_true",
        help="one worker, one connection: time per request without queueing (less load noise)",
    )
    parser.add_argument("--pages", help="comma-separated subset, e.g. home,article")
    parser.add_argument(
        "--new-visitors",
        action="store_true",
        help="also run home without a cookie (every request a new visitor)",
    )
    parser.add_argument(
        "--page-cache",
        type=int,
        default=None,
        metavar="SECONDS",
        help="PAGE_CACHE_SECONDS for the server (portal/pagecache.py); 0 = off. "
        "Default: the settings' default.",
    )
    parser.add_argument("--json", type=Path, help="write the results here too")
    options = parser.parse_args(argv)

    started = time.monotonic()
    redis_url = options.redis_url if options.redis else ""
    with tempfile.TemporaryDirectory(prefix="bench-static-") as static_root:
        env = bench_env(options.database_url, redis_url, static_root)
        if options.page_cache is not None:
            env["PAGE_CACHE_SECONDS"] = str(options.page_cache)
        threads = 2
        if options.serial:
            env["WEB_CONCURRENCY"] = "1"
            options.connections, threads = 1, 1
        urls = prepare(env)
        if redis_url:
            flush_redis(redis_url)
        wanted = [p for p in PAGES if p[0] in urls]
        if options.pages:
            keep = {"ping", *options.pages.split(",")}
            wanted = [p for p in wanted if p[0] in keep]
        missing = [p[0] for p in PAGES if p[0] not in urls]
        if missing:
            log(f"not available yet (skipped): {', '.join(missing)}")

        log_path = ROOT / "var" / "bench-gunicorn.log"
        log_path.parent.mkdir(exist_ok=True)
        with Server(env, options.port, log_path) as server:
            log(
                f"gunicorn on {server.base}, cache: {'Redis' if redis_url else 'local memory'}; warming up"
            )
            warm(server.base, {k: urls[k] for k, _, _ in wanted})
            # Other work on the machine (tests, other helpers) moves the ceiling during a run,
            # so it is measured again between pages and each page is compared with the mean of
            # the two ceiling runs on either side of it.
            ping_seconds = max(3, options.duration // 2)
            results: list[Result] = []
            ceilings: list[float] = []

            def measure(key, label, target, seconds):
                cookie = returning_visitor_cookie(server.base, urls[key])
                log(f"wrk {label}: {urls[key]}")
                figures = wrk(
                    server.base + urls[key],
                    duration=seconds,
                    cookie=cookie,
                    connections=options.connections,
                    threads=threads,
                )
                return Result(key, label, urls[key], target=target, **figures)

            pings = [measure("ping", "constant view", None, ping_seconds)]
            ceilings.append(pings[-1].rps)
            for key, label, target in wanted:
                if key == "ping":
                    continue
                result = measure(key, label, target, options.duration)
                pings.append(measure("ping", "constant view", None, ping_seconds))
                ceilings.append(pings[-1].rps)
                result.ratio = result.rps / ((ceilings[-2] + ceilings[-1]) / 2)
                results.append(result)
            if options.new_visitors:
                log("wrk home without a cookie (new visitor per request)")
                figures = wrk(
                    server.base + "/",
                    duration=options.duration,
                    cookie=None,
                    connections=options.connections,
                    threads=threads,
                )
                results.append(Result("home_new", "home, new visitor each request", "/", **figures))

    ceiling = sum(ceilings) / len(ceilings)
    for r in results:
        if r.ratio is None:
            r.ratio = r.rps / ceiling  # extra runs: compared with the mean ceiling
    n = len(pings)
    results.insert(
        0,
        Result(
            "ping",
            f"constant view (ceiling, mean of {n})",
            urls["ping"],
            rps=ceiling,
            p50_ms=sum(p.p50_ms for p in pings) / n,
            p99_ms=sum(p.p99_ms for p in pings) / n,
            requests=sum(p.requests for p in pings),
            errors=sum(p.errors for p in pings),
        ),
    )
    print()
    print(table(results, ceilings))
    print(
        f"wrk -t{threads} -c{options.connections} -d{options.duration}s --latency; "
        f"cache: {'Redis' if redis_url else 'local memory'}; "
        f"PAGE_CACHE_SECONDS: {env.get('PAGE_CACHE_SECONDS', 'settings default')}; "
        f"workers: {env.get('WEB_CONCURRENCY') or 'deploy/gunicorn.conf.py default'}; "
        f"total {time.monotonic() - started:.0f}s"
    )
    if options.json:
        options.json.write_text(
            json.dumps(
                {
                    "ceiling": ceiling,
                    "results": [asdict(r) | {"verdict": r.verdict} for r in results],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    failed = [r for r in results if r.verdict.startswith("FAIL")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
