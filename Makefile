# The two commands of the README:  make demo  and  make test.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///dossier-demo.sqlite
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup demo test lint browser eval bench clean

$(BIN)/dossier: requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

setup: $(BIN)/dossier

demo: setup
	$(BIN)/dossier ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/dossier actors --db $(DEMO_DB)
	$(BIN)/dossier profile IS-K --db $(DEMO_DB)

lint: setup
	$(BIN)/ruff check src tests eval bench
	$(BIN)/ruff format --check src tests eval bench

# The browser tests drive the system's Chromium (never Playwright's own download).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	command -v chromium >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

test: lint browser
	$(BIN)/pytest

eval: setup
	$(BIN)/python -m eval

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) dossier-demo.sqlite* src/*.egg-info test-output
