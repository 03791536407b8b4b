# The two commands in the README: `make run` and `make test`. Everything they need is
# installed here, into a local virtualenv, so they work on a fresh machine.
PYTHON ?= $(shell sh scripts/find-python.sh)
VENV ?= .venv
BIN := $(VENV)/bin
# A virtualenv made by an older interpreter (3.11 crashes under threaded load) is made afresh.
ifneq ($(wildcard $(VENV)/bin/python),)
ifneq ($(shell $(VENV)/bin/python -c 'import sys; print(int(sys.version_info >= (3, 12)))'),1)
$(shell rm -rf $(VENV))
endif
endif
PORT ?= 5000
# `make test` runs the suite in this many worker processes (pytest-xdist), one per core up to four:
# each worker makes its own databases, index and browser (tests/conftest.py), so more costs set-up.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); echo $$(( n < 4 ? n : 4 )))
export DIRECTORY_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: install install-test run test init seed reindex clean i18n translations assets browser
TRANSLATIONS := directory/i18n/translations
LOCALES := gu pl zh_Hans zh_Hant ur

# uv installs into the virtualenv in seconds where pip takes minutes (it resolves and unpacks
# in parallel and keeps a cache); when uv cannot be had (no network for it, an unusual
# platform), pip does the same install.
$(BIN)/activate:
	@test -n "$(PYTHON)" || { echo 'No Python 3.12 or newer: see scripts/find-python.sh'; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv || echo "uv not available: installing with pip"

pip_install = { test -x $(BIN)/uv && $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python $(1); } \
	|| $(BIN)/pip install --quiet --disable-pip-version-check $(1)

$(VENV)/.installed: $(BIN)/activate pyproject.toml setup.py
	$(call pip_install,-e .)
	touch $@

# Compiled catalogues (.mo) are build output: made from the .po files on every run.
translations: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

# Keep catalogues in step with the code: extract, update every locale, compile.
i18n: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k _l -k lazy_gettext -k ngettext:1,2 --no-location --sort-output \
		--project "Community Signpost" -o directory/i18n/messages.pot directory templates
	for locale in $(LOCALES); do \
		if [ -f $(TRANSLATIONS)/$$locale/LC_MESSAGES/messages.po ]; then \
			$(BIN)/pybabel update --no-fuzzy-matching -i directory/i18n/messages.pot -d $(TRANSLATIONS) -l $$locale; \
		else \
			$(BIN)/pybabel init -i directory/i18n/messages.pot -d $(TRANSLATIONS) -l $$locale; \
		fi; \
	done
	$(MAKE) translations
$(VENV)/.installed-test: $(VENV)/.installed
	$(call pip_install,-e '.[test]')
	touch $@

# Leaflet, the Noto fonts and the category icons, from the npm registry into static/vendor (served locally).
# The Chinese fonts are cut to the characters of the catalogues and the sample data (scripts/build_fonts.py).
static/vendor/.built: assets/package.json assets/package-lock.json scripts/build-assets.sh scripts/build_fonts.py \
		directory/web/public/category_icons.json $(wildcard $(TRANSLATIONS)/*/LC_MESSAGES/messages.po) | $(VENV)/.installed
	PYTHON=$(BIN)/python bash scripts/build-assets.sh

assets: static/vendor/.built

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

init: install translations
	$(BIN)/directory init

seed: init
	$(BIN)/directory seed

reindex: install
	$(BIN)/directory reindex

run: seed reindex assets
	bash scripts/install-pdf-deps.sh || echo "!!! WeasyPrint system libraries could not be installed: PDF downloads will be unavailable"
	PORT=$(PORT) $(BIN)/directory serve --port $(PORT)

test: install-test translations assets
	bash scripts/ensure-postgres.sh || echo "PostgreSQL not reachable: database tests run on SQLite only"
	bash scripts/install-browser.sh || echo "!!! Chromium could not be installed: browser tests (tests/browser) will be SKIPPED"
	bash scripts/install-pdf-deps.sh || echo "!!! WeasyPrint system libraries could not be installed: PDF tests will be SKIPPED"
	$(BIN)/python -m pytest -q --numprocesses $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Production: gunicorn with WORKERS processes (default: two per core, plus one) on
# 127.0.0.1:$(PORT), behind a TLS proxy. Needs DIRECTORY_SECRET_KEY and, normally,
# DIRECTORY_DATABASE_URL=postgresql+psycopg://… (see the README). Loads no sample data.
.PHONY: serve-prod
serve-prod: init reindex assets
	$(BIN)/directory serve --prod --port $(PORT) $(if $(WORKERS),--workers $(WORKERS))

# Only the real-browser tests (headless Chromium; see tests/browser/conftest.py).
browser: install-test translations assets
	bash scripts/install-browser.sh
	$(BIN)/python -m pytest -q tests/browser $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) instance build *.egg-info .pytest_cache

# Production load benchmark (docs/PERFORMANCE.md, "Load (production)"): 50,000 synthetic
# listings in a private PostgreSQL database, gunicorn with 2 and 4 workers on loopback, 30 s of
# mixed searches and listing pages each; then the engine-level search cost at 1k–100k listings.
# Needs PostgreSQL on 127.0.0.1:5432 (scripts/ensure-postgres.sh). Never part of `make test`.
.PHONY: bench-load
bench-load: $(VENV)/.installed
	$(BIN)/python bench/load.py --listings 50000 --workers 2,4 --duration 30
	$(BIN)/python bench/load.py --growth --sizes 1000,10000,50000,100000
