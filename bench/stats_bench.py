"""What the visitor counter costs per request (bench/stats_bench.sh; figures in docs/stats.md).

1. A fresh PostgreSQL database ``unionsite_stats_bench``: migrate, seed_demo.
2. Two gunicorn servers on it with production settings (DEBUG off), 2 workers each:
   counter on (127.0.0.1:8305) and counter off (``STATS_COUNTER=0``, 127.0.0.1:8306). Both
   render the visitor box; only the middleware differs.
3. wrk against the page, alternating off/on, for
   - returning visitors: every request carries one valid visitor cookie made just before the
     run (inside a visit, presence fresh) — the counter writes nothing;
   - new visitors: no cookie — every request starts a visit (one write transaction each).
   Each cell runs ``--rounds`` times, alternating which server goes first, because the
   machine's load drifts between runs.
4. Prints requests/s and the on/off ratio, checks that the counter counted one visit per
   new-visitor request and none for the returning visitor, and measures the middleware's
   CPU cost for a returning visitor in-process (timeit), which no machine noise blurs.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_server as srv  # noqa: E402
from load_server import BROWSER_UA  # noqa: E402

ROOT = srv.ROOT
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DB = "unionsite_stats_bench"
PORT_ON, PORT_OFF = 8305, 8306

COOKIE_SCRIPT = """
from stats import clock, visitors
now = int(clock.now().timestamp())
print("COOKIE", visitors.dump(visitors.Visitor(visitors.new_id(), now, now)))
"""
MICRO_SCRIPT = """
import statistics, time, timeit
from django.http import HttpResponse
from django.test import Client, RequestFactory
from stats import clock, services, visitors
from stats.middleware import VisitorCounterMiddleware

now = int(clock.now().timestamp())
cookie = visitors.dump(visitors.Visitor(visitors.new_id(), now, now))
middleware = VisitorCounterMiddleware(lambda request: HttpResponse("<p>x</p>"))
request = RequestFactory().get("/", HTTP_COOKIE="uv=" + cookie, HTTP_USER_AGENT="Mozilla/5.0")
runs = 20000
counted = min(timeit.repeat(lambda: middleware(request), number=runs, repeat=3)) / runs
bare = min(timeit.repeat(lambda: HttpResponse("<p>x</p>"), number=runs, repeat=3)) / runs


def median_ms(action, runs=200):
    times = []
    for index in range(runs):
        start = time.perf_counter()
        action(index)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="stats-bench bot")  # bot: not counted
