"""Fault test: PostgreSQL and Redis go away under light load; the site copes and counts right.

    bash bench/faults.sh                 # outage 6 s (at most 10)

1. gunicorn (production settings) on a fresh database (unionsite_sec_bench) and on a private
   redis-server on 127.0.0.1:8509 that this script starts and stops (the shared Redis on 6379
   is never touched). A few threads request reader pages without cookies: every 200 is a new
   visitor.
2. PostgreSQL is stopped (pg_ctlcluster ... stop -m fast) for a few seconds and started
   again — in a ``finally``, so it restarts even if this script fails. Reader pages must
   answer the Vietnamese 503 page with Retry-After and no traceback; after the restart the
   script measures how long until pages answer 200 again.
3. Visits: counted before the outage must all still be there, and after the outage the
   counter must not have counted more visits than pages served (nothing counted twice).
4. The private Redis is stopped: pages must keep answering 200, and counting stays exact.
"""

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_server as srv  # noqa: E402

PG_CLUSTER = ["15", "main"]
VIETNAMESE_503 = "Trang đang tạm thời gián đoạn"


def pg_ctl(action: str) -> None:
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", *PG_CLUSTER, action]
        + (["-m", "fast"] if action == "stop" else []),
        check=False,
    )


def pg_ready() -> bool:
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0


def ensure_postgres_running() -> None:
    if not pg_ready():
        pg_ctl("start")
        for _ in range(60):
            if pg_ready():
                return
            time.sleep(0.5)


class Load:
    """A few threads, each requesting a random reader page without cookie, ~10 times/s."""

    def __init__(self, base: str, paths: list[str], threads: int):
        self.base, self.paths = base, paths
        self.results: list[tuple[float, int, bool, str, str]] = []
        self.lock = threading.Lock()
        self.running = threading.Event()
        self.stopping = False
        self.in_flight = 0
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(threads)]

    def start(self):
        self.running.set()
        for thread in self.threads:
            thread.start()

    def run(self):
        while not self.stopping:
            self.running.wait()
            with self.lock:
                if not self.running.is_set():
                    continue
                self.in_flight += 1
            started = time.monotonic()
            status, headers, body = srv.fetch(self.base + random.choice(self.paths), timeout=15)
            with self.lock:
                self.in_flight -= 1
                self.results.append(
                    (
                        started,
                        status,
                        VIETNAMESE_503 in body,
                        headers.get("Retry-After", "") if headers else "",
                        "Traceback" in body or "OperationalError" in body,
                    )
                )
            time.sleep(0.1)

    def pause(self):
        self.running.clear()
        while True:
            with self.lock:
                if self.in_flight == 0:
                    return
            time.sleep(0.05)

    def resume(self):
        self.running.set()

    def since(self, moment: float):
        with self.lock:
            return [r for r in self.results if r[0] >= moment]

    def stop(self):
        self.stopping = True
        self.running.set()


