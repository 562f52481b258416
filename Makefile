# Two commands on a fresh machine: `make site` and `make test`. Everything else is optional.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site test serve check report browser-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## make site: set up, build the foot drop site into site/ and print the claim-check summary
site: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs-evidence check --summary-only

## make test: set up (Debian's chromium too, for the browser tests), then ruff, mypy and the whole test suite
test: $(STAMP) browser-deps
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider

## make serve: live preview with reload on edits to docs/, content/, citations/ and the plugin's source
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload -f mkdocs.dev.yml

## make check: the claim checker alone, as CI would run it
check: $(STAMP)
	$(BIN)/mkdocs-evidence check

## make report: the editor report as standalone HTML and JSON in report/
report: $(STAMP)
	$(BIN)/mkdocs-evidence report --output-dir report

browser-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

## make bench: speed and accuracy benchmarks (prints ratios; never part of the tests)
bench: $(STAMP)
	$(BIN)/python benchmarks/claims_accuracy.py
	$(BIN)/python benchmarks/finder_speed.py
	$(BIN)/python benchmarks/build_speed.py

clean:
	rm -rf site .cache report