page = median_ms(lambda i: client.get(PATH))
write = median_ms(
    lambda i: services.record_visit(
        visitor_id=visitors.new_id(), now=clock.now(), starts_visit=True
    )
)
returning = (counted - bare) * 1000
print(
    f"MICRO page {PATH} (median, in-process, no counter): {page:.2f} ms; "
    f"counter for a returning visitor: {returning * 1000:.0f} us of CPU (no database), "
    f"estimated ratio {page / (page + returning):.3f}; "
    f"counter for a new visitor: {write:.2f} ms (one write transaction), "
    f"estimated ratio {page / (page + write):.2f}"
)
"""
VISITS_SCRIPT = """
from stats.models import VisitTotal
print("VISITS", VisitTotal.objects.get(pk=1).visits)
"""


def env_for(counter: bool) -> dict:
    # No REDIS_URL: this benchmark runs on the local-memory cache.
    return srv.server_env(
        DB,
        None,
        {"SECRET_KEY": "stats-bench-" + "k" * 50, "STATS_COUNTER": "1" if counter else "0"},
    )


def manage(*args: str) -> str:
    return srv.manage(env_for(True), *args)


def shell_value(script: str, tag: str) -> str:
    out = manage("shell", "-c", script)
    return next(line for line in out.splitlines() if line.startswith(tag + " ")).split(" ", 1)[1]


def start(port: int, counter: bool, workers: int, path: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [GUNICORN, "unionsite.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env_for(counter),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers={"User-Agent": "stats-bench-probe bot"}
            )
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    sys.exit(f"gunicorn on {port} did not answer 200 on {path}:\n{process.stderr.read()[-3000:]}")


def wrk(port: int, path: str, seconds: int, connections: int, cookie: str | None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", f"User-Agent: {BROWSER_UA}"]
    if cookie:
        command += ["-H", f"Cookie: uv={cookie}"]
    out = subprocess.run(
        command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    latency = re.search(r"Latency\s+(\S+)", out).group(1)
    return {
        "rps": rps,
        "requests": requests,
        "errors": int(non2xx.group(1)) if non2xx else 0,
        "latency": latency,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="off/on pairs per kind")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--path", default="/")
    args = parser.parse_args()

    print(f"== database {DB}: migrate, seed_demo", flush=True)
    srv.fresh_database(DB, env_for(True))

    servers = []
    totals: dict = {}
    try:
        servers.append(start(PORT_OFF, False, args.workers, args.path))
        servers.append(start(PORT_ON, True, args.workers, args.path))
        for kind in ("returning", "new"):
            for round_ in range(args.rounds):
                # Alternate which server goes first: the shared machine's load drifts.
                order = ((PORT_OFF, "off"), (PORT_ON, "on"))
                for port, label in order if round_ % 2 == 0 else order[::-1]:
                    wrk(port, args.path, 1, args.connections, None)  # warm up
                    cookie = shell_value(COOKIE_SCRIPT, "COOKIE") if kind == "returning" else None
                    before = int(shell_value(VISITS_SCRIPT, "VISITS"))
                    result = wrk(port, args.path, args.duration, args.connections, cookie)
                    result["visits"] = int(shell_value(VISITS_SCRIPT, "VISITS")) - before
                    print(
                        f"{kind:9} counter {label:3}: {result['rps']:8.1f} req/s, "
                        f"{result['requests']} requests, {result['errors']} errors, "
                        f"latency avg {result['latency']}, visits counted {result['visits']}",
                        flush=True,
                    )
                    total = totals.setdefault((kind, label), dict.fromkeys(result, 0))
                    for key in ("rps", "requests", "errors", "visits"):
                        total[key] += result[key]
    finally:
        for process in servers:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(30)

    print(
        f"\n== {args.path}, {args.workers} gunicorn workers, wrk -t2 -c{args.connections}, "
        f"{args.rounds} x {args.duration} s per cell (requests/s averaged over the rounds)"
    )
    print("| visitors | without counter (req/s) | with counter (req/s) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for kind in ("returning", "new"):
        off, on = totals[kind, "off"], totals[kind, "on"]
        print(
            f"| {kind} | {off['rps'] / args.rounds:.0f} | {on['rps'] / args.rounds:.0f} "
            f"| {on['rps'] / off['rps']:.2f} |"
        )
    new_on = totals["new", "on"]
    answered = new_on["requests"] - new_on["errors"]
    # wrk stops with up to one request per connection in flight; the server finishes them.
    in_flight = args.rounds * args.connections
    exact = answered <= new_on["visits"] <= answered + in_flight
    print(
        f"\nnew visitors, counter on: {answered} pages answered to wrk, {new_on['visits']} "
        f"visits counted ({'consistent' if exact else 'MISMATCH'}: up to {in_flight} requests "
        f"were still in flight when wrk stopped); returning visitors, counter on: "
        f"{totals['returning', 'on']['visits']} visits counted (expected 0)"
    )
    # wrk's figures swing with whatever else the machine runs; medians of in-process timings
    # (one worker, no network) do not, and give the counter's share of a request directly.
    print("\n== in-process cost (medians, bench database)")
    print(shell_value(f"PATH = {args.path!r}\n" + MICRO_SCRIPT, "MICRO"))


if __name__ == "__main__":
    main()
