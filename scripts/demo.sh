#!/usr/bin/env bash
# The demo: a dev server with its Web UI, the sample order workflow's PHP worker, and the PHP client that
# starts it, queries it, signals it and prints its result. The server is left running so the run can
# be looked at in the Web UI; `scripts/dev-server.sh stop` stops it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TASK_QUEUE=php-temporal-demo
EXT_SO=${TEMPORAL_EXT_SO:-$ROOT/build/ext/modules/temporal.so}
state=$ROOT/build/dev-server

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
    if "$ROOT/scripts/dev-server.sh" status >/dev/null 2>&1; then
        env=$(cat "$state/server.env")
    else
        env=$("$ROOT/scripts/dev-server.sh" start --ui)
    fi
    eval "$env"
fi
export TEMPORAL_ADDRESS
export TEMPORAL_UI=${TEMPORAL_UI:-}

# The worker: the order workflow and its activities, in PHP.
log=$ROOT/build/demo-worker.log
php -d extension="$EXT_SO" "$ROOT/demo/worker.php" "$TASK_QUEUE" >"$log" 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null || true' EXIT
for _ in $(seq 600); do  # up to a minute: a loaded machine starts slowly
    grep -q "polling" "$log" && break
    kill -0 "$worker" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done

php -d extension="$EXT_SO" "$ROOT/demo/client.php" "$TASK_QUEUE"
echo
echo "The dev server keeps running for the Web UI; stop it with: scripts/dev-server.sh stop"
