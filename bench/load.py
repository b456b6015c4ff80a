"""Load test: 100 concurrent connections for 60 s on reader pages, then check the counter.

    bash bench/load.sh                      # defaults below
    bash bench/load.sh --duration 20 --connections 50

gunicorn (deploy/gunicorn.conf.py, production settings) on a fresh PostgreSQL database
(unionsite_sec_bench) with the demo content and Redis db 5. wrk requests random reader pages;
a share of requests (--new-fraction) carries no visitor cookie, so each of them is a new
visitor (wrk stores no cookies); the rest carry one of --returning cookies from a warm-up.
Pass when wrk saw no error and the visits counted in the database equal the visits that
gunicorn's access log says were started (computed from the log, not from the counter).
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_server as srv  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--new-fraction", type=float, default=0.3)
    parser.add_argument("--returning", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (2×CPU+1)")
    parser.add_argument("--port", type=int, default=8503)
    parser.add_argument("--db", default="unionsite_sec_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    args = parser.parse_args()

    env = srv.server_env(args.db, args.redis)
    base = f"http://127.0.0.1:{args.port}"
    work = Path(tempfile.mkdtemp(prefix="unionsite-load-"))
    access_log = work / "access.log"

    print(f"== fresh database {args.db} with demo content")
    srv.fresh_database(args.db, env)
    server = srv.start_gunicorn(env, args.port, access_log, args.workers)
    try:
        paths = srv.reader_paths(base)
        print(f"== {len(paths)} reader pages, e.g. {paths[:4]}")
        before = srv.visit_numbers(env)

        # Returning visitors: one real first visit each, whose cookie wrk then replays.
        cookies = []
        for _ in range(args.returning):
            status, headers, _ = srv.fetch(base + "/")
            match = re.search(r"uv=([^;]+)", headers.get("Set-Cookie", "") if status else "")
            if status != 200 or not match:
                sys.exit(f"warm-up request failed: {status}")
            cookies.append(match.group(1))
        (work / "paths.txt").write_text("\n".join(paths) + "\n")
        (work / "cookies.txt").write_text("\n".join(cookies) + "\n")

        print(
            f"== wrk: {args.connections} connections, {args.duration} s, "
            f"{args.new_fraction:.0%} of requests without cookie"
        )
        wrk = subprocess.run(
            ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
            + ["--timeout", "15s", "--latency", "-s", str(Path(__file__).with_name("load.lua"))]
            + [base, "--", str(work / "paths.txt"), str(work / "cookies.txt")],
            capture_output=True,
            text=True,
            env={**env, "NEW_FRACTION": str(args.new_fraction)},
        )
        print(wrk.stdout)
        result = json.loads(wrk.stdout.split("WRK_JSON ", 1)[1].splitlines()[0])
    finally:
        srv.stop_gunicorn(server)  # also lets gunicorn finish and log in-flight requests

    time.sleep(1)
    after = srv.visit_numbers(env)
    expected, confirmed, statuses = srv.expected_new_visits(access_log)
    counted_total = after["total"] - before["total"]
    counted_daily = after["daily"] - before["daily"]
    errors = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    seconds = result["duration_us"] / 1e6
    non_200 = {k: v for k, v in statuses.items() if k != "200"}

    print("== result")
    print(f"requests answered       {result['requests']} in {seconds:.1f} s")
    print(f"throughput              {result['requests'] / seconds:.1f} req/s")
    print(
        f"latency p50/p90/p99/max {result['p50_ms']:.0f} / {result['p90_ms']:.0f} / "
        f"{result['p99_ms']:.0f} / {result['max_ms']:.0f} ms"
    )
    print(
        f"wrk errors              {errors} {json.dumps({k: result[k] for k in ('connect', 'read', 'write', 'status', 'timeout')})}"
    )
    print(f"server statuses         {json.dumps(statuses, sort_keys=True)}")
    print(f"visits started (log)    {expected}  (warm-up {args.returning} + cookieless wrk)")
    print(f"visits set-cookie (log) {confirmed}  (answers where the counter recorded a visit)")
    print(f"visits counted total    {counted_total}")
    print(f"visits counted per day  {counted_daily}")
    ok = errors == 0 and not non_200 and expected == counted_total == counted_daily
    print("PASS" if ok else "FAIL")
    print(f"(access log and inputs in {work})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
