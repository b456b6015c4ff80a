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
3. Visits: the counter sets the visitor cookie exactly when it has recorded a visit, so in
   every phase the database must have grown by exactly the number of answers that set it
   (none lost, none counted twice); visits recorded before the outage must still be there.
   A 200 without the cookie (the counter could not write) is reported as deferred: that
   visitor is counted on their next page.
4. The private Redis is stopped: pages must keep answering 200, and counting stays exact.

Rehearse without touching the shared server on a private cluster:
    BENCH_PG_PORT=8505 BENCH_PGDATA=/tmp/sec_pg bash bench/faults.sh
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_server as srv  # noqa: E402

PG_CLUSTER = ["15", "main"]
# BENCH_PGDATA: a private cluster (started by ``pg_ctl -D``) to rehearse the script without
# touching the shared server; its port is BENCH_PG_PORT.
PGDATA = os.environ.get("BENCH_PGDATA")
VIETNAMESE_503 = "Trang đang tạm thời gián đoạn"


def pg_ctl(action: str) -> None:
    mode = ["-m", "fast"] if action == "stop" else []
    if PGDATA:
        command = f"pg_ctl -D {PGDATA} -w {' '.join(mode)} -l {PGDATA}/log {action}"
        subprocess.run(
            ["su", "postgres", "-c", f"/usr/lib/postgresql/15/bin/{command}"], check=False
        )
    else:
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", *PG_CLUSTER, action, *mode],
            check=False,
        )


def pg_ready() -> bool:
    where = ["-h", "127.0.0.1", "-p", srv.PG_PORT, "-q"]
    return subprocess.run(["pg_isready", *where]).returncode == 0


def ensure_postgres_running() -> None:
    if not pg_ready():
        pg_ctl("start")
        for _ in range(60):
            if pg_ready():
                return
            time.sleep(0.5)


@dataclass(frozen=True)
class Result:
    at: float  # time.monotonic() when the request was sent
    status: int  # 0: no answer at all
    vietnamese_503: bool
    retry_after: str
    traceback: bool
    counted: bool  # the answer set the visitor cookie: the counter recorded this visit


class Load:
    """A few threads, each requesting a random reader page without cookie, ~10 times/s.

    Every request comes from a new visitor. The counter sets the ``uv`` cookie exactly when it
    has recorded the visit; a 200 without it means the counter could not write (the visit is
    deferred: a browser without the cookie is counted on its next page).
    """

    def __init__(self, base: str, paths: list[str], threads: int):
        self.base, self.paths = base, paths
        self.results: list[Result] = []
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
            cookies = headers.get_all("Set-Cookie") or [] if headers else []
            result = Result(
                at=started,
                status=status,
                vietnamese_503=VIETNAMESE_503 in body,
                retry_after=headers.get("Retry-After", "") if headers else "",
                traceback="Traceback" in body or "OperationalError" in body,
                counted=any(cookie.startswith("uv=") for cookie in cookies),
            )
            with self.lock:
                self.in_flight -= 1
                self.results.append(result)
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

    def between(self, start: float, end: float = float("inf")) -> list[Result]:
        with self.lock:
            return [r for r in self.results if start <= r.at < end]

    def stop(self):
        self.stopping = True
        self.running.set()


def histogram(results: list[Result]) -> dict:
    counts: dict[int, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
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
    env = srv.server_env(args.db, f"redis://127.0.0.1:{args.redis_port}/0")
    base = f"http://127.0.0.1:{args.port}"
    failures: list[str] = []

    def check(condition: bool, message: str) -> None:
        print(("  ok   " if condition else "  FAIL ") + message)
        if not condition:
            failures.append(message)

    def check_counts(before: dict, after: dict, results: list[Result]) -> None:
        counted = after["total"] - before["total"]
        confirmed = sum(r.counted for r in results)
        deferred = sum(r.status == 200 and not r.counted for r in results)
        print(
            f"  visits: database +{counted} (today +{after['daily'] - before['daily']}); "
            f"answers that recorded a visit {confirmed}; 200s the counter could not record "
            f"(deferred to the visitor's next page) {deferred}"
        )
        check(counted == confirmed, "every recorded visit is in the database exactly once")
        check(after["daily"] - before["daily"] == counted, "today's count and the total agree")

    redis = server = load = None
    try:
        redis = start_redis(args.redis_port)
        print(f"== fresh database {args.db}; private Redis on {args.redis_port}")
        srv.fresh_database(args.db, env)
        server = srv.start_gunicorn(env, args.port, work / "access.log", args.workers)
        paths = srv.reader_paths(base)
        start = srv.visit_numbers(env)
        load = Load(base, paths, args.threads)
        t0 = time.monotonic()
        load.start()

        print("== phase 1: normal service (5 s)")
        time.sleep(5)
        load.pause()
        before = srv.visit_numbers(env)
        phase1 = load.between(t0)
        print(f"  responses {histogram(phase1)}")
        check(all(r.status == 200 for r in phase1), "every page answered 200 before the outage")
        check_counts(start, before, phase1)

        print(f"== phase 2: PostgreSQL stopped for {args.outage:.0f} s under load")
        t_stop = time.monotonic()
        load.resume()
        try:
            pg_ctl("stop")
            t_down = time.monotonic()
            time.sleep(args.outage)
        finally:
            pg_ctl("start")
            ensure_postgres_running()
        t_up = time.monotonic()
        print(f"  PostgreSQL down {t_up - t_down:.1f} s (stopping took {t_down - t_stop:.1f} s)")
        time.sleep(10)
        load.pause()
        during = load.between(t_down, t_up)
        after_up = load.between(t_up)
        phase2 = load.between(t_stop)
        print(f"  while down:     {histogram(during)}")
        print(f"  after restart:  {histogram(after_up)}")
        unavailable = [r for r in phase2 if r.status == 503]
        check(bool(unavailable), "reader pages answered 503 while the database was down")
        check(
            all(r.vietnamese_503 and r.retry_after == "10" for r in unavailable),
            "every 503 is the Vietnamese page with Retry-After: 10",
        )
        check(not [r for r in phase2 if r.traceback], "no traceback in any response")
        check(not [r for r in phase2 if r.status in (0, 500)], "no 500, no dropped connection")
        first_ok = next((r.at for r in after_up if r.status == 200), None)
        last_bad = max((r.at for r in after_up if r.status != 200), default=t_up)
        first_counted = next((r.at for r in after_up if r.counted), None)
        if first_ok is not None:
            print(f"  first 200 {first_ok - t_up:.2f} s after PostgreSQL accepted connections")
            print(f"  last non-200 {last_bad - t_up:.2f} s after it")
        if first_counted is not None:
            print(f"  first visit recorded again {first_counted - t_up:.2f} s after it")
        check(first_ok is not None and last_bad - t_up < 5, "pages recovered within 5 s")
        check(first_counted is not None, "the counter records visits again")
        after = srv.visit_numbers(env)
        check(after["total"] >= before["total"], "no visit recorded before the outage was lost")
        check_counts(before, after, phase2)

        print("== phase 3: Redis stopped (5 s), then started again (5 s)")
        t_redis = time.monotonic()
        load.resume()
        stop_redis(redis)
        time.sleep(5)
        redis = start_redis(args.redis_port)
        time.sleep(5)
        load.pause()
        phase3 = load.between(t_redis)
        print(f"  responses {histogram(phase3)}")
        check(all(r.status == 200 for r in phase3), "every page answered 200 with Redis down")
        check_counts(after, srv.visit_numbers(env), phase3)
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
