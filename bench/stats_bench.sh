#!/usr/bin/env bash
# Visitor counter cost: the home page through gunicorn on PostgreSQL, driven by wrk, with and
# without stats.middleware.VisitorCounterMiddleware, for returning and for new visitors.
#   bash bench/stats_bench.sh                  # 3 rounds x 5 s per cell, 2 workers, 8 connections
#   bash bench/stats_bench.sh --duration 5 --path /thong-ke/
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "stats_bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
exec .venv/bin/python bench/stats_bench.py "$@"
