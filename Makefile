# Two commands for a fresh machine with Python 3.11, make and git: `make build`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

.PHONY: build test check system-deps fonts sample-pdfs clean cms

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The sample bulletin PDFs are committed; this re-creates only missing ones and never overwrites a file.
sample-pdfs: $(STAMP) fonts
	$(BIN)/invoke sample-pdfs

# decap-server, the CMS's local backend (`invoke cms`), from the npm registry at the locked version.
NODE_STAMP := node_modules/.installed-$(shell sha1sum package-lock.json | cut -c1-12)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-*
	touch $(NODE_STAMP)

build: $(STAMP)
	$(BIN)/invoke build

check: $(STAMP)
	$(BIN)/invoke check

system-deps:
	bash scripts/system-deps.sh

# Only the Japanese font the sample PDFs embed; without root it warns and the PDFs use a CID font.
fonts:
	bash scripts/system-deps.sh fonts

# Edit in the browser at http://localhost:8000/admin/ without a GitHub account.
cms: $(STAMP) $(NODE_STAMP)
	$(BIN)/invoke cms

test: $(STAMP) system-deps $(NODE_STAMP)
	$(BIN)/invoke test

clean:
	$(BIN)/invoke clean
