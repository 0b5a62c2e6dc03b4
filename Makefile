# Two commands are the contract (see README.md):
#   make serve   set everything up and serve the site on http://127.0.0.1:8000
#   make test    set everything up and run every test
# Everything installs into .venv from the pinned requirements files, and the
# site's QR encoder into node_modules from package-lock.json.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# The QR encoder the site ships, lean-qr, is an npm package pinned in
# package.json and package-lock.json. Its ES modules are copied into
# docs/javascripts/vendor/ exactly as published, and the pages load them
# from the site itself, never from a CDN at run time: no other host learns
# who reads the leaflet, the Content-Security-Policy ('self') allows them,
# and the offline copy keeps them like our own scripts. The copies are not
# committed (.gitignore): every target that builds, serves or checks the
# site makes them first (`make vendor` alone). MIT asks for its notice to
# go with the code, hence the LICENSE beside them. README, "Maintenance".
VENDOR       := docs/javascripts/vendor
VENDOR_FILES := $(VENDOR)/lean-qr.mjs $(VENDOR)/lean-qr-svg.mjs $(VENDOR)/lean-qr.LICENSE.txt

# Every install checks each file against the hash in the requirements file,
# so a changed file on the index cannot reach the site or the tests.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes

# Which builder builds the site: mkdocs (what is published) or properdocs (a
# maintained fork of MkDocs 1.x; the same files bar the generator tag, which
# `make test` checks). README, "Maintenance".
#   make build BUILDER=properdocs
BUILDER ?= mkdocs
ifeq ($(filter $(BUILDER),mkdocs properdocs),)
$(error BUILDER must be mkdocs or properdocs, not '$(BUILDER)')
endif

# --strict stops the build on any warning, a review falling due included.
# `make build STRICT=` builds anyway and still prints every warning (README,
# "Maintenance": a fork between its review and new dates).
STRICT ?= --strict

# Material prints a notice about its successor at every build; it is noise
# in every log and test run.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test chromium audit vendor check review new-exercise lock pythons python-ok clean

serve: $(VENV)/.site $(VENDOR_FILES)
	$(BIN)/$(BUILDER) serve $(STRICT) --dev-addr 127.0.0.1:8000

# Repeatable builds: MkDocs dates the sitemap (and the sitemap.xml.gz header)
# from SOURCE_DATE_EPOCH, or else from today. Unless the caller set it, use
# the last commit's time, so two builds of one commit are byte-identical.
# Outside a git checkout it stays unset (today's date).
#
# The whole leaflet's PDF is printed by Chromium (scripts/build_pdf.py), so
# a build needs the test tools and a Chromium, as `make test` does.
build: $(VENV)/.test chromium $(VENDOR_FILES)
	@epoch="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)}"; \
	if [ -n "$$epoch" ]; then export SOURCE_DATE_EPOCH="$$epoch"; fi; \
	echo "$(BIN)/$(BUILDER) build $(STRICT)  (SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-unset})"; \
	$(BIN)/$(BUILDER) build $(STRICT) && $(BIN)/python scripts/build_pdf.py site

test: $(VENV)/.test chromium $(VENDOR_FILES)
	$(BIN)/python -m pytest

# Lighthouse scores (mobile) of the home page and each exercise page, with
# total bytes. Not part of `make test`: scores vary with the machine; the
# tests assert the stable budgets (bytes, axe). Lighthouse is the npm
# package pinned in package.json and package-lock.json (a devDependency);
# it runs in the system Chromium (CHROME_PATH).
audit: $(VENV)/.test chromium node_modules/.audit-installed $(VENDOR_FILES)
	$(BIN)/python scripts/audit.py $(AUDIT_ARGS)

# Each copy's file in node_modules/lean-qr/. The copies are made again when
# the pin changes (package.json, package-lock.json); the install need only
# exist first (order-only), so `make audit`'s full install, which comes
# later, does not make them again.
$(VENDOR)/lean-qr.mjs:         LEAN_QR_FILE := index.mjs
$(VENDOR)/lean-qr-svg.mjs:     LEAN_QR_FILE := extras/svg.mjs
$(VENDOR)/lean-qr.LICENSE.txt: LEAN_QR_FILE := LICENSE

vendor: $(VENDOR_FILES)

$(VENDOR_FILES): package.json package-lock.json | node_modules/.site-installed
	@mkdir -p $(@D)
	cp node_modules/lean-qr/$(LEAN_QR_FILE) $@

