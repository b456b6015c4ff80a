#!/usr/bin/env bash
# Load test (see bench/load.py): 100 connections × 60 s on gunicorn + PostgreSQL, then check
# that the visitor counter counted exactly the visits the access log shows.
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 6379, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
exec .venv/bin/python bench/load.py "$@"
