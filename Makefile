# The two commands of the README: `make demo` and `make test`. Everything else is a step.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per set of requirements: a change to a file reinstalls, nothing else does.
STAMP := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# The W3C's Nu HTML Checker, for tests/test_html_validity.py (npm package vnu-jar).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
HOST ?= 127.0.0.1
# pytest-xdist: the suite on every core ("make test TEST_WORKERS=0" for one process).
TEST_WORKERS ?= auto
# More arguments for pytest, e.g. make test TEST_ARGS='-m "not browser"' (what CI runs on SQLite).
TEST_ARGS ?=
PORT ?= 8000
# The web server and, beside it, the worker that runs the background tasks (e-mails):
# stopping one stops the other.
RUN_WITH_WORKER = $(PY) manage.py db_worker --interval 2 -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

.PHONY: demo test install install-dev install-checkers messages locale check lint format bench serve \
	loadtest outage-drill

# The runtime only (what production installs): enough for `make demo`.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-[0-9]*
	touch $(STAMP)

# The runtime plus tests, linters and type checks.
$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-dev-*
	touch $(DEV_STAMP)

# The versions package-lock.json pins. --ignore-scripts: vnu-jar's install script would
# download a Java runtime when it finds none; Java comes from Debian (default-jre-headless).
# touch: npm keeps the packed file's old date, which would make every run reinstall.
# Without npm the HTML test is skipped on a laptop, and fails in CI.
$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null; then \
		echo "npm ci --no-audit --no-fund --ignore-scripts"; \
		npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
		echo "WARNING: npm is not installed: the HTML validity test will be skipped. Install it with: apt-get install -y npm"; \
	fi

install: $(STAMP)
install-dev: $(DEV_STAMP)
install-checkers: $(VNU_JAR)

# Compiled translations (.mo) are built, not committed.
messages: install
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Gathers new and changed strings into the French catalogue, to translate there.
locale: install
	$(PY) manage.py makemessages -l fr --ignore=.venv --ignore=tests --ignore=bench \
		--ignore=staticfiles --no-obsolete -v0

demo: messages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo
	@echo "Ateliers is served on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(RUN_WITH_WORKER)

serve: messages
	$(RUN_WITH_WORKER)

test: messages install-dev install-checkers
	@test -x /usr/bin/chromium || echo "WARNING: Debian's Chromium is not installed (/usr/bin/chromium): browser tests will be skipped. Install it with: apt-get install -y chromium"
	@command -v java >/dev/null || echo "WARNING: Java is not installed: the HTML validity test will be skipped. Install it with: apt-get install -y default-jre-headless"
	$(PY) -m pytest -n $(TEST_WORKERS) $(TEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: lint messages
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_ENV=production SECRET_KEY=check-only-$$(date +%s)-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ALLOWED_HOSTS=example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

bench: install-dev
	$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) -m bench.opinions
	$(PY) -m bench.ical_feed
	$(PY) -m bench.dossier
	$(PY) -m bench.notifications
	$(PY) -m bench.search

# Restarts this machine's PostgreSQL (cluster 15/main) under a write load, then reports lost and
# duplicated writes and the recovery time (bench/db_restart.py). Never part of `make test`.
outage-drill: install
	$(PY) -m bench.db_restart

# Needs PostgreSQL and Redis (DATABASE and cache of the load test: see bench/loadtest.py);
# generates the city the first time (a few minutes), then writes docs/performance.md.
loadtest: install-dev
	$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) -m bench.loadtest $(LOADTEST_ARGS)
