"""Profile one page in-process: queries, time per request, and where the time goes.

    .venv/bin/python bench/pages_profile.py /tin-tuc/<slug>/ [-n 50] [--redis]

Uses the benchmark's settings (DEBUG off, production middleware, the bench database that
bench/pages.py prepared) and Django's test client, so it needs no server. Prints the SQL
queries of one warm request and, if pyinstrument is installed (``.venv/bin/pip install
pyinstrument``; not a project dependency), a call tree of ``-n`` warm requests; otherwise
cProfile's top functions.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--redis", action="store_true")
    parser.add_argument("--database-url", default=pages.DEFAULT_DATABASE_URL)
    parser.add_argument("--sql", action="store_true", help="print every query's SQL")
    options = parser.parse_args(argv)

    static_root = tempfile.mkdtemp(prefix="profile-static-")
    env = pages.bench_env(
        options.database_url, pages.DEFAULT_REDIS_URL if options.redis else "", static_root
    )
    env["ALLOWED_HOSTS"] += ",testserver"
    os.environ.update(env)
    pages.run([pages.PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_USER_AGENT=pages.BROWSER_UA)
    first = client.get(options.path)  # starts a visit; later requests are a returning visitor
    if first.status_code != 200:
        raise SystemExit(f"{options.path} answered {first.status_code}")
    for _ in range(5):
        client.get(options.path)
    with CaptureQueriesContext(connection) as queries:
        client.get(options.path)
    print(f"{options.path}: {len(queries)} queries on a warm request")
    for query in queries.captured_queries:
        sql = query["sql"] if options.sql else query["sql"][:160]
        print(f"  {float(query['time']) * 1000:6.1f} ms  {sql}")

    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    started = time.perf_counter()
    if Profiler is not None:
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(options.n):
            client.get(options.path)
        profiler.stop()
        elapsed = time.perf_counter() - started
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    else:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(options.n):
            client.get(options.path)
        profile.disable()
        elapsed = time.perf_counter() - started
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    print(f"{options.n} warm requests: {elapsed / options.n * 1000:.1f} ms each (profiled)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
