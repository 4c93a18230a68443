# Developer entry points. `make run` and `make test` are the two commands README promises
# work on a fresh machine: each creates .venv and installs dxdesk with its dev tools first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO ?= demo-profile
STAMP := $(VENV)/.installed

.PHONY: setup run demo test test-fast lint bench clean-demo

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The app's main job on realistic data: build the demo profile once, then show it.
run: setup
	@if [ ! -f "$(DEMO)/keys.json" ]; then $(BIN)/dxdesk --profile "$(DEMO)" demo; fi
	DXDESK_PASSPHRASE=dxdesk-demo $(BIN)/dxdesk --profile "$(DEMO)" info

demo: run

test: setup
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/run.py

clean-demo:
	rm -rf "$(DEMO)"
