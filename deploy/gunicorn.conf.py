"""Gunicorn settings for the portal (``gunicorn -c deploy/gunicorn.conf.py unionsite.wsgi``).

Everything a deployment changes comes from the environment, so one file serves the one-server
set-up (`make serve`), the systemd unit and several app servers behind a load balancer.

- ``GUNICORN_BIND`` (default ``127.0.0.1:8000``): address, or ``unix:/run/unionsite/gunicorn.sock``.
- ``WEB_CONCURRENCY``: number of worker processes. Default ``2 × CPUs + 1``, at most
  ``GUNICORN_MAX_WORKERS`` (default 12) so a large host does not exhaust PostgreSQL connections
  (each worker holds one persistent connection, ``CONN_MAX_AGE``).
- ``GUNICORN_TIMEOUT`` (default 30 s): a worker silent for that long is killed and replaced.
- ``GUNICORN_CONTROL_SOCKET``: path for ``gunicornc`` (off by default).
- ``GUNICORN_FORWARDED_ALLOW_IPS`` (default ``127.0.0.1``): proxies trusted for
  ``X-Forwarded-*`` (the nginx host; a load balancer's address when there is one).
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def default_workers(cpus: int, cap: int) -> int:
    # Sync workers spend much of a request waiting on PostgreSQL/Redis, so 2n+1 keeps the CPUs
    # busy; the cap bounds database connections (workers × app servers ≤ max_connections).
    return max(2, min(2 * cpus + 1, cap))


bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = _int(
    "WEB_CONCURRENCY",
    default_workers(multiprocessing.cpu_count(), _int("GUNICORN_MAX_WORKERS", 12)),
)
# nginx buffers slow clients, so sync workers (one request at a time, no keep-alive) are the
# simplest fast choice.
worker_class = "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Recycle workers now and then so a slow leak in any library cannot grow without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Heartbeat files on tmpfs: a worker blocked on a slow disk is not mistaken for a hung one.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs go to stdout/stderr (journald or the container runtime collects them). The access log
# carries the request duration in microseconds (%(D)s) for slow-request hunting.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(f)s" "%(a)s"'
capture_output = False

proc_name = os.environ.get("GUNICORN_PROC_NAME", "unionsite")

# Gunicorn ≥ 25 opens a control socket at one fixed per-user path by default; two instances
# on one host (scale-out trial, blue/green) would fight over it. Off unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
