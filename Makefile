# Two commands for a fresh machine with Python 3.11+ and make:
#   make demo   set up .venv and print the agreements in force today
#   make test   set up .venv with the dev extras and run every check and test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck docs bench schema hooks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.demo-installed

demo: $(VENV)/.demo-installed
	$(BIN)/canjapan in-force

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy --strict src tests

docs: $(VENV)/.dev-installed
	$(BIN)/mkdocs build --strict --site-dir $(VENV)/site

# pytest last, so that its summary closes the output; branch coverage must stay >= 95%.
test: lint typecheck docs
	$(BIN)/python -m pytest --cov=canjapan --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=95

bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_cold_start.py
	$(BIN)/python benchmarks/bench_dates.py --count 10000
	$(BIN)/python benchmarks/bench_queries.py --sizes 1000,100000
	$(BIN)/python benchmarks/bench_load.py

# Regenerate the shipped JSON Schema after a model change (a test checks it is current).
schema: $(VENV)/.dev-installed
	$(BIN)/python -m canjapan._schema > src/canjapan/schema.json
	cp src/canjapan/schema.json docs/schema.json

# Rewrite the generated structure hooks after a model change (a test checks they are current).
hooks: $(VENV)/.dev-installed
	$(BIN)/python -m canjapan._hookgen > src/canjapan/_hooks.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage htmlcov
