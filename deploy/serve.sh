#!/usr/bin/env bash
# `make serve`: the production shape on one machine.
#   DEBUG off, collectstatic (hashed + compressed files served by WhiteNoise with far-future
#   caching), migrate, then gunicorn with deploy/gunicorn.conf.py.
# Production sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (… see deploy/.env.example) in the
# environment. For a local trial this script fills in what is missing and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

export DEBUG=0
export GUNICORN_BIND="${GUNICORN_BIND:-$HOST:$PORT}"
# Absolute addresses (feeds, sitemap, canonical, share links) follow HOST/PORT unless set.
export SITE_URL="${SITE_URL:-http://$HOST:$PORT}"
mkdir -p var

if [ -z "${SECRET_KEY:-}" ]; then
  secret_file=${SERVE_SECRET_FILE:-var/secret_key}
  if [ ! -s "$secret_file" ]; then
    (umask 077 && "$BIN/python" -c "import secrets; print(secrets.token_urlsafe(64))" > "$secret_file")
  fi
  SECRET_KEY=$(cat "$secret_file")
  export SECRET_KEY
  echo "serve: SECRET_KEY was not set; using the local key in $secret_file (trial only —" \
       "production sets SECRET_KEY in the environment)." >&2
fi
if [ -z "${ALLOWED_HOSTS:-}" ]; then
  export ALLOWED_HOSTS="127.0.0.1,localhost"
  echo "serve: ALLOWED_HOSTS was not set; using $ALLOWED_HOSTS (trial only)." >&2
fi
if [ "${SERVE_HTTP:-1}" = "1" ] && [ -z "${SECURE_SSL_REDIRECT:-}" ] && [ -z "${SECURE_COOKIES:-}" ] \
   && [[ "$HOST" == 127.* || "$HOST" == localhost ]]; then
  # Plain http on loopback has no TLS proxy in front: no redirect to https, cookies not
  # Secure-only. Anything else keeps the production defaults (redirect, Secure cookies, HSTS).
  export SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0
  echo "serve: loopback http trial: SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0." >&2
fi

if [ -z "${SERVE_MEDIA:-}" ] && [ "${MEDIA_STORAGE:-filesystem}" = filesystem ]; then
  # Uploaded photos from MEDIA_ROOT through Django, so a local trial shows them. Production
  # leaves this off: nginx serves /media/ itself (deploy/nginx/unionsite.conf).
  export SERVE_MEDIA=1
  echo "serve: SERVE_MEDIA=1: Django serves /media/ from MEDIA_ROOT (trial only — nginx does" \
       "in production)." >&2
fi

"$BIN/python" manage.py check --deploy --fail-level ERROR
"$BIN/python" manage.py collectstatic --noinput -v 0
"$BIN/python" manage.py migrate --noinput
if [ "${SERVE_SEED:-0}" = "1" ]; then
  "$BIN/python" manage.py seed_demo
fi
echo "serve: gunicorn on http://$GUNICORN_BIND/ (Ctrl-C stops it)" >&2
exec "$BIN/gunicorn" -c deploy/gunicorn.conf.py unionsite.wsgi:application
