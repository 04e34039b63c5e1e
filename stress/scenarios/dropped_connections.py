#!/usr/bin/env python3
"""Scenario "dropped_connections": every connection between the worker and the server is reset at random
intervals for 60 s (--quick: 15 s).

An in-memory dev server (CPU 0); a TCP proxy of this scenario's own on 127.0.0.1 (stress/harness/proxy.py) that
the PHP worker (CPU 1) connects through; a client process connected straight to the server starts 200
StressWorkflows (--quick: 40), long enough to span the faults (activities, a timer after each, two signals),
and waits for every result. While they run, the proxy resets every open connection after a random gap of 0.5 to
5 s (a seeded RNG: --seed), so polls, completions and heartbeats die mid-flight again and again.

Expected: every workflow completes with the fault-free result, the worker never exits. Activities whose
completion a cut swallowed run again (duplicated / retried: at-least-once). A workflow task whose poll response
a cut swallowed times out: each timeout is attributed from the activation log (did it reach PHP, did PHP
complete it) and placed relative to the nearest cut.
"""

from __future__ import annotations

import bisect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from stress.harness import paths  # noqa: E402

paths.setup()
from bench.harness.server import DevServer  # noqa: E402
from stress.harness import php  # noqa: E402
from stress.harness.checks import TimedOutTask, check  # noqa: E402
from stress.harness.proxy import CuttingProxy  # noqa: E402
from stress.harness.report import Report, main  # noqa: E402
from stress.harness.server_metrics import metrics_port, record_started_latency  # noqa: E402
from stress.harness.scenario import Scratch, log, parser  # noqa: E402
from stress.harness.servers import POLL_COMPLETE_ON_SHUTDOWN  # noqa: E402
from stress.harness.under_load import run_with_fault  # noqa: E402
from stress.harness.workload import Workload  # noqa: E402

MIN_GAP, MAX_GAP = 0.5, 5.0  # seconds between two cuts
CLIENT_TIMEOUT = 900.0


def relative_to_cuts(task: TimedOutTask, cut_times: list[float]) -> str:
    """Where the task's start falls among the cuts: the closest cut before it and after it."""
    if task.started_at is None or not cut_times:
        return ""
    i = bisect.bisect(cut_times, task.started_at)
    before = f"{task.started_at - cut_times[i - 1]:.3f} s after a cut" if i > 0 else "before the first cut"
    after = f"{cut_times[i] - task.started_at:.3f} s before the next" if i < len(cut_times) else "after the last cut"
    return f"; the server started it {before}, {after}"


def body(report: Report) -> None:
    p = parser(__doc__)
    p.add_argument("--workflows", type=int, default=200)
    p.add_argument("--seconds", type=float, default=60.0, help="how long the cuts go on")
    p.add_argument("--seed", type=int, default=9)
    args = p.parse_args()
    if args.quick:
        args.workflows, args.seconds = 40, 15.0
    steps = 4
    with (Scratch("dropped", args.keep) as scratch, DevServer(POLL_COMPLETE_ON_SHUTDOWN) as server,
          CuttingProxy(server.address) as proxy):
        queue = f"stress-dropped-{scratch.run_id}"
        logs = php.Logs(scratch.path)
        # Each workflow outlasts the cuts: `steps` timers of seconds / steps each.
        workload = Workload(f"dropped-{scratch.run_id}", args.workflows, steps=steps, timer=args.seconds / steps,
                            signals=2)

        def cut() -> None:
            log(f"cutting every worker connection every {MIN_GAP:g}-{MAX_GAP:g} s for {args.seconds:g} s "
                f"(seed {args.seed})")
            proxy.cut_randomly(args.seconds, args.seed, MIN_GAP, MAX_GAP)
            log(f"{len(proxy.cuts)} cuts reset {sum(n for _, n in proxy.cuts)} connections; waiting for results")

        outcome = run_with_fault(report, workload, proxy.address, server.address, queue, logs, workload.count // 2,
                                 cut, CLIENT_TIMEOUT)
        log("workflows done; reading their histories")
        logs.keep_server_log(server.state_dir)
        report.details["server_record_task_started"] = record_started_latency(metrics_port(server.pid))
        histories = php.histories(server.address, workload.ids())
        cut_times = [t for t, _ in proxy.cuts]
        check(report, workload, histories, logs, outcome, context=lambda t: relative_to_cuts(t, cut_times))
        report.details.update({"cut_seconds": args.seconds, "seed": args.seed, "cuts": len(proxy.cuts),
                               "connections_reset": sum(n for _, n in proxy.cuts),
                               "worker_connections_opened": proxy.connections})
        scratch.keep |= not report.ok


if __name__ == "__main__":
    main("dropped_connections", body)
