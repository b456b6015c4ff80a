# Two set-up commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate seed lint format check serve backup restore bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Development server on the embedded SQLite database (var/db.sqlite3), with demo content.
run: export DEBUG ?= 1
# Absolute addresses (RSS, sitemap, canonical, share links, the admin link printed below) follow
# HOST/PORT unless SITE_URL is set: `make run PORT=8310` builds http://127.0.0.1:8310/… links.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver $(HOST):$(PORT)

# The whole suite. On SQLite it skips (and lists) what needs PostgreSQL, Redis or Chromium;
# with DATABASE_URL=postgres://... and REDIS_URL=redis://... it runs everything.
test: export DEBUG ?= 1
test: install-dev
	mkdir -p var
	$(BIN)/pytest $(PYTEST_ARGS)

migrate: export DEBUG ?= 1
migrate: install
	mkdir -p var
	$(MANAGE) migrate --noinput

seed: export DEBUG ?= 1
seed: migrate
	$(MANAGE) seed_demo

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: export DEBUG ?= 1
check: install-dev
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Production shape on one machine: DEBUG off, collectstatic, migrate, gunicorn
# (deploy/gunicorn.conf.py). Needs SECRET_KEY and ALLOWED_HOSTS; for a local trial it makes
# a key in var/secret_key and says so. SERVE_SEED=1 also loads the demo content.
serve: install
	HOST=$(HOST) PORT=$(PORT) BIN=$(BIN) bash deploy/serve.sh

# pg_dump (or SQLite copy) of DATABASE_URL + tar of MEDIA_ROOT into var/backups/<timestamp>/.
backup: install
	$(BIN)/python deploy/backup.py backup

# Restore a backup folder: make restore BACKUP=var/backups/<timestamp>
restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<timestamp>"; exit 2; }
	$(BIN)/python deploy/backup.py restore "$(BACKUP)"

# Page benchmarks against gunicorn on PostgreSQL (bench/README.md); BENCH_ARGS=--redis etc.
bench: install
	bash bench/pages.sh $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
