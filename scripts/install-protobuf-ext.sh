#!/usr/bin/env bash
# Builds and installs the native PHP `protobuf` extension from Debian's `protobuf` source package, at the
# version of the installed protobuf-compiler/php-google-protobuf, and enables it for the PHP CLI.
#
# Why from source: Debian ships only the pure-PHP runtime (php-google-protobuf); the native extension
# decodes activations ~100x faster (bench/protobuf). Why Debian's source: it matches protoc 3.21, which
# generates our classes, and comes from a registry we can reach (no GitHub, no PECL).
#
# Idempotent: does nothing when `php -m` already lists protobuf. Needs root (apt, make install, /etc/php).
# Scratch: build/protobuf-ext/ at the repo root (gitignored); the fetched source is never committed.
#   PHP_VERSION=8.2      PHP version whose phpize/php-config/conf.d are used
#   PROTOBUF_EXT_FORCE=1 rebuild and reinstall even if the extension is already loaded
set -euo pipefail

PHP_VERSION="${PHP_VERSION:-8.2}"
PHP="php${PHP_VERSION}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRATCH="$ROOT/build/protobuf-ext"
MOD_INI="/etc/php/${PHP_VERSION}/mods-available/protobuf.ini"

die() { echo "install-protobuf-ext: $*" >&2; exit 1; }
log() { echo "install-protobuf-ext: $*"; }
# Not `grep -q`: it stops reading early, php dies of SIGPIPE and pipefail turns a match into a failure.
is_loaded() { "$PHP" -m | grep -x protobuf >/dev/null; }

if [[ "${PROTOBUF_EXT_FORCE:-0}" != 1 ]] && is_loaded; then
    log "protobuf already loaded by $PHP ($("$PHP" -r 'echo phpversion("protobuf");')), nothing to do"
    exit 0
fi
[[ $EUID -eq 0 ]] || die "must run as root (apt-get, make install, /etc/php)"
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive

# 1. A deb-src entry, mirroring the existing deb entries (deb822 .sources files or legacy one-line lists).
has_deb_src() {
    grep -Eqs '^\s*Types:.*\bdeb-src\b' /etc/apt/sources.list.d/*.sources ||
        grep -Eqs '^\s*deb-src\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list
}
if ! has_deb_src; then
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        sed -E 's/^(\s*Types:\s*)deb\s*$/\1deb-src/' /etc/apt/sources.list.d/debian.sources \
            > /etc/apt/sources.list.d/debian-src.sources
        log "added /etc/apt/sources.list.d/debian-src.sources"
    elif [[ -f /etc/apt/sources.list ]]; then
        grep -E '^\s*deb\s' /etc/apt/sources.list | sed -E 's/^\s*deb\s/deb-src /' \
            > /etc/apt/sources.list.d/debian-src.list
        log "added /etc/apt/sources.list.d/debian-src.list"
    else
        die "no Debian apt sources found to derive a deb-src entry from"
    fi
    has_deb_src || die "deb-src entry was not recognised"
    apt-get update -q
fi

# 2. Tools: dpkg-dev for `apt-get source`, phpize/php-config from phpX.Y-dev, a compiler.
need=()
for pkg in dpkg-dev "${PHP}-dev" build-essential; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == 'install ok installed' ]] || need+=("$pkg")
done
if ((${#need[@]})); then
    apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# 3. The source package at the installed runtime's version, so native and pure-PHP runtimes agree.
version="$(dpkg-query -W -f='${source:Version}' php-google-protobuf 2>/dev/null ||
    dpkg-query -W -f='${source:Version}' protobuf-compiler)"
[[ -n "$version" ]] || die "cannot tell the installed protobuf version"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
cd "$SCRATCH"
log "fetching protobuf=$version source into $SCRATCH"
apt-get source -q "protobuf=$version" || apt-get source -q protobuf
src="$(find "$SCRATCH" -mindepth 1 -maxdepth 1 -type d -name 'protobuf-*' | head -n1)"
[[ -n "$src" && -d "$src/php/ext/google/protobuf" ]] || die "php/ext/google/protobuf missing in the source"

# 4. Build. config.m4 compiles third_party/utf8_range/*.c relative to the extension directory; in the
#    upstream tree that is a link made by the release tooling, so copy the real one in.
ext="$src/php/ext/google/protobuf"
if [[ ! -f "$ext/third_party/utf8_range/utf8_range.h" ]]; then
    [[ -d "$src/third_party/utf8_range" ]] || die "third_party/utf8_range missing in the source"
    rm -rf "$ext/third_party/utf8_range"
    mkdir -p "$ext/third_party"
    cp -R "$src/third_party/utf8_range" "$ext/third_party/utf8_range"
fi
cd "$ext"
"phpize${PHP_VERSION}"
./configure -q --with-php-config="/usr/bin/php-config${PHP_VERSION}"
make -s -j"$(nproc)"
make -s install

# 5. Enable for the CLI the Debian way: mods-available + phpenmod (creates cli/conf.d/30-protobuf.ini).
printf '; priority=30\n; built from Debian source protobuf %s by scripts/install-protobuf-ext.sh\nextension=protobuf.so\n' \
    "$version" > "$MOD_INI"
if command -v phpenmod >/dev/null; then
    phpenmod -v "$PHP_VERSION" -s cli protobuf
else
    ln -sf "$MOD_INI" "/etc/php/${PHP_VERSION}/cli/conf.d/30-protobuf.ini"
fi

is_loaded || die "built and installed, but $PHP -m does not list protobuf"
log "installed protobuf $("$PHP" -r 'echo phpversion("protobuf");') for $PHP CLI in $((SECONDS - start))s"
