# Everything a fresh machine with python3 and make needs: `make run`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test check bench stress screenshots demo clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/weiquan $(ARGS)

demo: $(STAMP)
	$(BIN)/weiquan --demo

# The gates first (seconds), then the suite.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: check
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m tests.bench

# 200 SIGKILLs at random moments and 2 and 4 writers at once; prints 0/0/0 when nothing was lost.
stress: $(STAMP)
	$(BIN)/python -m tests.stress

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
