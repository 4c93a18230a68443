# Developer entry points. `make run` and `make test` are the two commands README promises
# work on a fresh machine: each creates .venv and installs dxdesk with its dev tools first.
# scripts/preflight.py runs before each: what the computer lacks (Python, the X11 libraries of
# the window, a PDF font, poppler and age for the tests) is named in one sentence with the
# command that installs it, before anything fails.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO ?= demo-profile
STAMP := $(VENV)/.installed
TS := src/dxdesk/resources/translations/dxdesk_en.ts
QM := src/dxdesk/resources/translations/dxdesk_en.qm
# The PDF font the app ships, with its licence (packaging/font_source.py; never committed).
FONT := src/dxdesk/resources/fonts/ipaexg.ttf

.PHONY: setup run demo cli-demo test test-fast lint bench clean-demo translations screens manual
.PHONY: preflight preflight-run preflight-test

setup: preflight $(STAMP) $(FONT) $(QM)

# Before the venv, with the system's Python: its version and its venv module.
preflight:
	@$(PYTHON) scripts/preflight.py setup

# After set-up, with the venv's Python (the app's own font discovery).
preflight-run: setup
	@$(BIN)/python scripts/preflight.py run

preflight-test: setup
	@$(BIN)/python scripts/preflight.py test

# Fetched once from PyPI (pinned SHA-256); offline, a system font stands in (preflight says).
$(FONT): packaging/font_source.py $(STAMP)
	$(BIN)/python packaging/font_source.py

# English UI: compiled from the Qt Linguist source (never committed).
$(QM): $(TS) $(STAMP)
	$(BIN)/python scripts/translations.py build

translations: setup
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The app's main job on realistic data: build the demo profile once, then open the window.
# With no display (a server, CI), QT_QPA_PLATFORM=offscreen runs it invisibly; use
# `make cli-demo` to see the same profile as text instead.
run: preflight-run demo
	$(BIN)/dxdesk-gui --profile "$(DEMO)"

demo: setup
	@if [ ! -f "$(DEMO)/keys.json" ]; then $(BIN)/dxdesk --profile "$(DEMO)" demo; fi

cli-demo: demo
	DXDESK_PASSPHRASE=dxdesk-demo $(BIN)/dxdesk --profile "$(DEMO)" info

screens: demo
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens.py --profile "$(DEMO)"

test: preflight-test
	$(BIN)/python -m pytest

test-fast: preflight-test
	$(BIN)/python -m pytest -m "not slow"

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python bench/run.py

clean-demo:
	rm -rf "$(DEMO)"

# Every printed document from the demo profile, as PNGs of their first pages in docs/samples/
# (look at them after changing a document); needs poppler-utils (pdftoppm).
.PHONY: samples
samples: demo
	$(BIN)/python scripts/samples.py --profile "$(DEMO)"

# Documents: the monthly report and the completion report against a plain reportlab document.
.PHONY: bench-reports
bench-reports: setup
	$(BIN)/python bench/reports.py

# The window (bench/gui.py): unlock to painted with 100,000 visits vs 100 rows, and cold start
# vs a bare QMainWindow; `make bench` runs it too.
.PHONY: bench-gui
bench-gui: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py

bench: bench-gui

# The command line (bench/cli.py): `dxdesk add` on 100,000 visits vs 100, with and without a
# due automatic backup; `make bench` runs it too.
.PHONY: bench-cli
bench-cli: setup
	$(BIN)/python bench/cli.py

bench: bench-cli

# The one-folder app for this OS (packaging/README.md): dist/dxdesk/, then its own self-test.
.PHONY: package bench-package
package: setup
	$(BIN)/python packaging/build.py --check

# The build against the source install: size, `--version` and `--self-test` (bench/package.py).
bench-package: package
	$(BIN)/python bench/package.py --dist dist/dxdesk

# The user manual: its screenshots from a demo profile (docs/manual/screens/) and the PDF
# (build/dxdesk-manual.pdf). Run after a change to the window; commit the screenshots.
manual: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/manual.py
