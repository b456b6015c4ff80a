"""Scale-out check: two gunicorn instances sharing one PostgreSQL and one Redis.

    .venv/bin/python bench/scaleout.py [--visitors 300] [--duration 6]

Starts instance A on 127.0.0.1:8403 and instance B on 127.0.0.1:8404 (same bench database
``unionsite_bench``, same Redis ``redis://127.0.0.1:6379/4``, the production settings and
``deploy/gunicorn.conf.py``), then checks three things and prints what it saw:

1. Load spread across both (wrk against A and B at the same time, returning visitors):
   zero errors (no non-2xx/3xx answer, no connect/write/timeout error).
2. Visitor counts exact: N new visitors, each starting on one instance and continuing on the
   other (so every instance sees cookies the other set). "Hôm nay" and the total must rise by
   exactly N (the stats app's ``visitor_numbers()``, read from the database), and every one of
   the N visitors must be in the online table.
3. An article published through instance A (a draft made beforehand; an editor logs in to
   A's admin and runs the changelist's "publish" action) appears on B's home page and at its
   own address within the cache window (it is 404 on B before).

Exit status 0 only if all three hold. Bounded: about a minute.
"""

import argparse
import http.cookiejar
import json
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (bench/pages.py: environment, server, wrk helpers)

ROOT = pages.ROOT

NUMBERS = r"""
import json, django
django.setup()
from django.conf import settings
settings.STATS_CACHE_SECONDS = 0  # read the database, not the box's few-seconds cache
from stats.selectors import visitor_numbers
from stats.models import OnlineVisitor
ids = json.loads(input() or "[]")
numbers = visitor_numbers()
numbers["online_ids"] = OnlineVisitor.objects.filter(visitor_id__in=ids).count()
print(json.dumps(numbers))
"""

DRAFT = r"""
import json, secrets, sys, django
django.setup()
from django.contrib.auth import get_user_model
from news.models import Article, Category
User = get_user_model()
password = secrets.token_urlsafe(16)
user, _ = User.objects.get_or_create(username="scaleout-editor", defaults={"is_staff": True})
user.is_staff = user.is_superuser = user.is_active = True
user.set_password(password)
user.save()
article = Article(title=sys.argv[1], summary="Bài kiểm tra mở rộng quy mô.",
                  body="<p>Bài kiểm tra mở rộng quy mô.</p>", status=Article.Status.DRAFT)
article.save()
category = Category.objects.first()
if category is not None:
    article.categories.add(category)
print(json.dumps({"pk": article.pk, "url": article.get_absolute_url(),
                  "username": user.username, "password": password}))
"""

CLEAN_UP = r"""
import sys, django
django.setup()
from django.contrib.auth import get_user_model
from news.models import Article
for article in Article.objects.filter(pk=int(sys.argv[1])):
    article.delete()
get_user_model().objects.filter(username="scaleout-editor").delete()
"""


class AdminClient:
    """An editor's browser on one instance's admin: cookies, CSRF token, form posts."""

    def __init__(self, base: str, admin_path: str = "/admin/"):
        self.base, self.admin = base, admin_path
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"User-Agent": pages.BROWSER_UA, "Referer": self.base + path},
        )
        try:
            with self.opener.open(req, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def login(self, username: str, password: str) -> None:
        login = self.admin + "login/"
        self.request(login)
        status, html = self.request(
            login,
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self._csrf(),
                "next": self.admin,
            },
        )
        if status != 200 or 'name="password"' in html:
            raise RuntimeError(f"admin login on {self.base} failed ({status})")

    def publish(self, pk: int) -> None:
        """The changelist's "publish" action, as an editor ticks the article and runs it."""
        changelist = self.admin + "news/article/"
        status, _ = self.request(changelist)
        if status != 200:
            raise RuntimeError(f"{changelist} answered {status}")
        status, html = self.request(
            changelist,
            {
                "action": "publish",
                "_selected_action": [str(pk)],
                "index": "0",
                "select_across": "0",
                "csrfmiddlewaretoken": self._csrf(),
            },
        )
        if status != 200:
            raise RuntimeError(f"publish action answered {status}")


def log(message: str) -> None:
    pages.log(message)


def python(env: dict[str, str], code: str, *args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [pages.PYTHON, "-c", code, *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def visitor_id(cookie: str) -> str:
    """The id inside the signed ``uv`` cookie (``uv=<id>.<last>.<presence>:<signature>``)."""
    return cookie.split("=", 1)[1].rsplit(":", 1)[0].split(".")[0]


def spread_load(a: pages.Server, b: pages.Server, urls: dict, duration: int) -> list[dict]:
    """wrk on both instances at once, each with its own returning visitor."""
    jobs = [(a, urls["home"]), (b, urls.get("article", urls["home"]))]
    with ThreadPoolExecutor(len(jobs)) as pool:
        futures = [
            pool.submit(
                pages.wrk,
                server.base + path,
                duration=duration,
                cookie=pages.returning_visitor_cookie(server.base, path),
                threads=1,
                connections=8,
            )
            for server, path in jobs
        ]
        results = [f.result() for f in futures]
    for (server, path), figures in zip(jobs, results, strict=True):
        figures["url"] = server.base + path
    return results


def new_visitors(a: pages.Server, b: pages.Server, paths: list[str], count: int):
    """``count`` new visitors; visitor i starts on A or B (alternating) and then reads two more
    pages on the other instance and back, sending the cookie it was given."""

    def one(i: int) -> tuple[str | None, list[int]]:
        first, second = (a, b) if i % 2 == 0 else (b, a)
        statuses = []
        status, headers, _ = pages.fetch(first.base + paths[i % len(paths)])
        statuses.append(status)
        cookie = pages.visitor_cookie(headers)
        for server in (second, first):
            status, headers, _ = pages.fetch(
                server.base + paths[(i + 1) % len(paths)], cookie=cookie
            )
            statuses.append(status)
            cookie = pages.visitor_cookie(headers) or cookie
        return cookie, statuses

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(count)))


