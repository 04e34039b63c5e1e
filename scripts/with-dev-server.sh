#!/usr/bin/env bash
# Runs a command against a Temporal dev server started for it and stopped afterwards
# (or against the server TEMPORAL_ADDRESS already names).
#   scripts/with-dev-server.sh [--ui] COMMAND [ARGS...]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
start_args=()
if [ "${1:-}" = --ui ]; then start_args=(--ui); shift; fi

# `eval "$(…)"` alone would hide a failed start: eval of nothing succeeds.
# A state dir of its own, so concurrent runs (and a demo server left running) never collide.
mkdir -p "$ROOT/build"
state_dir=$(mktemp -d "$ROOT/build/dev-server-run.XXXXXX")
env=$("$ROOT/scripts/dev-server.sh" start --state-dir "$state_dir" "${start_args[@]}")
eval "$env"
export TEMPORAL_ADDRESS
if [ -n "${TEMPORAL_UI:-}" ]; then export TEMPORAL_UI; fi
trap '"$ROOT/scripts/dev-server.sh" stop --state-dir "$state_dir"; rm -rf "$state_dir"' EXIT
"$@"
