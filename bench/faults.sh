#!/usr/bin/env bash
# Fault test (see bench/faults.py). Stops the local PostgreSQL for a few seconds: run it
# when nobody else depends on that server. PostgreSQL is started again whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
restart_postgres() {
  if ! pg_isready -h 127.0.0.1 -q; then
    pg_ctlcluster --skip-systemctl-redirect 15 main start || true
  fi
}
trap restart_postgres EXIT
.venv/bin/python bench/faults.py "$@"
