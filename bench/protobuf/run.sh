#!/usr/bin/env bash
# Runs decode-activation.php under the native protobuf extension, then under the pure-PHP runtime (the same
# ini files minus the protobuf one, so every other setting matches).
#   bench/protobuf/run.sh [seconds per case, default 1]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
php -m | grep -x protobuf >/dev/null || { echo "run.sh: the protobuf extension is not loaded (scripts/install-protobuf-ext.sh)" >&2; exit 1; }
scan_dir="$(php -r 'echo PHP_CONFIG_FILE_SCAN_DIR;')"
no_ext="$(mktemp -d)"
trap 'rm -rf "$no_ext"' EXIT
for ini in "$scan_dir"/*.ini; do
    grep -q '^\s*extension\s*=\s*protobuf' "$ini" || ln -s "$ini" "$no_ext/"
done
php "$here/decode-activation.php" "$@"
# The 3.21 pure-PHP runtime creates a dynamic property (deprecated in PHP 8.2) on every map iteration.
PHP_INI_SCAN_DIR="$no_ext" php -d error_reporting='E_ALL & ~E_DEPRECATED' "$here/decode-activation.php" "$@"
