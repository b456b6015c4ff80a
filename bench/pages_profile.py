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
    parser.add_argument("path", nargs="?", help="a page; without it, a table of every page")
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
    if not options.path:
        return cost_table(client, env, options.n)
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


def cost_table(client, env: dict[str, str], n: int) -> int:
    """Per page: SQL queries, cache calls, Python CPU and wall time per warm request.

    CPU time of this process (time.process_time) does not include PostgreSQL's or Redis's
    own CPU, nor waiting for them; it is the part a page costs in the gunicorn worker.
    """
    import json
    import subprocess

    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = json.loads(
        subprocess.run(
            [pages.PYTHON, "-c", pages.DISCOVER],
            env=env,
            cwd=pages.ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    backend = caches["default"]
    calls = {"n": 0}
    for name in ("get", "get_many", "set", "set_many", "add", "incr", "delete"):
        original = getattr(backend, name)

        def counted(*args, _original=original, **kwargs):
            calls["n"] += 1
            return _original(*args, **kwargs)

        setattr(backend, name, counted)
    print(f"{'page':<10} {'SQL':>4} {'cache':>6} {'CPU ms':>7} {'wall ms':>8} {'CPU × ping':>10}")
    ping_cpu = None
    for key, _label, _target in pages.PAGES:
        path = urls.get(key)
        if not path:
            continue
        for _ in range(5):
            client.get(path)
        calls["n"] = 0
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        sql, cache_calls = len(queries), calls["n"]
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(n):
            client.get(path)
        cpu = (time.process_time() - cpu) / n * 1000
        wall = (time.perf_counter() - wall) / n * 1000
        ping_cpu = ping_cpu or cpu
        print(
            f"{key:<10} {sql:>4} {cache_calls:>6} {cpu:>7.2f} {wall:>8.2f} {cpu / ping_cpu:>10.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
