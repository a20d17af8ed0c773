# perbup-gen: `make demo` generates the Gunung Mas document set into ./out/, `make web` starts the web app
# on http://127.0.0.1:8000/, `make test` runs the tests.
# All create their own virtual environment (.venv) and install what they need.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.terpasang

.PHONY: install demo test bench gambar web clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/perbup-gen validate examples/gunung-mas
	$(VENV)/bin/perbup-gen build examples/gunung-mas -o out

web: $(STAMP)
	$(VENV)/bin/perbup-gen web examples --data .perbup-gen-web

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/nasional.py

gambar: $(STAMP)
	$(PY) scripts/gambar_readme.py

clean:
	rm -rf out .pytest_cache
