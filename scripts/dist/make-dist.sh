#!/usr/bin/env bash
# Writes the two release packages into build/dist/ and prints their paths:
#   php_temporal-VERSION-src.tgz  the extension as PIE/PECL build it: phpize && ./configure && make && make install.
#                                 The C++ sources, stubs and .phpt tests, the Rust bridge with its Cargo.lock and
#                                 every crate it needs vendored (cargo vendor), so the build needs no network.
#   trueasync-temporal-VERSION/   the Composer package: src/ plus the generated API classes (gen/, from
#                                 `make api`), which a git checkout does not have.
# Only files git knows (tracked, or new and not ignored) are copied: local build leftovers never ship.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
version="$(sed -n 's/^#define PHP_TEMPORAL_VERSION "\(.*\)"$/\1/p' ext/php_temporal.h)"
[ -n "$version" ] || { echo "make-dist: no PHP_TEMPORAL_VERSION in ext/php_temporal.h" >&2; exit 1; }
[ -d gen/TrueAsync/Temporal/Api ] || { echo "make-dist: gen/ is missing: run make api first" >&2; exit 1; }
dist="$ROOT/build/dist"
ext_name="php_temporal-$version"
php_name="trueasync-temporal-$version"
rm -rf "$dist/$ext_name" "$dist/$ext_name-src.tgz" "$dist/$php_name"
mkdir -p "$dist"

# copy_known PREFIX DEST: the files under PREFIX that git knows, with PREFIX stripped, into DEST.
copy_known() {
    git ls-files --cached --others --exclude-standard -- "$1" | while read -r file; do
        [ -f "$file" ] || continue  # deleted but not yet staged
        mkdir -p "$2/$(dirname "${file#"$1"}")"
        cp -p "$file" "$2/${file#"$1"}"
    done
}

# The extension: ext/'s files at the top, as phpize expects, and bridge/ beside them (config.m4 looks there).
stage="$dist/$ext_name"
copy_known ext/ "$stage"
copy_known bridge/ "$stage/bridge"
(cd "$stage/bridge" && cargo vendor --locked --versioned-dirs --quiet vendor >/dev/null)
python3 "$ROOT/scripts/dist/trim-vendor.py" "$stage/bridge" "$stage/bridge/vendor" >&2
mkdir -p "$stage/bridge/.cargo"
cat > "$stage/bridge/.cargo/config.toml" <<'TOML'
# Written by make dist: build from the vendored crates, never from the network.
[source.crates-io]
replace-with = "vendored-sources"

[source.vendored-sources]
directory = "vendor"
TOML

# The same bytes for the same commit: sorted names, no owners, every mtime the commit's but the vendored
# crates'. Those get one fixed old time: a crate's build script that declares rerun-if-changed on its own
# files is rerun when a file is newer than the last build, so a new commit's time would rebuild every crate
# downstream of proc-macro2 and libc (10-14 min) in a reused target dir. A vendored crate never changes
# without a new version in its directory name, which cargo builds anyway.
stamp="$(git log -1 --format=%ct)"
find "$stage" -exec touch -h -d "@$stamp" {} +
find "$stage/bridge/vendor" -exec touch -h -d "@946684800" {} +  # 2000-01-01
tar -C "$dist" --sort=name --owner=0 --group=0 --numeric-owner -cf - "$ext_name" \
    | gzip -n -9 > "$dist/$ext_name-src.tgz"
rm -rf "$stage"

# The Composer package.
copy_known src/ "$dist/$php_name/src"
cp -pR gen "$dist/$php_name/gen"
cp -p composer.json README.md CHANGELOG.md "$dist/$php_name/"

echo "$dist/$ext_name-src.tgz"
echo "$dist/$php_name"
