# The two commands of the README. Each installs what is missing first (scripts/setup).
#   make run   - builds wijk and runs the main job on GeoData/ (writes out/)
#   make test  - builds and runs every test, with a throwaway PostGIS database
#                (scripts/with-postgis; PostgreSQL and PostGIS are installed when missing)
#   make bench - release-build benchmarks (see Benchmarks/README.md)
#   make check-render - the checks with real programs, not in `make test`: LibreOffice Calc
#                opens the published wards.csv and wards.xlsx (scripts/check-spreadsheet);
#                Chromium prints the ward plans and the check report to PDF and the page
#                counts are checked (scripts/check-print); the interactive map in
#                Chromium over WebDriver (scripts/check-webmap)
#   make fuzz  - builds the libFuzzer target of each hand-written reader and runs each for
#                FUZZ_RUNS inputs, 1 000 000 by default (Fuzz/README.md, results in Fuzz/RESULTS.md)
SWIFT ?= swift

.PHONY: run test build bench references setup check-render check-webmap fuzz

setup:
	@scripts/setup

build: setup
	$(SWIFT) build -c release --product wijk

run: build
	$(SWIFT) run -c release wijk analyse

test: setup
	@scripts/setup --postgis
	scripts/with-postgis $(SWIFT) test

bench: setup
	Benchmarks/run

references:
	scripts/setup --python
	python3 Tests/Fixtures/reference/make_references.py

check-render: setup
	scripts/check-spreadsheet
	scripts/check-print
	scripts/check-webmap

# The interactive map in headless Chromium over WebDriver (scripts/check-webmap): switches
# indicator and year, clicks and finds a ward, zooms; no console error, no network request.
check-webmap: setup
	scripts/check-webmap

# Not part of `make test`: a sanitized debug build of its own (.build/fuzz) and minutes per target.
fuzz: setup
	Fuzz/run
