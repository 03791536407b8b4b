# The two commands in the README: `make run` and `make test`. Everything they need is
# installed here, into a local virtualenv, so they work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 5000
export DIRECTORY_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: install install-test run test init seed reindex clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

init: install
	$(BIN)/directory init

seed: init
	$(BIN)/directory seed

reindex: install
	$(BIN)/directory reindex

run: seed reindex
	PORT=$(PORT) $(BIN)/directory serve --port $(PORT)

test: install-test
	bash scripts/ensure-postgres.sh || echo "PostgreSQL not reachable: database tests run on SQLite only"
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) instance build *.egg-info .pytest_cache
