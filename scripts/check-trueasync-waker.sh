#!/usr/bin/env bash
# Compile-checks ext/src/wake/TrueAsyncWaker.cpp, the extension's one TrueAsync-only file, against a build
# of the TrueAsync PHP fork (true-async/php-src). The fork cannot be installed on the project's machines, so
# this syntax check is the only check the file gets; run it whenever the fork's ABI moves.
#
# Usage: scripts/check-trueasync-waker.sh PHP_SRC_DIR
#        scripts/check-trueasync-waker.sh PHP_CONFIG
#   PHP_SRC_DIR  a configured checkout of the fork (main/php_config.h exists): in the checkout,
#                `./buildconf --force && ./configure --disable-all` (needs autoconf, bison, re2c) is enough
#   PHP_CONFIG   the php-config of an installed build of the fork
# Env: CXX (default g++).
#
# Prints the fork's ABI, the compile command and its output. Fails on any error or warning, except the one
# #warning the file emits for an ABI newer than it was checked against (the check builds with
# TEMPORAL_TRUEASYNC_UNCHECKED_ABI, so that a newer ABI is compiled, not just refused).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cxx="${CXX:-g++}"

if [[ $# -ne 1 ]]; then
    sed -n '6,11p' "$0" >&2
    exit 2
fi
target="$1"

if [[ -d "$target" ]]; then
    src="$(cd "$target" && pwd)"
    header="$src/Zend/zend_async_API.h"
    if [[ ! -f "$src/main/php_config.h" ]]; then
        echo "$src is not configured (no main/php_config.h): run ./buildconf --force && ./configure --disable-all there" >&2
        exit 2
    fi
    includes=(-I"$src" -I"$src/main" -I"$src/Zend" -I"$src/TSRM")
    if commit="$(git -C "$src" rev-parse HEAD 2>/dev/null)"; then
        echo "PHP source: $src at commit $commit"
    else
        echo "PHP source: $src (not a git checkout)"
    fi
elif [[ -x "$target" ]]; then
    header="$("$target" --include-dir)/Zend/zend_async_API.h"
    read -r -a includes <<<"$("$target" --includes)"
    echo "PHP install: $("$target" --prefix) (PHP $("$target" --version))"
else
    echo "$target is neither a directory nor an executable php-config" >&2
    exit 2
fi

if [[ ! -f "$header" ]]; then
    echo "no $header: this is not a build of the TrueAsync fork" >&2
    exit 1
fi
echo "ABI: $(grep -m1 -E '^#define ZEND_ASYNC_API ' "$header" | cut -d'"' -f2)"

command=("$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-error=cpp
    -DTEMPORAL_WITH_TRUEASYNC=1 -DTEMPORAL_TRUEASYNC_UNCHECKED_ABI
    "${includes[@]}" -I"$repo/ext/src" -I"$repo/bridge/include" "$repo/ext/src/wake/TrueAsyncWaker.cpp")
echo "+ ${command[*]}"
if ! output="$("${command[@]}" 2>&1)"; then
    printf '%s\n' "$output" >&2
    echo "TrueAsyncWaker.cpp does not compile against this fork" >&2
    exit 1
fi
printf '%s' "$output${output:+$'\n'}"
if grep -q 'newer than' <<<"$output"; then
    echo "Compiles, but against an ABI the file was not checked against: read the ABI's changes to the waker," \
        "suspend and trigger-event calls, then raise TEMPORAL_TRUEASYNC_ABI_NEWER_THAN_CHECKED in the file."
else
    echo "TrueAsyncWaker.cpp compiles clean against this fork"
fi
