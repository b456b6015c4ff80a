#!/usr/bin/env bash
# `make bench`: page benchmarks (bench/pages.py does the work; options in bench/README.md).
#   bash bench/pages.sh            # local-memory cache
#   bash bench/pages.sh --redis    # Redis cache (db 4), as with several app servers
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
exec .venv/bin/python bench/pages.py "$@"
