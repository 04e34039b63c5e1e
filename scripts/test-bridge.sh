#!/usr/bin/env bash
# The bridge's unit tests, then the queue's tests again under valgrind memcheck: they free waker contexts
# right after resetting the waker, so a wake that escaped a reset shows up as an invalid read.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT/bridge"
cargo test --release --locked --lib
binary=$(cargo test --release --locked --lib --no-run --message-format=json 2>/dev/null \
    | python3 -c 'import json, sys; print([m["executable"] for m in map(json.loads, sys.stdin) if m.get("executable")][-1])')
# A bound, so a starved thread fails the step instead of stalling CI (these take about a second).
timeout 300 valgrind -q --error-exitcode=1 --leak-check=no "$binary" --test-threads=1 queue::tests \
    || { echo "bridge queue tests under memcheck failed or ran past 300 s" >&2; exit 1; }
echo "bridge queue tests under memcheck: no errors"
