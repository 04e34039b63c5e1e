"""The dev server's own Prometheus metrics (start-dev's --metrics-port): how long its matching service waited
for history to record a task started. Matching gives that call 1 s for a task handed straight to a waiting
poll (10 s otherwise); when history commits the start but answers later, the task stays started with no
worker holding it and times out (temporalio/temporal#11733). The count of such slow calls next to the count
of timeouts that never reached PHP tells whether that explains them."""

from __future__ import annotations

import re
import urllib.request

SYNC_MATCH_RECORD_TIMEOUT_S = 1.0  # the server's recordTaskStartedSyncMatchTimeout
OPERATIONS = {"workflow": "HistoryClientRecordWorkflowTaskStarted", "activity": "HistoryClientRecordActivityTaskStarted"}


def metrics_port(pid: int) -> int | None:
    """The --metrics-port of the server process pid (from its command line)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().decode(errors="replace").split("\0")
    except OSError:
        return None
    for i, arg in enumerate(args[:-1]):
        if arg == "--metrics-port":
            return int(args[i + 1])
    return None


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
        return response.read().decode(errors="replace")


def slow_record_started(text: str, operation: str, over_s: float = SYNC_MATCH_RECORD_TIMEOUT_S) -> dict:
    """{calls, over_<s>s} for matching's calls of `operation`: all of them and those slower than over_s (the
    difference between the +Inf bucket and the bucket at over_s)."""
    buckets: dict[str, float] = {}
    pattern = re.compile(r'^client_latency_bucket\{[^}]*operation="%s"[^}]*le="([^"]+)"\} (\S+)' % re.escape(operation))
    for line in text.splitlines():
        m = pattern.match(line)
        if m:
            buckets[m.group(1)] = buckets.get(m.group(1), 0) + float(m.group(2))
    total = buckets.get("+Inf", 0)
    within = buckets.get(f"{over_s:g}", total)
    return {"calls": int(total), f"over_{over_s:g}s": int(total - within)}


def record_started_latency(port: int | None) -> dict:
    """Both kinds of task, or {} when the metrics cannot be read."""
    if port is None:
        return {}
    try:
        text = scrape(port)
    except OSError:
        return {}
    return {kind: slow_record_started(text, op) for kind, op in OPERATIONS.items()}
