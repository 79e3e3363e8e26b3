# Two commands on a fresh machine: `make demo` (install + run the main job on the sample corpus)
# and `make test` (install + lint + type-check + tests). Everything installs into ./.venv.
VENV ?= .venv
PY := $(VENV)/bin/python
NG := $(VENV)/bin/newsgraph
SHARED ?= ../shared
DEMO_DB ?= demo.db
# The optional extras the demo and the tests use. The sanctions extra builds PyICU: `make system-deps`
# installs what that needs on Debian/Ubuntu (root or sudo); use EXTRAS=dev,parquet to skip it.
EXTRAS ?= dev,sanctions,parquet

.PHONY: install system-deps browser-deps web demo serve test lint bench clean vocab
WEB_BUILT := src/newsgraph/api/static/index.html
WEB_SOURCES := $(wildcard web/src/*.js web/src/*/*.js) web/index.html web/style.css web/build.mjs web/package-lock.json

# PyICU (for the sanctions extra) compiles against ICU: install its headers when they are missing.
system-deps:
	@if echo '$(EXTRAS)' | grep -q sanctions && ! { pkg-config --exists icu-uc && command -v g++; } >/dev/null 2>&1; then \
	  echo "installing libicu-dev, pkg-config and g++ for PyICU (sanctions extra)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; \
	fi

# The browser tests drive Debian's chromium (Playwright never downloads a browser here).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

install: $(VENV)/.installed web

# The web UI: npm packages (cytoscape, chart.js, d3-geo, world-atlas) bundled by esbuild into the
# Python package's static folder, which `newsgraph serve` serves.
web: $(WEB_BUILT)

$(WEB_BUILT): $(WEB_SOURCES)
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent

$(VENV)/.installed: pyproject.toml
	$(MAKE) --no-print-directory system-deps EXTRAS='$(EXTRAS)'
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(NG) ingest src/newsgraph/data/sample --db $(DEMO_DB)
	$(NG) events --db $(DEMO_DB) --limit 25
	$(NG) show "Antony Blinken" --db $(DEMO_DB) || true
	$(NG) evaluate src/newsgraph/data/sample.gold.json --db $(DEMO_DB)
	@if [ -d $(SHARED)/seeds ]; then \
	  rm -f seeds.db seeds.db-wal seeds.db-shm; \
	  $(NG) ingest $(SHARED)/seeds src/newsgraph/data/sample --db seeds.db && \
	  $(NG) export --format jsonl --db seeds.db -o seeds.events.jsonl && \
	  echo "seeds (ingested with the sample corpus) against their gold (reference scorer):" && \
	  $(PY) $(SHARED)/tools/score.py $(SHARED)/gold/seeds.gold.json seeds.events.jsonl && \
	  $(NG) evaluate $(SHARED)/gold/seeds.gold.json --db seeds.db | tail -n 25; \
	else echo "($(SHARED)/seeds not found: skipping the seeds score)"; fi
	@echo "browse it: make serve  (or $(NG) serve --db $(DEMO_DB)), then open http://127.0.0.1:8000/"

serve: install
	$(NG) serve --db $(DEMO_DB)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint browser-deps
	$(VENV)/bin/pytest

bench: install
	$(PY) bench/throughput.py

# Regenerate ontology/data/petrarch/ from the PETRARCH2 dictionaries in $(SHARED)/reference (MIT).
vocab: install
	$(PY) scripts/convert_petrarch.py --reference $(SHARED)/reference --out src/newsgraph/ontology/data/petrarch

clean:
	rm -rf $(VENV) *.db *.db-wal *.db-shm seeds.events.jsonl web/node_modules src/newsgraph/api/static
