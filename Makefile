# Developer commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format fixtures vendor install migrate content admin clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

content: migrate
	$(PY) manage.py load_content

admin: install
	$(PY) manage.py ensure_admin

run: content admin
	$(PY) manage.py runserver 127.0.0.1:8000

# The HTML validity test needs Java and the npm package vnu-jar: fetched here when npm is present,
# otherwise that test is skipped and says how to install them.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

test: install
	@if [ ! -f $(VNU_JAR) ] && command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --silent || echo "npm ci a échoué : le test HTML sera sauté"; fi
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Rebuild fixtures/territories.json from the official administrative divisions (npm package),
# and fixtures/communes.json (positions of the chefs-lieux and of the catalyseurs' communes).
fixtures: install
	npm ci --no-audit --no-fund
	$(PY) manage.py build_territories
	$(PY) manage.py build_communes

# Copy the map's browser assets from their npm packages into static/vendor/ (committed, so that
# `make run` needs no npm): Leaflet and its marker-cluster plugin, with their licences.
vendor:
	npm ci --no-audit --no-fund
	rm -rf static/vendor/leaflet static/vendor/leaflet.markercluster
	mkdir -p static/vendor/leaflet/images static/vendor/leaflet.markercluster
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE static/vendor/leaflet/
	cp node_modules/leaflet/dist/images/*.png static/vendor/leaflet/images/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/leaflet.markercluster.js.map node_modules/leaflet.markercluster/dist/MarkerCluster.css node_modules/leaflet.markercluster/MIT-LICENCE.txt static/vendor/leaflet.markercluster/

clean:
	rm -rf $(VENV) staticfiles node_modules
