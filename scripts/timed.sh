#!/usr/bin/env bash
# Runs a command and appends "seconds name exit-code" to build/timings.txt, so a slow run says where its time
# went (.ci/run prints the file at the end).
#   scripts/timed.sh NAME COMMAND [ARGS...]
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
name=$1
shift
start=$(date +%s)
"$@"
status=$?
mkdir -p "$ROOT/build"
printf '%6ds  %-20s exit %d\n' "$(($(date +%s) - start))" "$name" "$status" >>"$ROOT/build/timings.txt"
exit "$status"
