# Tandem: the two commands a newcomer needs are `make run` and `make test`.
# Both install missing Debian packages first (as root; otherwise they say what to install).

SWIFT ?= swift
TANDEM := .build/debug/tandem
# C libraries and the tools the tests check output with.
APT_PACKAGES := libicu-dev libcmark-gfm-dev libsqlite3-dev libxml2-dev libxml2-utils unicode-data hugo translate-toolkit
SAMPLE_POSTS := $(wildcard content/posts/*.md)

.PHONY: all deps build run test clean

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

## build: compile the tandem command
build: deps
	$(SWIFT) build --product tandem

## run: the main job, end to end on the sample site in content/
run: build
	@for post in $(SAMPLE_POSTS); do \
	  echo "== $$post"; \
	  $(TANDEM) segment "$$post" || exit $$?; \
	done

## test: build and run every test
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean:
	rm -rf .build
