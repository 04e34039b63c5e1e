#!/usr/bin/env bash
# Builds the extension and runs its phpt suite (ext/tests) with php-src's run-tests.php.
#   scripts/test-ext.sh [--memcheck|--asan] [--php-config PATH --out DIR] [TEST...]
#     --memcheck  under valgrind memcheck with USE_ZEND_ALLOC=0; any valgrind error fails the test
#     --asan      the sanitizer build (scripts/build-ext.sh --asan), ASan/UBSan preloaded into php
#     --php-config PATH --out DIR  build the module for another PHP into DIR (scripts/build-ext.sh) and run
#                 the tests with that PHP's binary (scripts/test-zts.sh: a thread-safe PHP)
#     TEST        phpt files or directories relative to ext/tests (default: all)
# Tests that need a server read TEMPORAL_ADDRESS (host:port) and are skipped without it.
# Exits non-zero if any test fails, leaks or is borked.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_TESTS="${RUN_TESTS:-$(php-config --extension-dir)/build/run-tests.php}"
mode=plain
php_config=""
out=""
selected=()
while [ $# -gt 0 ]; do
    case "$1" in
        --memcheck) mode=memcheck ;;
        --asan) mode=asan ;;
        --php-config) php_config="$2"; shift ;;
        --out) out="$2"; shift ;;
        -*) echo "usage: $0 [--memcheck|--asan] [--php-config PATH --out DIR] [TEST...]" >&2; exit 2 ;;
        *) selected+=("$1") ;;
    esac
    shift
done

build_args=()
[ "$mode" = asan ] && build_args+=(--asan)
# The php that runs the tests (run-tests.php itself runs on the php on PATH).
php="$(command -v php)"
work_name="$mode"
if [ -n "$php_config" ]; then
    # Never the default out dir: the module built there is the one the other suites load.
    [ -n "$out" ] || { echo "test-ext: --php-config needs --out DIR" >&2; exit 2; }
    build_args+=(--php-config "$php_config" --out "$out")
    php="$("$php_config" --php-binary)"
    work_name="$mode-$(basename "$out")"
elif [ -n "$out" ]; then
    build_args+=(--out "$out")
    work_name="$mode-$(basename "$out")"
fi
module="$("$ROOT/scripts/build-ext.sh" "${build_args[@]}" | tail -n 1)"

# run-tests.php writes .php/.out/.diff files beside each test: run a copy so ext/tests stays clean.
work="$ROOT/build/ext-tests/$work_name"
rm -rf "$work"
mkdir -p "$work"
cp -R "$ROOT/ext/tests/." "$work/"

targets=()
if [ ${#selected[@]} -eq 0 ]; then
    targets=("$work")
else
    for test in "${selected[@]}"; do targets+=("$work/${test#ext/tests/}"); done
fi

args=(-q --show-diff -d "extension=$module" --set-timeout 600)
[ -n "$php_config" ] && args+=(-p "$php")
case "$mode" in
    plain)
        args+=(-j"$(nproc)")
        ;;
    memcheck)
        command -v valgrind >/dev/null || { echo "test-ext: valgrind is not installed" >&2; exit 1; }
        # run-tests.php -m sets USE_ZEND_ALLOC=0 and counts any valgrind output as a LEAK (a failure).
        export VALGRIND_OPTS="--suppressions=$ROOT/ext/tests/valgrind.supp --leak-check=full \
--show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=40"
        # A test per core: valgrind runs a process's threads one at a time, so each test keeps one core busy
        # (most of a test's time is valgrind starting PHP and the bridge, not the test).
        args+=(-m -j"$(nproc)")
        ;;
    asan)
        # php itself is not instrumented: the sanitizer runtimes are preloaded into every test process (and
        # only there, not into the runner), behind a shim that strips the RTLD_DEEPBIND they refuse.
        shim="$work/nodeepbind.so"
        gcc -shared -fPIC -O2 -o "$shim" "$ROOT/ext/tests/asan/nodeepbind.c" -ldl
        wrapper="$work/php-asan"
        cat > "$wrapper" <<WRAPPER
#!/bin/sh
LD_PRELOAD="$shim:$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)" \\
ASAN_OPTIONS="verify_asan_link_order=0:halt_on_error=1:detect_leaks=1:detect_odr_violation=0" \\
LSAN_OPTIONS="suppressions=$ROOT/ext/tests/lsan.supp:print_suppressions=0" \\
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \\
exec "$php" "\$@"
WRAPPER
        chmod +x "$wrapper"
        args+=(--asan -p "$wrapper" -j"$(nproc)")  # the last -p wins
        ;;
esac

"$ROOT/scripts/run-phpt.sh" "$RUN_TESTS" "${args[@]}" "${targets[@]}"
