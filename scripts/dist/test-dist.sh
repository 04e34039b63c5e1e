#!/usr/bin/env bash
# Builds the extension from its source tarball the way PIE and PECL do, in a fresh directory, installs it
# into a staging root (build/dist-test/root) and runs the tarball's own .phpt suite on the installed module.
#   scripts/dist/test-dist.sh TARBALL
# Nothing from this checkout builds but the tarball. Cargo rebuilds every crate whose sources moved, so the
# tarball is unpacked at one fixed path (~/.cache/php-temporal/dist-build, emptied first) and built into a
# target dir of its own (~/.cache/php-temporal/target-dist): a fresh clone reuses both, and after a new
# commit only the bridge crate rebuilds (make-dist.sh gives the vendored crates a fixed old mtime). Not the checkout's
# target dir: the vendored crates' artifacts have the same names as the registry's but other fingerprints,
# so each build would rebuild the other's every time.
set -euo pipefail

tarball="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="${TEMPORAL_DIST_BUILD_DIR:-$HOME/.cache/php-temporal/dist-build}"
export CARGO_TARGET_DIR="${TEMPORAL_DIST_TARGET_DIR:-$HOME/.cache/php-temporal/target-dist}"
out="$ROOT/build/dist-test"
rm -rf "$out"
mkdir -p "$out/root" "$(dirname "$build_dir")"

build() {
    rm -rf "$build_dir"
    mkdir -p "$build_dir"
    tar -C "$build_dir" -xzf "$tarball"
    cd "$build_dir"/php_temporal-*
    phpize
    ./configure --enable-temporal
    make -j"$(nproc)"
    make install INSTALL_ROOT="$out/root"
    # The suite runs from a copy: run-tests.php writes beside each test, and the build dir is shared.
    cp -R tests "$out/tests"
    cp run-tests.php "$out/"
    refuses_old_rust
}

# configure must stop, naming the version it needs, on a machine whose Rust is too old (Debian's, say).
refuses_old_rust() {
    local fake="$out/old-rust"
    mkdir -p "$fake"
    printf '#!/bin/sh\necho "rustc 1.63.0 (4b91a6ea7 2022-08-08)"\n' > "$fake/rustc"
    printf '#!/bin/sh\necho "cargo 1.65.0"\n' > "$fake/cargo"
    chmod +x "$fake/rustc" "$fake/cargo"
    if PATH="$fake:$PATH" ./configure --enable-temporal > "$out/old-rust.log" 2>&1; then
        echo "test-dist: configure accepted rustc 1.63" >&2
        return 1
    fi
    grep -q "needs rustc 1.88 or newer (found: 1.63)" "$out/old-rust.log" \
        || { echo "test-dist: configure failed without naming the Rust it needs:" >&2; tail -n 5 "$out/old-rust.log" >&2; return 1; }
}
lock="$CARGO_TARGET_DIR/.dist-build.lock"
mkdir -p "$CARGO_TARGET_DIR"
# Not under || or if: either would switch off set -e inside the subshell, and a failed step would go unnoticed.
set +e
(set -e; flock 9; build) 9>"$lock" >"$out/build.log" 2>&1
status=$?
set -e
[ "$status" -eq 0 ] || { tail -n 40 "$out/build.log" >&2; exit 1; }

module="$out/root$(php-config --extension-dir)/temporal.so"
[ -f "$module" ] || { echo "test-dist: make install did not install $module" >&2; exit 1; }
echo "test-dist: built from the tarball and installed $module"
"$ROOT/scripts/run-phpt.sh" "$out/run-tests.php" -q --show-diff -d "extension=$module" --set-timeout 600 -j"$(nproc)" "$out/tests"
