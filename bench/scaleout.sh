#!/usr/bin/env bash
# Two gunicorn instances (8403, 8404) on one PostgreSQL and one Redis: zero errors, exact
# visitor counts, an article published through A visible through B (bench/scaleout.py).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "scaleout: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
redis-cli -u "${BENCH_REDIS_URL:-redis://127.0.0.1:6379/4}" ping >/dev/null \
  || { echo "scaleout: Redis is not answering" >&2; exit 2; }
exec .venv/bin/python bench/scaleout.py "$@"
