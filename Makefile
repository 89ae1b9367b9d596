# Two commands for a fresh machine with Python 3.11+ and make:
#   make demo   set up .venv and print the agreements in force today
#   make test   set up .venv with the dev extras and run every check and test
# The other targets are listed in the README's "Developing" section.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pytest-xdist workers: one per core.
JOBS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(JOBS) --dist worksteal
COVERAGE := --cov=canjapan --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=95
# Install with uv when it could be installed (much faster), else with pip.
INSTALL = if [ -x $(BIN)/uv ]; then $(BIN)/uv pip install --quiet --python $(BIN)/python $(1); \
	else $(BIN)/python -m pip install --quiet --disable-pip-version-check $(1); fi
STEP = @printf '==> %s\n'

.PHONY: demo test check test-deep lint typecheck docs bench schema hooks datadoc clean

$(BIN)/python:
	$(STEP) "creating $(VENV) with $(PYTHON)"
	@$(PYTHON) -m venv $(VENV)
	$(STEP) "installing uv, the package installer (about 5 s)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv \
		|| printf '    uv could not be installed: installing with pip (about a minute)\n'

$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(STEP) "installing canjapan into $(VENV)"
	@$(call INSTALL,-e .)
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(STEP) "installing canjapan with the dev extras into $(VENV) (about 15 s with uv)"
	@$(call INSTALL,-e '.[dev]')
	@touch $@ $(VENV)/.demo-installed

demo: $(VENV)/.demo-installed
	$(STEP) "canjapan in-force"
	@$(BIN)/canjapan in-force

lint: $(VENV)/.dev-installed
	$(STEP) "ruff check and ruff format --check"
	@$(BIN)/ruff check src tests benchmarks examples
	@$(BIN)/ruff format --check src tests benchmarks examples

typecheck: $(VENV)/.dev-installed
	$(STEP) "mypy --strict src tests"
	@$(BIN)/mypy --strict src tests

docs: $(VENV)/.dev-installed
	$(STEP) "mkdocs build --strict"
	@$(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

# pytest last, so that its summary closes the output; branch coverage must stay >= 95%.
test: lint typecheck docs
	$(STEP) "pytest on $(JOBS) workers with branch coverage (at least 95%)"
	@$(PYTEST) $(COVERAGE)

# The quick loop: lint, types and every test not marked slow, without coverage.
check: lint typecheck
	$(STEP) "pytest -m 'not slow' on $(JOBS) workers"
	@$(PYTEST) -q -m "not slow"

# Before a release: every test, the property tests with 1000 examples each.
test-deep: lint typecheck docs
	$(STEP) "pytest with the deep Hypothesis profile"
	@HYPOTHESIS_PROFILE=deep $(PYTEST) $(COVERAGE)

bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_cold_start.py
	$(BIN)/python benchmarks/bench_dates.py --count 10000
	$(BIN)/python benchmarks/bench_queries.py --sizes 1000,100000
	$(BIN)/python benchmarks/bench_timeline.py --sizes 1000,100000
	$(BIN)/python benchmarks/bench_search.py --sizes 1000,100000
	$(BIN)/python benchmarks/bench_load.py

# Regenerate the shipped JSON Schema after a model change (a test checks it is current).
schema: $(VENV)/.dev-installed
	$(BIN)/python -m canjapan._schema > src/canjapan/schema.json
	cp src/canjapan/schema.json docs/schema.json

# Rewrite the generated structure hooks after a model change (a test checks they are current).
hooks: $(VENV)/.dev-installed
	$(BIN)/python -m canjapan._hookgen > src/canjapan/_hooks.py

# Rewrite the generated tables of docs/data.md after a data change (a test checks them).
datadoc: $(VENV)/.dev-installed
	$(BIN)/python -m tests.datadoc > docs/data.md.new && mv docs/data.md.new docs/data.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage htmlcov
