"""A flood of question posts from one client against a real gunicorn: how many are stored,
and what it does to reader pages (issue 18: "1,000 posts from one client in a minute stores at
most the limit and never slows reader pages").

    .venv/bin/python bench/questions_flood.py [--posts 1000] [--seconds 60] [--port 8410]

Uses bench/pages.py's database (unionsite_bench), Redis db 4 and production settings. The
robot fetches the form once per post (a fresh signed token and CSRF token each time, as a
script would), waits out the minimum fill time, then posts them evenly over ``--seconds``
while wrk reads /hoi-dap/ as a returning reader. The same wrk run before the flood is the
baseline.
"""

import argparse
import json
import re
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import (  # noqa: E402
    BROWSER_UA,
    DEFAULT_DATABASE_URL,
    DEFAULT_REDIS_URL,
    PYTHON,
    ROOT,
    Server,
    bench_env,
    fetch,
    flush_redis,
    log,
    prepare,
    returning_visitor_cookie,
    run,
    wrk,
)

COUNT = "from questions.models import Question; print(Question.objects.count())"


def stored(env) -> int:
    out = run([PYTHON, "manage.py", "shell", "-c", COUNT], env, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def form_tokens(base: str, count: int) -> tuple[str, list[tuple[str, str]]]:
    """A CSRF cookie and ``count`` (csrf, form token) pairs, one form page each."""
    status, headers, _ = fetch(base + "/hoi-dap/gui-cau-hoi/")
    cookie = next(
        v.split(";", 1)[0] for v in headers.get_all("Set-Cookie") if v.startswith("csrftoken=")
    )
    pairs = []
    for _ in range(count):
        _, _, body = fetch(base + "/hoi-dap/gui-cau-hoi/", cookie=cookie)
        text = body.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        token = re.search(r'name="token" value="([^"]+)"', text).group(1)
        pairs.append((csrf, token))
    return cookie, pairs


def post(base: str, cookie: str, csrf: str, token: str, topic: str, n: int) -> tuple[int, float]:
    data = urllib.parse.urlencode({
        "csrfmiddlewaretoken": csrf, "token": token, "website": "", "consent": "on",
        "asker_name": "Rô bốt", "email": f"robot{n}@example.com", "phone": "",
        "district": "", "topic": topic,
        "question": f"Câu hỏi tự động số {n} gửi dồn dập để thử giới hạn của biểu mẫu.",
    }).encode()  # fmt: skip
    request = urllib.request.Request(
        base + "/hoi-dap/gui-cau-hoi/", data=data,
        headers={"User-Agent": BROWSER_UA, "Cookie": cookie,
                 "Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    started = time.monotonic()
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, (time.monotonic() - started) * 1000


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8410)
    args = parser.parse_args(argv)
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env = bench_env(DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, static_root)
    prepare(env)
    flush_redis(DEFAULT_REDIS_URL)
    (ROOT / "var").mkdir(exist_ok=True)
    with Server(env, args.port, ROOT / "var" / "bench-questions.log") as server:
        base = server.base
        reader = returning_visitor_cookie(base, "/hoi-dap/")
        for _ in range(20):
            fetch(base + "/hoi-dap/", cookie=reader)
        duration = min(args.seconds, 30)
        log(f"baseline: wrk /hoi-dap/ {duration}s")
        baseline = wrk(base + "/hoi-dap/", duration=duration, cookie=reader)
        log(f"robot: fetching {args.posts} forms")
        topic = re.search(
            r'<option value="(\d+)"', fetch(base + "/hoi-dap/gui-cau-hoi/")[2].decode()
        ).group(1)
        cookie, pairs = form_tokens(base, args.posts)
        time.sleep(5)  # past QUESTIONS_MIN_FILL_SECONDS
        before = stored(env)
        results: list[tuple[int, float]] = []
        lock = threading.Lock()

        def flood():
            interval = args.seconds / args.posts
            start = time.monotonic()
            with ThreadPoolExecutor(max_workers=8) as pool:
                futures = []
                for n, (csrf, token) in enumerate(pairs):
                    delay = start + n * interval - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                    futures.append(pool.submit(post, base, cookie, csrf, token, topic, n))
                for future in futures:
                    with lock:
                        results.append(future.result())

        log(f"flood: {args.posts} posts in {args.seconds}s, wrk /hoi-dap/ meanwhile")
        robot = threading.Thread(target=flood)
        robot.start()
        during = wrk(base + "/hoi-dap/", duration=duration, cookie=reader)
        robot.join()
        after = stored(env)
    statuses: dict[int, int] = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    refused_ms = sorted(ms for status, ms in results if status == 429)
    report = {
        "posts": len(results),
        "statuses": statuses,
        "stored": after - before,
        "refused_post_p50_ms": refused_ms[len(refused_ms) // 2] if refused_ms else None,
        "reader_baseline": baseline,
        "reader_during_flood": during,
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
