#!/usr/bin/env bash
# Runs php-src's run-tests.php with the given arguments and fails if it fails, or if any test passed only on
# its retry: run-tests.php silently runs a failed test again when its code calls sleep(), usleep(),
# microtime() or hrtime() or its output says "timed out", "deadlock", "connection refused"..., which most
# of this suite's tests do. A pass on retry is a failure that happened; it must not go unseen.
#   scripts/run-phpt.sh RUN_TESTS_PHP ARG...
set -uo pipefail

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
REPORT_EXIT_STATUS=1 NO_INTERACTION=1 php "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
retried="$(grep -a "passed on retry attempt" "$log" | sed -E 's/.*\[([^]]+)\].*/\1/' | sort -u)"
if [ -n "$retried" ]; then
    echo "run-phpt: these tests failed, then passed on run-tests.php's retry (a failure all the same):" >&2
    echo "$retried" >&2
    exit 1
fi
exit "$status"
