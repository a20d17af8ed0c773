# perbup-gen: `make demo` generates the Gunung Mas document set into ./out/, `make test` runs the tests.
# Both create their own virtual environment (.venv) and install what they need.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.terpasang

.PHONY: install demo test bench gambar clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/perbup-gen validate examples/gunung-mas
	$(VENV)/bin/perbup-gen build examples/gunung-mas -o out

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/nasional.py

gambar: $(STAMP)
	$(PY) scripts/gambar_readme.py

clean:
	rm -rf out .pytest_cache
