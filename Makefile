# Two commands, each doing its own set-up on a fresh clone (Python 3.11; Node.js's npm for the map):
#   make demo   install, then extract the shipped example article and print who said what
#   make test   install with the test tools, then run the whole suite beside a throwaway PostgreSQL (.ci/run calls this)
# and one to look: make serve   ingest the seed and dev corpus (or the example) and serve the page
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

ASSETS := dateline/web/assets
DB ?= dateline.db
PORT ?= 8000

.PHONY: demo test install install-test assets browser serve seed benchmark benchmark-scaling latency eval clean

demo: install
	$(BIN)/dateline extract --example --output dateline-example.json --summary

# the independent tests run on every core; the slowest (a 5 MB text) on one while the rest share the others.
# A throwaway PostgreSQL (Debian's, installed when missing and possible) runs beside them for the store,
# linking and API tests on PostgreSQL, and is stopped when they end; without it those tests skip and say why
test: install-test assets browser
	tests/with-postgres.sh $(BIN)/python -m pytest -n auto --dist worksteal

install: $(VENV)/.installed assets

# Leaflet, world-atlas, topojson-client and Swagger UI from the npm registry, exactly as
# package-lock.json lists them (no install scripts run); the server serves them itself
assets: $(ASSETS)/node_modules/.package-lock.json

$(ASSETS)/node_modules/.package-lock.json: $(ASSETS)/package.json $(ASSETS)/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: install Node.js for the map and /docs (the rest works)"; exit 0; }; \
	npm ci --prefix $(ASSETS) --ignore-scripts --no-audit --no-fund --loglevel=error

# The browser tests drive Debian's Chromium; install it when missing and possible
# (root with apt-get), otherwise those tests skip and say why
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
	      || echo "could not install chromium: the browser tests will skip"; \
	  else echo "no /usr/bin/chromium and no root apt-get to install it: the browser tests will skip"; fi; }

# The seed article and the dev corpus of ../shared when present, else the shipped example,
# into $(DB); then the page at http://127.0.0.1:$(PORT)/
serve: install
	@if [ -d ../shared/corpus/dev ]; then \
	  $(BIN)/dateline ingest ../shared/corpus/seed/article.txt --published 2024-12-07 --db $(DB) && \
	  $(BIN)/dateline ingest ../shared/corpus/dev/articles.jsonl --workers 2 --db $(DB); \
	else \
	  $(BIN)/dateline ingest dateline/data/examples/wire-report.txt --published 2025-03-14 \
	    --source "Dateline Wire (invented example)" --db $(DB); \
	fi
	$(BIN)/dateline serve --db $(DB) --port $(PORT)

install-test: $(VENV)/.installed-test

$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "Dateline needs Python 3.11: set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@# setuptools tells of every editable install on stderr; its log is shown when the install fails
	$(BIN)/python -m pip install --quiet --no-deps -e . >$(VENV)/editable-install.log 2>&1 || { cat $(VENV)/editable-install.log; exit 1; }
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# The seed article of ../shared (not part of a standalone clone), scored.
seed: install
	$(BIN)/dateline extract ../shared/corpus/seed/article.txt --published 2024-12-07 --output seed-record.json --summary
	$(BIN)/dateline eval ../shared/corpus/seed/gold.json

benchmark: install
	$(BIN)/dateline benchmark ../shared/corpus/dev/articles.jsonl ../shared/corpus/seed/article.txt

# ingest in one process against batch on 1 and 2 local Dask workers, the dev corpus replicated
# to SCALING articles; the figures mean something only on an idle machine (the load average is printed)
SCALING ?= 2000
benchmark-scaling: install
	$(BIN)/dateline benchmark --scaling $(SCALING) ../shared/corpus/dev/articles.jsonl

# API latency (p50/p95/p99) under wrk: GET /events with filters on the seed and dev corpus; each list of
# the corpus layer at 8 connections on a store of 10,000 documents copied from the dev corpus (kept in /tmp)
latency: install
	bench/latency.sh

clean:
	rm -rf $(VENV) dateline-example.json seed-record.json *.egg-info $(ASSETS)/node_modules
