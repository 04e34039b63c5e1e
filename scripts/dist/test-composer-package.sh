#!/usr/bin/env bash
# `composer install` of a small project that requires the Composer package make-dist wrote, from local path
# repositories with Packagist disabled, then runs a workflow with it (tests/Package/app/app.php).
#   scripts/dist/test-composer-package.sh PACKAGE_DIR MODULE
#     PACKAGE_DIR  build/dist/trueasync-temporal-VERSION (make-dist.sh)
#     MODULE       the temporal.so to load (test-dist.sh's install from the tarball)
# psr/log, the package's one dependency, comes from Debian's php-psr-log, wrapped as a path package.
# Needs TEMPORAL_ADDRESS (scripts/with-dev-server.sh).
set -euo pipefail

package="$(cd "$1" && pwd)"
module="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
: "${TEMPORAL_ADDRESS:?test-composer-package needs a server: run it under scripts/with-dev-server.sh}"
work="$ROOT/build/package-test"
rm -rf "$work"
mkdir -p "$work/psr-log" "$work/app"

psr_version="$(dpkg-query -W -f='${Version}' php-psr-log | sed 's/-.*//')"
cp -R /usr/share/php/Psr "$work/psr-log/"
cat > "$work/psr-log/composer.json" <<JSON
{"name": "psr/log", "version": "$psr_version", "autoload": {"psr-4": {"Psr\\\\Log\\\\": "Psr/Log/"}}}
JSON

# The package as a user's composer.json names it; "symlink": false copies it, as a download would.
cat > "$work/app/composer.json" <<JSON
{
    "name": "example/temporal-app",
    "require": {"trueasync/temporal": "*@dev"},
    "repositories": [
        {"packagist.org": false},
        {"type": "path", "url": "$package", "options": {"symlink": false}},
        {"type": "path", "url": "$work/psr-log", "options": {"symlink": false}}
    ]
}
JSON
cp "$ROOT/tests/Package/app/app.php" "$work/app/"

php=(php -d "extension=$module")
cd "$work/app"
COMPOSER_HOME="$work/composer-home" COMPOSER_DISABLE_NETWORK=1 "${php[@]}" "$(command -v composer)" install \
    --no-interaction --no-progress
[ -d vendor/trueasync/temporal/gen/TrueAsync/Temporal/Api ] \
    || { echo "test-composer-package: the installed package has no generated API classes" >&2; exit 1; }
expected="Hello, PHP, from the Composer package"
result="$("${php[@]}" app.php)"
[ "$result" = "$expected" ] || { echo "test-composer-package: app.php printed '$result', not '$expected'" >&2; exit 1; }
echo "test-composer-package: $result"
