# Two commands for a fresh machine: `make demo` (set up, code the examples into SQLite, print the events)
# and `make test`. Everything lives in .venv; Python 3.11 or newer is needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= eventwire.db

.PHONY: setup demo test clean

$(BIN)/eventwire: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/eventwire

demo: setup
	$(BIN)/eventwire ingest examples/ --db $(DB)
	$(BIN)/eventwire events --db $(DB)

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB)