def histogram(results) -> dict:
    counts: dict[int, int] = {}
    for r in results:
        counts[r[1]] = counts.get(r[1], 0) + 1
    return dict(sorted(counts.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outage", type=float, default=6.0, help="seconds PostgreSQL is down")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8504)
    parser.add_argument("--redis-port", type=int, default=8509)
    parser.add_argument("--db", default="unionsite_sec_bench")
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    if args.outage > 10:
        sys.exit("--outage is at most 10 s: other people use this PostgreSQL server")

    # SIGTERM/SIGINT must unwind through the finally blocks that restart PostgreSQL.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))

    work = Path(tempfile.mkdtemp(prefix="unionsite-faults-"))
    redis_url = f"redis://127.0.0.1:{args.redis_port}/0"
    env = srv.server_env(args.db, redis_url)
    base = f"http://127.0.0.1:{args.port}"
    failures: list[str] = []

    def check(condition: bool, message: str) -> None:
        print(("  ok   " if condition else "  FAIL ") + message)
        if not condition:
            failures.append(message)

    redis = None
    server = None
    load = None
    try:
        redis = start_redis(args.redis_port)
        print(f"== fresh database {args.db}; private Redis on {args.redis_port}")
        srv.fresh_database(args.db, env)
        server = srv.start_gunicorn(env, args.port, work / "access.log", args.workers)
        paths = srv.reader_paths(base)
        load = Load(base, paths, args.threads)
        load.start()

        print("== phase 1: normal service (5 s)")
        time.sleep(5)
        load.pause()
        before = srv.visit_numbers(env)
        phase1 = load.since(0)
        print(f"  responses {histogram(phase1)}; visits in database {before}")
        check(all(r[1] == 200 for r in phase1), "every page answered 200 before the outage")

        print(f"== phase 2: PostgreSQL stopped for {args.outage:.0f} s under load")
        load.resume()
        t_stop = time.monotonic()
        try:
            pg_ctl("stop")
            t_down = time.monotonic()
            time.sleep(args.outage)
        finally:
            pg_ctl("start")
            ensure_postgres_running()
        t_up = time.monotonic()
        print(f"  PostgreSQL down for {t_up - t_down:.1f} s (stop took {t_down - t_stop:.1f} s)")
        time.sleep(10)
        load.pause()
        outage = [r for r in load.since(t_down) if r[0] < t_up]
        after_up = load.since(t_up)
        print(f"  during the outage: {histogram(outage)}")
        print(f"  after restart:     {histogram(after_up)}")
        unavailable = [r for r in outage if r[1] == 503]
        check(bool(unavailable), "reader pages answered 503 while the database was down")
        check(
            all(r[2] and r[3] == "10" for r in unavailable),
            "every 503 is the Vietnamese page with Retry-After: 10",
        )
        check(not [r for r in load.since(t_stop) if r[4]], "no traceback in any response")
        check(
            not [r for r in load.since(t_stop) if r[1] in (0, 500)],
            "no 500 and no dropped connection",
        )
        first_ok = next((r[0] for r in after_up if r[1] == 200), None)
        last_bad = max((r[0] for r in after_up if r[1] != 200), default=None)
        if first_ok is not None:
            print(f"  first 200 {first_ok - t_up:.2f} s after PostgreSQL accepted connections")
        settled = (last_bad - t_up) if last_bad else 0.0
        print(f"  last non-200 {settled:.2f} s after the restart")
        check(first_ok is not None and settled < 5, "service recovered within 5 s by itself")

        during = srv.visit_numbers(env)
        served = [r for r in load.since(t_stop) if r[1] == 200]
        served_down = [r for r in served if t_down <= r[0] < t_up]
        counted = during["total"] - before["total"]
        print(
            f"  visits: before {before['total']}, after {during['total']}; pages served since "
            f"the stop {len(served)} (of them while the database was down: {len(served_down)})"
        )
        check(during["total"] >= before["total"], "no visit recorded before the outage was lost")
        check(counted <= len(served), "no visit counted twice")
        check(
            counted >= len(served) - len(served_down),
            "every page served while the database was up was counted",
        )
        check(
            during["total"] - before["total"] == during["daily"] - before["daily"],
            "running total and today's count moved together",
        )

        print("== phase 3: Redis stopped (5 s), then started again (5 s)")
        before_redis = during
        load.resume()
        t_redis = time.monotonic()
        stop_redis(redis)
        time.sleep(5)
        redis = start_redis(args.redis_port)
        time.sleep(5)
        load.pause()
        redis_phase = load.since(t_redis)
        print(f"  responses {histogram(redis_phase)}")
        check(all(r[1] == 200 for r in redis_phase), "every page answered 200 with Redis down")
        after_redis = srv.visit_numbers(env)
        counted = after_redis["total"] - before_redis["total"]
        print(f"  visits counted {counted}, pages served {len(redis_phase)}")
        check(counted == len(redis_phase), "visits counted exactly with Redis down")
    finally:
        if load:
            load.stop()
        ensure_postgres_running()
        if server:
            srv.stop_gunicorn(server)
        if redis:
            stop_redis(redis)
    print("PASS" if not failures else f"FAIL: {len(failures)} check(s) failed")
    return 0 if not failures else 1


def start_redis(port: int):
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--daemonize", "no"],
        stdout=subprocess.DEVNULL,
    )
    srv.wait_port(port)
    return process


def stop_redis(process) -> None:
    process.terminate()
    process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
