# Quick start: `make run` (analyse the bundled examples) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,distributed,postgres]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/marsad analyze examples/ --json out/analysis.json --html out/report.html

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py ../shared/data/saudinewsnet

clean:
	rm -rf $(VENV) out marsad.db marsad.db-wal marsad.db-shm
