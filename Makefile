# php-temporal: `make demo` and `make test` set up everything they need on a fresh Debian 12 machine.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The Rust build is the slow part: keep its target dir outside the clone so fresh clones reuse it.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/php-temporal/target
EXT_SO := $(CURDIR)/build/ext/modules/temporal.so
export TEMPORAL_EXT_SO := $(EXT_SO)
PHP := php -d extension=$(EXT_SO)
# Records each step's duration in build/timings.txt (.ci/run prints it).
TIMED := $(CURDIR)/scripts/timed.sh
VERSION := $(shell sed -n 's/^\#define PHP_TEMPORAL_VERSION "\(.*\)"$$/\1/p' ext/php_temporal.h)

.PHONY: help deps bridge bridge-header ext api autoload build demo test test-suites \
        test-bridge test-ext test-ext-memcheck test-ext-asan test-zts test-php test-bench-harness dist test-dist bench stress clean

help:
	@echo "make demo   set up, start a dev server, run the sample workflow, print its result and the Web UI"
	@echo "make test   set up and run every test (bridge, extension + valgrind + ASan, PHP SDK against a live server)"
	@echo "make test-zts  the extension's phpt suite on a thread-safe PHP 8.2 built from Debian's source (after make build)"
	@echo "make dist   write the release packages to build/dist: the extension's source tarball (PIE/PECL), the Composer package"
	@echo "make bench  run the benchmarks against the Python and Go SDKs (about 30 min), write bench/results/latest.md"
	@echo "make stress inject faults (server restart, dropped connections, SIGTERM, a loaded box, TLS) under load,"
	@echo "            check nothing is lost (under 30 min), write bench/results/stress.md"

deps:
	$(TIMED) deps scripts/install-deps.sh

# Checkouts share the target dir, but cargo writes release/libtemporal_bridge.a for whichever one built last:
# each links its own copy (build/bridge), taken under a lock held from the build to the copy.
bridge: deps
	python3 scripts/gen-bridge-rpc.py --check
	mkdir -p "$(CARGO_TARGET_DIR)" build/bridge/include
	cd bridge && $(TIMED) bridge flock "$(CARGO_TARGET_DIR)/.bridge-archive.lock" sh -c \
	    'cargo build --release --locked && cp -p "$$CARGO_TARGET_DIR/release/libtemporal_bridge.a" ../build/bridge/'
	cp -p bridge/include/temporal_bridge.h build/bridge/include/
	ln -sfn "$(CARGO_TARGET_DIR)" bridge/target

# Rewrites bridge/include/temporal_bridge.h after a change to the extern "C" surface.
bridge-header:
	cd bridge && TB_BLESS_HEADER=1 cargo build --release --locked

ext: bridge
	$(TIMED) ext scripts/build-ext.sh >/dev/null

api: deps bridge
	$(TIMED) api scripts/generate-api.sh

autoload: deps
	composer dump-autoload --quiet

build: ext api autoload

demo: build
	scripts/demo.sh

test: build
	scripts/with-dev-server.sh $(MAKE) --no-print-directory test-suites

test-suites: test-bridge test-bench-harness test-ext test-ext-memcheck test-ext-asan test-php test-dist

test-bridge:
	$(TIMED) test-bridge scripts/test-bridge.sh

test-ext:
	$(TIMED) test-ext scripts/test-ext.sh

test-ext-memcheck:
	$(TIMED) test-ext-memcheck scripts/test-ext.sh --memcheck

test-ext-asan:
	$(TIMED) test-ext-asan-build scripts/build-ext.sh --asan >/dev/null
	$(TIMED) test-ext-asan scripts/test-ext.sh --asan

# Opt-in, not part of test: builds (once, cached in ~/.cache/php-temporal) a ZTS PHP from Debian's source.
test-zts:
	$(TIMED) test-zts scripts/test-zts.sh

test-php:
	$(TIMED) test-php $(PHP) /usr/bin/phpunit --log-junit build/phpunit-junit.xml

dist: api
	$(TIMED) dist scripts/dist/make-dist.sh

# The packages as users get them: the tarball built by phpize/configure/make in a fresh directory (cargo
# included) and its phpt suite run on the installed module; then a Composer project on the PHP package.
test-dist:
	$(TIMED) dist scripts/dist/make-dist.sh
	$(TIMED) test-dist scripts/dist/test-dist.sh build/dist/php_temporal-$(VERSION)-src.tgz
	$(TIMED) test-composer-package scripts/dist/test-composer-package.sh build/dist/trueasync-temporal-$(VERSION) \
	    build/dist-test/root$$(php-config --extension-dir)/temporal.so

test-bench-harness:
	$(TIMED) test-bench-harness python3 -m pytest -q -p no:cacheprovider bench/tests

bench: build
	python3 bench/run.py

stress: build
	python3 stress/run.py

clean:
	rm -rf build gen vendor bridge/target
