#!/usr/bin/env bash
# Regenerates ext/stubs/*_arginfo.h from ext/stubs/*.stub.php with php-src's gen_stub.php.
#   scripts/gen-arginfo.sh          rewrite the committed arginfo headers
#   scripts/gen-arginfo.sh --check  fail if regenerating would change any of them (CI drift check)
# gen_stub.php insists on PHP-Parser 4.15.1 beside itself and downloads it otherwise; we run a copy of it
# in a scratch dir next to a link to Debian's php-parser, which parses stubs the same way.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STUBS="$ROOT/ext/stubs"
GEN_STUB="${GEN_STUB:-$(php-config --extension-dir)/build/gen_stub.php}"
PHP_PARSER="${PHP_PARSER:-/usr/share/php/PhpParser}"
SCRATCH="$ROOT/build/gen-arginfo"

mode=write
case "${1:-}" in
    --check) mode=check ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

for need in "$GEN_STUB" "$PHP_PARSER/Parser.php"; do
    [ -e "$need" ] || { echo "gen-arginfo: missing $need (install php8.2-dev and php-parser)" >&2; exit 1; }
done

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/PHP-Parser-4.15.1/lib" "$SCRATCH/stubs"
cp "$GEN_STUB" "$SCRATCH/gen_stub.php"
ln -s "$PHP_PARSER" "$SCRATCH/PHP-Parser-4.15.1/lib/PhpParser"
cp "$STUBS"/*.stub.php "$SCRATCH/stubs/"

# -f: the stub hash in an existing header must not let gen_stub skip a file.
if ! log="$(php "$SCRATCH/gen_stub.php" -f "$SCRATCH/stubs" 2>&1)"; then
    echo "$log" >&2
    exit 1
fi

status=0
for generated in "$SCRATCH"/stubs/*_arginfo.h; do
    name="$(basename "$generated")"
    if [ "$mode" = check ]; then
        if ! cmp -s "$generated" "$STUBS/$name"; then
            echo "gen-arginfo: ext/stubs/$name is out of date; run scripts/gen-arginfo.sh" >&2
            diff -u "$STUBS/$name" "$generated" >&2 || true
            status=1
        fi
    else
        cp "$generated" "$STUBS/$name"
    fi
done
for committed in "$STUBS"/*_arginfo.h; do
    [ -e "$committed" ] || continue
    if [ ! -e "$SCRATCH/stubs/$(basename "$committed")" ]; then
        echo "gen-arginfo: ext/stubs/$(basename "$committed") has no stub" >&2
        status=1
    fi
done
exit "$status"
