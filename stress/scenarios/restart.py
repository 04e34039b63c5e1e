#!/usr/bin/env python3
"""Scenario "restart": the server is SIGKILLed mid-load and restarted on the same port 5 s later.

A dev server with a persistent database (--db-filename, CPU 0); one PHP worker (CPU 1); a client process that
starts 200 StressWorkflows (--quick: 40: activities, a timer after each, two signals), signals them and waits for
every result. Once a third of the activities have run, the server gets SIGKILL; 5 s after it is gone it starts
again on the same ports with the same database. Neither the worker nor the client is restarted or told: both
must reconnect by themselves (the client repeats a call that failed for good, counted as client_call_retries).

Expected: every workflow completes with the fault-free result; the worker never exits. Activities whose
completion the kill swallowed run again (duplicated / retried: at-least-once). A workflow task the server had
handed out just before the kill times out by design: each such timeout is attributed from the activation log
(did the task reach PHP, and did PHP complete it) and placed relative to the kill.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from stress.harness import paths  # noqa: E402

paths.setup()
from stress.harness import php  # noqa: E402
from stress.harness.checks import TimedOutTask, check  # noqa: E402
from stress.harness.logs import read_jsonl  # noqa: E402
from stress.harness.report import Report, main  # noqa: E402
from stress.harness.server_metrics import record_started_latency  # noqa: E402
from stress.harness.scenario import Scratch, log, parser  # noqa: E402
from stress.harness.servers import PersistentServer  # noqa: E402
from stress.harness.under_load import run_with_fault  # noqa: E402
from stress.harness.workload import Workload  # noqa: E402

DOWN_SECONDS = 5.0  # the fault: how long the server stays dead
CLIENT_TIMEOUT = 600.0


def relative_to_kill(task: TimedOutTask, killed_at: float, back_at: float) -> str:
    """When the task started (or, never started, timed out) relative to the kill and to the server's return."""
    if task.started_at is not None:
        return f"; the server started it {task.started_at - killed_at:+.3f} s from the kill"
    if task.timed_out_at is not None:
        return f"; it timed out {task.timed_out_at - back_at:+.3f} s from the server serving again"
    return ""


def body(report: Report) -> None:
    p = parser(__doc__)
    p.add_argument("--workflows", type=int, default=200)
    args = p.parse_args()
    if args.quick:
        args.workflows = 40
    with Scratch("restart", args.keep) as scratch, PersistentServer(scratch.path) as server:
        queue = f"stress-restart-{scratch.run_id}"
        logs = php.Logs(scratch.path)
        workload = Workload(f"restart-{scratch.run_id}", args.workflows, steps=3, timer=2.0, signals=2)
        kill_after = workload.count * workload.steps // 3
        killed_at = back_at = 0.0

        def kill_and_restart() -> None:
            nonlocal killed_at, back_at
            server.kill()
            killed_at = time.time()
            log(f"server SIGKILLed after {kill_after} activities; restarting it in {DOWN_SECONDS:g} s")
            time.sleep(DOWN_SECONDS)  # the fault's length, not a wait for something to happen
            server.start()
            back_at = time.time()
            log(f"server serving again {back_at - killed_at:.1f} s after the kill")

        outcome = run_with_fault(report, workload, server.address, server.address, queue, logs, kill_after,
                                 kill_and_restart, CLIENT_TIMEOUT)
        report.details["server_record_task_started"] = record_started_latency(server.ports[2])  # since the restart
        log("workflows done; reading their histories")
        histories = php.histories(server.address, workload.ids())
        check(report, workload, histories, logs, outcome, context=lambda t: relative_to_kill(t, killed_at, back_at))
        resumed = min((r["t"] for r in read_jsonl(logs.activations)
                       if r.get("e") == "workflow activation received" and r["t"] > back_at), default=None)
        report.details.update({"server_down_s": DOWN_SECONDS, "kill_to_serving_s": round(back_at - killed_at, 1),
                               # how long the worker took to get work again once the server was back
                               "serving_to_first_activation_s": None if resumed is None else round(resumed - back_at, 1)})
        scratch.keep |= not report.ok


if __name__ == "__main__":
    main("restart", body)
