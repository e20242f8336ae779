# Two commands, each doing its own set-up on a fresh clone (only Python 3.11 needed):
#   make demo   install, then extract the shipped example article and print who said what
#   make test   install with the test tools, then run the whole suite (.ci/run calls this)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test seed benchmark eval clean

demo: install
	$(BIN)/dateline extract --example --output dateline-example.json --summary

test: install-test
	$(BIN)/python -m pytest

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "Dateline needs Python 3.11: set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
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

clean:
	rm -rf $(VENV) dateline-example.json seed-record.json *.egg-info
