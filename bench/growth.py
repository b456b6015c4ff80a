"""What each reader page costs as the archive grows: cold requests at several sizes.

    .venv/bin/python bench/growth.py --sizes 1000,10000 \\
        [--database-url-template postgres://postgres@127.0.0.1:5432/unionsite_growth_{size}] \\
        [--rounds 3] [--no-fill] [--markdown var/growth.md]

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
"""

import argparse
import json
import os
import secrets
import statistics
import sys
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
    }
    words = ["xuan", "lap", "lam", "son", "cong", "doan", "dai", "hoi", "lao", "dong", "tet"]
    words += ["thang", "nhan", "phuc", "loi", "bao", "hiem", "tien", "luong", "hoa", "dong"]
    distinct = iter(f"/tim-kiem/?q={a}+{b}+{n}" for n in range(1000) for a in words for b in words)
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
            "url": urls.get(key, "/tim-kiem/?q=<new each time>"),
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
    return results


def markdown(sizes: list[int], figures: dict[int, dict]) -> str:
    head = "| page | " + " | ".join(f"{s:,} articles" for s in sizes) + " |"
    lines = [head, "| --- |" + " ---: |" * len(sizes)]
    for key, label in PAGES:
        cells = []
        for size in sizes:
            f = figures[size][key]
            cells.append(f"{f['wall_ms']:.0f} / {f['sql_ms']:.1f} / {f['queries']:.0f}")
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
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child is not None:
        print(json.dumps(measure(options.rounds, options.child)))
        return 0

    sizes = [int(s) for s in options.sizes.split(",")]
    figures = {}
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
        figures[size] = json.loads(out.stdout.strip().splitlines()[-1])
    table = markdown(sizes, figures)
    print("cold request, page cache off: wall ms / SQL ms / queries (median of "
          f"{options.rounds})\n\n{table}")  # fmt: skip
    if options.markdown:
        Path(options.markdown).write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
