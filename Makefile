# Two set-up commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate seed lint format check serve clean

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

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
