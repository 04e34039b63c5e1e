#!/usr/bin/env bash
# Builds the PHP extension in ext/ out of tree and prints the path of temporal.so.
#   scripts/build-ext.sh [--asan] [--out DIR] [--bridge DIR] [--php-config PATH] [--jobs N]
#     --asan        sanitizer build (-fsanitize=address,undefined); default out dir build/ext-asan
#     --out DIR     build directory (default build/ext); the module lands in DIR/modules/temporal.so
#     --bridge DIR  directory of libtemporal_bridge.a (default build/bridge: this checkout's copy, see Makefile)
#     --php-config PATH  build for the PHP this php-config describes (default: the one on PATH), with the
#                   phpize beside it; give another PHP its own --out (a module loads only in the PHP it was built for)
#     --jobs N      parallel compiles (default: the number of cores)
# phpize writes its files next to config.m4, so the build runs in a copy of the sources inside the build
# directory and ext/ stays clean. Re-running rebuilds only what changed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
asan=no
out=""
bridge="$ROOT/build/bridge"
php_config=""
jobs="$(nproc)"

while [ $# -gt 0 ]; do
    case "$1" in
        --asan) asan=yes ;;
        --out) out="$2"; shift ;;
        --bridge) bridge="$2"; shift ;;
        --php-config) php_config="$2"; shift ;;
        --jobs) jobs="$2"; shift ;;
        *) echo "usage: $0 [--asan] [--out DIR] [--bridge DIR] [--php-config PATH] [--jobs N]" >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$out" ]; then
    out="$ROOT/build/ext"
    [ "$asan" = yes ] && out="$ROOT/build/ext-asan"
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
bridge="$(cd "$bridge" 2>/dev/null && pwd)" || { echo "build-ext: no bridge directory $bridge" >&2; exit 1; }
php_config="${php_config:-$(command -v php-config)}"
[ -x "$php_config" ] || { echo "build-ext: no php-config at '$php_config'" >&2; exit 1; }
# Absolute: phpize runs inside $out. phpize and php-config come in pairs (Debian: php-config8.2 and
# phpize8.2): the one beside php_config.
config_dir="$(cd "$(dirname "$php_config")" && pwd)"
config_name="$(basename "$php_config")"
php_config="$config_dir/$config_name"
phpize="$config_dir/phpize${config_name#php-config}"

"$ROOT/scripts/gen-arginfo.sh" --check

configure_args=(--enable-temporal "--with-temporal-bridge=$bridge" "--with-php-config=$php_config")
[ "$asan" = yes ] && configure_args+=(--enable-temporal-asan)

# -p keeps the sources' mtimes, so make rebuilds only the files that changed since the last copy. Sources
# deleted or moved in ext/ are deleted from the copy first.
for dir in src stubs; do
    [ -d "$out/$dir" ] || continue
    (cd "$out/$dir" && find . -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.php' \)) | while read -r file; do
        [ -e "$ROOT/ext/$dir/$file" ] || rm -f "$out/$dir/$file"
    done
done
cp -pR "$ROOT/ext/config.m4" "$ROOT/ext/temporal.cpp" "$ROOT/ext/php_temporal.h" "$ROOT/ext/temporal.map" \
    "$ROOT/ext/src" "$ROOT/ext/stubs" "$out/"

stamp="$out/.configured-with"
wanted="$(printf '%s\n' "${configure_args[@]}"; cksum < "$ROOT/ext/config.m4")"
if [ ! -f "$out/Makefile" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    (cd "$out" && "$phpize" >"$out/configure.out" 2>&1 && ./configure "${configure_args[@]}" >>"$out/configure.out" 2>&1) \
        || { cat "$out/configure.out" >&2; exit 1; }
    printf '%s' "$wanted" > "$stamp"
fi

# PHP's Makefile tracks no header dependencies: a changed header rebuilds everything.
if [ -f "$out/modules/temporal.so" ] && [ -n "$(find "$ROOT/ext" "$ROOT/bridge/include" -name '*.h' \
        -newer "$out/modules/temporal.so" -print -quit)" ]; then
    make -C "$out" clean >/dev/null
fi

# The archive is an input the Makefile does not know about either: relink when it is newer than the module.
if [ -f "$out/modules/temporal.so" ] && [ "$bridge/libtemporal_bridge.a" -nt "$out/modules/temporal.so" ]; then
    rm -f "$out/modules/temporal.so" "$out/temporal.la"
fi

make -C "$out" -j"$jobs" >"$out/make.out" 2>&1 || { cat "$out/make.out" >&2; exit 1; }
grep -E "warning:" "$out/make.out" | grep -v "libtool" >&2 || true
echo "$out/modules/temporal.so"