# Two installs from package-lock.json: the site's dependencies alone
# (--omit=dev: lean-qr, without Lighthouse and its hundreds of packages, so
# `make serve` and `make test` download some kilobytes), and everything,
# for `make audit`. npm writes node_modules/.package-lock.json at both, so
# each has a stamp of its own, inside node_modules/: `npm ci` empties it
# first, so no stamp outlives the install it stands for. The full install
# holds the site's dependencies too and stamps both (a `make test` after
# `make audit` keeps Lighthouse); it waits for the copies, so `make -j`
# never copies from a node_modules/ being emptied.
NPM_OK = @command -v npm >/dev/null || { echo "npm is missing: the site's QR encoder (lean-qr) \
  comes from npm. Install Node.js and npm (Debian: apt-get install nodejs npm)"; exit 2; }

node_modules/.site-installed: package.json package-lock.json
	$(NPM_OK)
	npm ci --omit=dev --no-audit --no-fund
	touch $@

node_modules/.audit-installed: package.json package-lock.json | node_modules/.site-installed $(VENDOR_FILES)
	$(NPM_OK)
	npm ci --no-audit --no-fund
	touch node_modules/.site-installed $@

# The browser tests and the PDF use a Chromium found on PATH (Debian's
# chromium package). Without one, Playwright's own build is the fallback.
chromium: $(VENV)/.test
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  command -v google-chrome >/dev/null || $(BIN)/playwright install chromium

# A new exercise page in every language, from templates/:
#   make new-exercise NAME="Knee rolls"
new-exercise: $(VENV)/.site
	@test -n "$(NAME)" || { echo 'Say the name: make new-exercise NAME="Knee rolls"'; exit 2; }
	$(BIN)/python scripts/new_exercise.py "$(NAME)"

# The page checker without building (the build runs it too).
check: $(VENV)/.site $(VENDOR_FILES)
	$(BIN)/python scripts/check_pages.py --strict

# Every page's review dates, soonest first. Fails when a review is due as
# soon as the strict build starts failing on it, or overdue; the weekly
# workflow .github/workflows/review.yml runs it.
review: $(VENV)/.site
	$(BIN)/python scripts/review_pages.py

# jieba 0.42.1's patterns are not raw strings: Python 3.12 and later warn as
# they compile its files, and a run with warnings as errors (python -W error)
# would stop there. pip byte-compiles at install with warnings hidden; this
# does it again for an install that skipped it (PIP_NO_COMPILE), so jieba is
# never compiled while the site builds.
COMPILE_JIEBA = $(BIN)/python -W ignore::SyntaxWarning -m compileall -q \
  "$$($(BIN)/python -c 'import importlib.util as u; print(u.find_spec("jieba").submodule_search_locations[0])')"

# The supported Pythons are pyproject.toml's; anything else stops here with
# one line, before pip would refuse a package with a page of its own.
CHECK_PYTHON = import sys; v = sys.version_info[:3]; sys.exit(None if (3, 11, 5) <= v < (3, 14) else \
  "$(PYTHON) is Python %d.%d.%d: the site needs 3.11.5 or later, 3.12 or 3.13 (pyproject.toml); \
  choose one with PYTHON=, e.g. make PYTHON=python3.12 test" % v)

python-ok:
	@$(PYTHON) -c '$(CHECK_PYTHON)'

$(VENV)/.site: requirements.txt | python-ok
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	$(COMPILE_JIEBA)
	touch $@

# requirements-test.txt holds every package, the site's included, at the
# same versions as requirements.txt.
$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PIP_INSTALL) -r requirements-test.txt
	touch $@

# Re-pin every package after changing a requirements*.in file: exact
# versions and the hashes of every file of them, for every supported Python
# (pyproject.toml) on every platform, so the same files install on a laptop,
# on CI and on 3.11 to 3.13. uv is pinned, with hashes, in
# requirements-lock.txt; the index it reads is never written into the files.
LOCK_PYTHON := 3.11.5
# Each file's header keeps the command that wrote it: Dependabot reads it to
# re-lock the same way when it updates a pin.
UV_COMPILE = .lock-venv/bin/uv pip compile --quiet --universal --python-version $(LOCK_PYTHON) \
  --generate-hashes --no-emit-index-url --no-emit-find-links
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-lock.txt
	$(UV_COMPILE) requirements-lock.in -o requirements-lock.txt
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements.in requirements-test.in --constraint requirements.txt -o requirements-test.txt
	rm -rf .lock-venv

# Build and check the site under every supported Python (pyproject.toml)
# this machine has, each in a fresh venv, with warnings as errors; a Python
# that is missing is named and skipped (.ci/pythons). .ci/run runs it after
# `make test`.
pythons: $(VENDOR_FILES)
	bash .ci/pythons

clean:
	rm -rf site $(VENV) .pytest_cache node_modules $(VENDOR)
