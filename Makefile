# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make run   -> set up .venv with the pinned dependencies, run the ETL on raw/, write processed/
#   make test  -> same set-up, then the whole test suite
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup validate evaluate bench clean

setup: $(STAMP)

# Re-install whenever the pins or the project metadata change.
$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11'" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/communiques run --input raw --output processed

validate: $(STAMP)
	$(BIN)/communiques validate --output processed

evaluate: $(STAMP)
	$(BIN)/communiques evaluate --gold tests/gold --output processed

test: $(STAMP)
	$(BIN)/python -m pytest

# Throughput, scaling, no-op re-run, memory and PDF figures (about 15 minutes; not a test).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf processed $(VENV)
