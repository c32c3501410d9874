# 红管家 portal. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The address to open in a browser (a server listening on every interface is reached on 127.0.0.1).
URL := http://$(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST)):$(PORT)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Also install the test and lint tools

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo content (safe to repeat) and print the admin login
	$(PY) manage.py load_demo --base-url $(URL)

run: demo ## Set up everything and serve the portal as residents see it (no debug pages) on http://HOST:PORT (127.0.0.1:8000)
	DJANGO_SETTINGS_MODULE=portal.settings.local $(PY) manage.py runserver --noreload $(HOST):$(PORT)

dev: demo ## Like run, with Django's debug server (DEBUG on, tracebacks, reload on change) for developers
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

TEST_JOBS ?= auto

test: install-dev ## Run the whole test suite on every core (DATABASE_URL selects the database; SQLite by default)
	$(PY) -m pytest -n $(TEST_JOBS) --dist loadgroup $(PYTEST_ARGS)

scan: install-dev ## Whole-site accessibility scan in Chromium (axe-core on every page type, each role, both languages)
	SITE_SCAN=1 $(PY) -m pytest -p no:cacheprovider -m browser tests/browser/test_site_scan.py $(PYTEST_ARGS)

lint: install-dev ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install-dev ## Update the .po files of every app and compile them
	$(PY) manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=node_modules --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

requirements: install-dev ## Re-compile requirements*.txt from requirements*.in
	$(VENV)/bin/pip-compile --quiet --strip-extras -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --strip-extras -o requirements-dev.txt requirements-dev.in

SERVE_ENV := DJANGO_SETTINGS_MODULE=portal.settings.serve SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}

serve: demo ## Serve with production settings (DEBUG off, gunicorn, hashed static, outbox sender) on http://127.0.0.1:8000
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(SERVE_ENV) $(PY) manage.py send_notifications --follow & sender=$$!; \
	trap 'kill $$sender 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py portal.wsgi

bench: install-dev ## Benchmark on its own PostgreSQL and Redis (large dataset, gunicorn, wrk); prints a table
	$(PY) -m bench.run $(BENCH_ARGS)

faults: install-dev ## Fault suite under load (PostgreSQL/Redis down, disk full, worker killed, gateway hanging)
	$(PY) -m bench.faults $(FAULTS_ARGS)

fuzz: install-dev ## Schema-driven fuzzing of the portal API (schemathesis) with a large example budget
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-300} $(PY) -m pytest -q tests/perf/test_api_schema.py -p no:randomly $(PYTEST_ARGS)

.PHONY: help install install-dev migrate demo run dev test scan lint format messages requirements serve bench faults fuzz
