"""What each reader page costs as the archive grows: cold requests at several sizes.

    .venv/bin/python bench/growth.py --sizes 1000,10000 \\
        [--database-url-template postgres://postgres@127.0.0.1:5432/unionsite_growth_{size}] \\
        [--rounds 3] [--no-fill] [--server [--seconds 4] [--port 8310]] [--markdown FILE]

For each size: creates the database if missing and fills it with ``bench/fill_volume.py``
(that many published articles, ~3,000 grassroots unions with congresses), then, in a child
process with production settings (``DEBUG=0``, the full middleware, the page cache off, a
per-process memory cache cleared before every request so each fragment is recomputed),
requests every reader page through Django's test client as a returning reader with a
browser User-Agent and records the median over ``--rounds`` of wall ms, SQL ms and the
number of queries. The slowest query of each page is EXPLAIN ANALYZEd into
``var/growth-explain-<size>.txt``. Prints a table per page and size (Markdown with
``--markdown``). The searches: a common phrase ("dai hoi"), a rare word, a word that matches
nothing, and "distinct" — a different two-word query on every request (what the page cache
cannot help).

``--server`` also starts gunicorn (``deploy/gunicorn.conf.py``, ``DEBUG=0``, local-memory
cache, ``bench.pages_settings`` for the constant view ``/bench/ping/``) once with the page
cache off and once on (10 s), and drives each page with wrk (``-t2 -c16``, a browser
User-Agent, a returning reader's cookies; the distinct searches through
``bench/distinct_search.lua``), each page's req/s divided by the mean of the constant view's
runs just before and after it.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402

PAGES = [
    ("home", "home `/`"),
    ("category", "category page 1"),
    ("category_deep", "category, deepest page offered"),
    ("tag", "tag page 1"),
    ("article", "article"),
    ("search_common", "search `dai hoi`"),
    ("search_rare", "search, rare word"),
    ("search_none", "search, no match"),
    ("search_distinct", "search, a new query each request"),
    ("progress", "`/dai-hoi/`"),
    ("district", "district `/dai-hoi/tho-xuan/`"),
    ("congress", "a congress page"),
    ("sitemap", "`/sitemap.xml` (the index)"),
    ("sitemap_articles", "`/sitemap-articles.xml` (1,000 articles)"),
    ("rss", "`/rss/`"),
]


DISTINCT_WORDS = ["dai", "hoi", "cong", "doan", "lao", "dong", "nguoi", "ban", "chap", "hanh"]
DISTINCT_WORDS += ["nhiem", "ky", "thi", "dua", "thoai", "phuc", "loi", "vien", "huyen", "tinh"]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def child_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "unionsite.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "DATABASE_URL": database_url,
            "PAGE_CACHE_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def measure(rounds: int, size: int) -> dict:
    """In the child: every page, ``rounds`` cold requests each."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from congresses.models import Congress
    from news.models import Article, Category, Tag

    category = max(Category.objects.all(), key=lambda c: c.articles.count())
    tag = max(Tag.objects.all(), key=lambda t: t.articles.count())
    from news.selectors import MAX_LIST_PAGES

    per_page = 12
    deepest = min(MAX_LIST_PAGES, max(1, -(-category.articles.count() // per_page)))
    article = Article.objects.published()[size // 2 : size // 2 + 1].get()
    congress = Congress.objects.filter(organisation__parent__slug="tho-xuan").first()
    urls = {
        "home": "/",
        "category": category.get_absolute_url(),
        "category_deep": f"{category.get_absolute_url()}?page={deepest}",
        "tag": tag.get_absolute_url(),
        "article": article.get_absolute_url(),
        "search_common": "/tim-kiem/?q=dai+hoi",
        "search_rare": "/tim-kiem/?q=lam+son+1",
        "search_none": "/tim-kiem/?q=khongcotunay",
        "progress": "/dai-hoi/",
        "district": "/dai-hoi/tho-xuan/",
        "congress": f"/dai-hoi/tho-xuan/{congress.pk}/",
        "sitemap": "/sitemap.xml",
        "sitemap_articles": "/sitemap-articles.xml",
        "rss": "/rss/",
        "search_distinct": "/tim-kiem/?q=<three words, new each request>",
    }
    # The same words as bench/distinct_search.lua: three of the filler's words, new each time.
    words = DISTINCT_WORDS
    distinct = iter(
        f"/tim-kiem/?q={a}+{b}+{c}" for c in words for b in words for a in words if a != b
    )
    client = Client(HTTP_USER_AGENT=pages.BROWSER_UA)
    client.get("/")  # start a visit: later requests are a returning reader's
    results, explain = {}, []
    for key, _label in PAGES:
        samples = []
        for _ in range(rounds):
            url = next(distinct) if key == "search_distinct" else urls[key]
            cache.clear()
            client.cookies.pop("news_seen", None)
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                wall = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            queries = captured.captured_queries
            samples.append((wall, sum(float(q["time"]) for q in queries) * 1000, len(queries)))
            slowest = max(queries, key=lambda q: float(q["time"]), default=None)
        results[key] = {
            "url": urls[key],
            "wall_ms": statistics.median(s[0] for s in samples),
            "sql_ms": statistics.median(s[1] for s in samples),
            "queries": statistics.median(s[2] for s in samples),
        }
        if slowest is not None and slowest["sql"].lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            explain.append(f"## {key} {results[key]['url']}\n{slowest['sql']}\n\n{plan}\n")
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / f"growth-explain-{size}.txt").write_text("\n".join(explain))
    return {"figures": results, "urls": urls}


def server_ratios(database_url: str, urls: dict, *, port: int, seconds: int) -> dict:
    """Each page through gunicorn (deploy/gunicorn.conf.py, DEBUG=0) with wrk, page cache
    off and on, as a ratio to the constant view measured just before and after it."""
    ratios = {}
    ua = ["-H", f"User-Agent: {pages.BROWSER_UA}"]
    script = ["-s", str(ROOT / "bench" / "distinct_search.lua")]
    with tempfile.TemporaryDirectory(prefix="growth-static-") as static_root:
        env = pages.bench_env(database_url, "", static_root)
        pages.run([pages.PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
        for mode, page_cache in (("off", "0"), ("on", "10")):
            env["PAGE_CACHE_SECONDS"] = page_cache
            log_path = ROOT / "var" / "growth-gunicorn.log"
            with pages.Server(env, port, log_path) as server:
                paths = {k: v for k, v in urls.items() if k != "search_distinct"}
                pages.warm(server.base, paths, rounds=3)

                def run(path, extra=(), *, duration=seconds, base=server.base):
                    cookie = pages.returning_visitor_cookie(base, path.split("?")[0])
                    return pages.wrk(
                        base + path, duration=duration, cookie=cookie, extra_args=[*ua, *extra]
                    )["rps"]

                before = run("/bench/ping/", duration=max(2, seconds // 2))
                for key, _label in PAGES:
                    extra = script if key == "search_distinct" else ()
                    path = "/tim-kiem/" if key == "search_distinct" else urls[key]
                    rps = run(path, extra)
                    after = run("/bench/ping/", duration=max(2, seconds // 2))
                    ratios.setdefault(key, {})[mode] = rps / ((before + after) / 2)
                    log(f"{mode} {key}: {rps:.0f} req/s, ratio {ratios[key][mode]:.3f}")
                    before = after
    return ratios


def markdown(sizes: list[int], figures: dict[int, dict], ratios: dict[int, dict]) -> str:
    head = "| page | " + " | ".join(f"{s:,} articles" for s in sizes) + " |"
    lines = [head, "| --- |" + " ---: |" * len(sizes)]
    for key, label in PAGES:
        cells = []
        for size in sizes:
            f = figures[size][key]
            cell = f"{f['wall_ms']:.0f} / {f['sql_ms']:.1f} / {f['queries']:.0f}"
            if size in ratios:
                r = ratios[size][key]
                cell = f"{r['off']:.2f} / {r['on']:.2f} · {cell}"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument(
        "--database-url-template",
        default="postgres://postgres@127.0.0.1:5432/unionsite_growth_{size}",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-fill", action="store_true")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument(
        "--server", action="store_true", help="also gunicorn + wrk ratios (page cache off/on)"
    )
    parser.add_argument("--port", type=int, default=8310)
    parser.add_argument("--seconds", type=int, default=4, help="wrk seconds per page")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child is not None:
        print(json.dumps(measure(options.rounds, options.child)))
        return 0

    sizes = [int(s) for s in options.sizes.split(",")]
    figures, ratios = {}, {}
    for size in sizes:
        url = options.database_url_template.format(size=size)
        env = child_env(url)
        pages.ensure_database(url)
        if not options.no_fill:
            log(f"filling {url} to {size} articles")
            fill_env = dict(env, DEBUG="1")
            pages.run([pages.PYTHON, "bench/fill_volume.py", "--articles", str(size)], fill_env)
        log(f"measuring {size}")
        out = pages.run(
            [
                pages.PYTHON,
                "bench/growth.py",
                "--child",
                str(size),
                "--rounds",
                str(options.rounds),
            ],
            env,
            capture_output=True,
            text=True,
        )
        measured = json.loads(out.stdout.strip().splitlines()[-1])
        figures[size] = measured["figures"]
        if options.server:
            ratios[size] = server_ratios(
                url, measured["urls"], port=options.port, seconds=options.seconds
            )
    table = markdown(sizes, figures, ratios)
    what = "ratio to the ceiling, page cache off / on · " if ratios else ""
    print(f"{what}cold in-process request, page cache off: wall ms / SQL ms / queries "
          f"(median of {options.rounds})\n\n{table}")  # fmt: skip
    if options.markdown:
        Path(options.markdown).write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