def wait_for(predicate, timeout: float, interval: float = 0.2) -> float | None:
    """Seconds until predicate() held, or None if it never did within timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(interval)
    return None


def seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f}s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Two instances, one PostgreSQL, one Redis")
    parser.add_argument("--database-url", default=pages.DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=pages.DEFAULT_REDIS_URL)
    parser.add_argument("--ports", default="8403,8404")
    parser.add_argument("--visitors", type=int, default=300)
    parser.add_argument("--duration", type=int, default=6, help="seconds of wrk load")
    parser.add_argument("--workers", default="2", help="gunicorn workers per instance")
    parser.add_argument(
        "--window", type=float, default=60.0, help="cache window for the published article (s)"
    )
    options = parser.parse_args(argv)
    started = time.monotonic()
    port_a, port_b = (int(p) for p in options.ports.split(","))

    import tempfile

    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="scaleout-static-") as static_root:
        env = pages.bench_env(options.database_url, options.redis_url, static_root)
        env["WEB_CONCURRENCY"] = options.workers
        urls = pages.prepare(env)
        pages.flush_redis(options.redis_url)
        log_path = ROOT / "var" / "scaleout-gunicorn.log"
        log_path.parent.mkdir(exist_ok=True)
        with pages.Server(env, port_a, log_path) as a, pages.Server(env, port_b, log_path) as b:
            log(f"A = {a.base}, B = {b.base}; database {options.database_url}; {options.redis_url}")
            reader_paths = [p for k, p in urls.items() if k not in {"ping"}]
            pages.warm(a.base, {k: urls[k] for k in urls}, rounds=3)
            pages.warm(b.base, {k: urls[k] for k in urls}, rounds=3)

            # 1. Load spread across both instances.
            log(f"1. wrk on A and B at once for {options.duration}s")
            for figures in spread_load(a, b, urls, options.duration):
                print(
                    f"   {figures['url'][:60]:<60} {figures['rps']:>6.0f} req/s  "
                    f"p99 {figures['p99_ms']:.1f} ms  requests {figures['requests']}  "
                    f"errors {figures['errors']}"
                )
                if figures["errors"]:
                    failures.append(f"{figures['errors']} errors on {figures['url']}")

            # 2. Visitor counts exact.
            log(f"2. {options.visitors} new visitors, each on A and B")
            before = json.loads(python(env, NUMBERS, stdin="[]"))
            outcomes = new_visitors(a, b, reader_paths, options.visitors)
            cookies = [cookie for cookie, _ in outcomes if cookie]
            bad = [s for _, statuses in outcomes for s in statuses if s != 200]
            ids = sorted({visitor_id(c) for c in cookies})
            after = json.loads(python(env, NUMBERS, stdin=json.dumps(ids)))
            today = after["today"] - before["today"]
            total = after["total"] - before["total"]
            print(
                f"   sent {options.visitors} new visitors × 3 pages "
                f"({options.visitors * 3} requests, {len(bad)} not 200); "
                f"distinct visitor ids {len(ids)}"
            )
            print(
                f"   Hôm nay {before['today']} → {after['today']} (+{today}); "
                f"Đã truy cập {before['total']} → {after['total']} (+{total}); "
                f"of our visitors online: {after['online_ids']}"
            )
            expected = options.visitors
            if bad:
                failures.append(f"{len(bad)} visitor requests not answered 200")
            if (len(ids), today, total, after["online_ids"]) != (expected,) * 4:
                failures.append(
                    f"visitor counts not exact: ids {len(ids)}, today +{today}, "
                    f"total +{total}, online {after['online_ids']}, expected {expected}"
                )

            # 3. Published through A, visible through B.
            title = f"Kiểm tra mở rộng {secrets.token_hex(4)}"
            log(f"3. publish “{title}” through A, watch B")
            published = json.loads(python(env, DRAFT, title))
            try:
                if pages.fetch(b.base + published["url"])[0] != 404:
                    failures.append("the draft was visible on B before it was published")
                admin_path = "/" + env.get("ADMIN_URL", "admin/").strip("/") + "/"
                editor = AdminClient(a.base, admin_path)
                editor.login(published["username"], published["password"])
                editor.publish(published["pk"])
                encoded = title.encode()

                def on_b_home() -> bool:
                    return encoded in pages.fetch(b.base + "/")[2]

                def on_b_article() -> bool:
                    return pages.fetch(b.base + published["url"])[0] == 200

                home_after = wait_for(on_b_home, options.window)
                article_after = wait_for(on_b_article, options.window)
                print(
                    f"   {published['url']}: on B's home after "
                    f"{seconds(home_after)}, "
                    f"at its address on B after "
                    f"{seconds(article_after)} "
                    f"(window {options.window:.0f}s)"
                )
                if home_after is None or article_after is None:
                    failures.append("the article published through A did not appear on B")
            finally:
                python(env, CLEAN_UP, str(published["pk"]))

    print(f"scale-out: {'PASS' if not failures else 'FAIL'} in {time.monotonic() - started:.0f}s")
    for failure in failures:
        print(f"   - {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
