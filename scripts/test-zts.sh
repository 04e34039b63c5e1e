#!/usr/bin/env bash
# Runs the extension's phpt suite (ext/tests) on a thread-safe (ZTS) PHP 8.2 built from Debian 12's php8.2
# source package, against a dev server. Opt-in (make test-zts), not part of make test.
#   scripts/test-zts.sh [TEST...]     TEST: phpt files or directories relative to ext/tests (default: all)
# Debian ships no ZTS PHP, and a module built for a non-ZTS PHP does not load in a ZTS one, so ZTS needs a PHP
# of its own. It is built once into $PHP_TEMPORAL_CACHE/php-zts-8.2 (default ~/.cache/php-temporal) and reused
# while the Debian source version and the configure flags stay the same. Needs build/bridge (make build).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${PHP_TEMPORAL_CACHE:-$HOME/.cache/php-temporal}"
PREFIX="$CACHE/php-zts-8.2"
SOURCES="$CACHE/php-src"  # Debian's downloaded source package, kept so a rebuild needs no network
JOBS=2                    # the build shares a small machine: two compiles at a time, at the lowest priority

# Only what the suite uses (--disable-all drops the rest): pcntl for the fork tests, ctype and bcmath for the
# pure-PHP protobuf runtime (the Replayer tests decode the generated API classes; Debian's protobuf extension is
# built for the non-ZTS PHP), curl for DeterminismGuard/curl.phpt. json, pcre, random, spl and date are built in.
# No --with-config-file-scan-dir: Debian's conf.d would load its non-ZTS modules.
CONFIGURE_FLAGS=(--enable-zts --disable-all --disable-cgi --disable-phpdbg --enable-cli
    --enable-pcntl --enable-ctype --enable-bcmath --with-curl)
# libtool, shtool and pkg-config: Debian's phpize takes its autotools files from them (see build_php).
BUILD_DEPS=(dpkg-dev build-essential autoconf libtool shtool pkg-config libcurl4-openssl-dev)

say() { echo "test-zts: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_build_deps() {
    local missing=() package
    for package in "${BUILD_DEPS[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return
    say "apt-get install ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# apt-get source needs a deb-src entry; Debian 12 images often have none.
ensure_deb_src() {
    [ -n "$(apt-cache showsrc php8.2 2>/dev/null)" ] && return
    say "adding /etc/apt/sources.list.d/php-temporal-deb-src.sources"
    as_root tee /etc/apt/sources.list.d/php-temporal-deb-src.sources >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    as_root apt-get update -qq
}

# Prints the Debian version of the php8.2 source used: the newest one already downloaded or downloadable.
# Newest first, falling back to older ones: a mirror may serve a suite's binaries but not its sources.
fetch_source() {
    local version
    mkdir -p "$SOURCES"
    for version in $(apt-cache showsrc php8.2 | sed -n 's/^Version: //p' | sort -Vru); do
        if [ -f "$SOURCES/php8.2_$version.dsc" ] ||
            (cd "$SOURCES" && apt-get source --download-only -qq "php8.2=$version" >"$SOURCES/apt-get.log" 2>&1); then
            echo "$version"
            return
        fi
        say "php8.2 $version: not downloadable here, trying older ($(grep -m1 "^E:" "$SOURCES/apt-get.log" || true))"
    done
    say "no php8.2 source package could be downloaded"
    return 1
}

# Builds and installs PHP into $PREFIX unless the installed one was built from $1 with CONFIGURE_FLAGS.
build_php() {
    local version="$1" key build
    key="php8.2 $version ${CONFIGURE_FLAGS[*]}"
    if [ -x "$PREFIX/bin/php" ] && [ "$(cat "$PREFIX/.build-key" 2>/dev/null)" = "$key" ]; then
        say "reusing $PREFIX ($version)"
        return
    fi
    say "building PHP $version (ZTS) into $PREFIX: about 6 min on 2 cores"
    # A fresh tree each time: a reused one could keep objects compiled with other flags.
    build="$CACHE/php-zts-build"
    rm -rf "$build"
    mkdir -p "$build"
    (
        dpkg-source -x "$SOURCES/php8.2_$version.dsc" "$build/src"
        cd "$build/src"
        # Debian's patches change configure.ac and build/*.m4: regenerate configure as debian/rules does.
        nice -n 19 ./buildconf --force
        nice -n 19 ./configure --prefix="$PREFIX" "${CONFIGURE_FLAGS[@]}"
        nice -n 19 make -j"$JOBS"
        rm -rf "$PREFIX"
        make install
        # Debian's patched phpize copies libtool.m4 and pkg.m4 from $prefix/share/aclocal (/usr/share/aclocal
        # for Debian's own /usr prefix), not from PHP's build dir: point it at the system's.
        mkdir -p "$PREFIX/share"
        ln -s /usr/share/aclocal "$PREFIX/share/aclocal"
    ) >"$CACHE/php-zts-build.log" 2>&1 || { tail -n 40 "$CACHE/php-zts-build.log" >&2; say "build failed: $CACHE/php-zts-build.log"; exit 1; }
    printf '%s' "$key" >"$PREFIX/.build-key"
    rm -rf "$build"
}

[ -f "$ROOT/build/bridge/libtemporal_bridge.a" ] || { say "no build/bridge/libtemporal_bridge.a: run make build first"; exit 1; }
install_build_deps
ensure_deb_src
mkdir -p "$CACHE"
# One build at a time: concurrent runs would install into the same prefix.
exec 9>"$CACHE/php-zts-8.2.lock"
flock 9
version="$(fetch_source)"
build_php "$version"
exec 9>&-
"$PREFIX/bin/php" -r 'exit(PHP_ZTS ? 0 : 1);' || { say "$PREFIX/bin/php is not thread-safe"; exit 1; }

# The module, built here at low priority; test-ext.sh's own build-ext.sh call then finds it up to date. A module
# built against another build of this PHP (other flags, another checkout's rebuild) is thrown away: build-ext.sh
# does not see PHP's headers change.
out="$ROOT/build/ext-zts"
if [ "$(cat "$out/.php-build-key" 2>/dev/null)" != "$(cat "$PREFIX/.build-key")" ]; then
    rm -rf "$out"
    mkdir -p "$out"
    cp "$PREFIX/.build-key" "$out/.php-build-key"
fi
nice -n 19 "$ROOT/scripts/build-ext.sh" --php-config "$PREFIX/bin/php-config" --out "$out" --jobs "$JOBS" >/dev/null
"$ROOT/scripts/with-dev-server.sh" "$ROOT/scripts/test-ext.sh" --php-config "$PREFIX/bin/php-config" --out "$out" "$@"
