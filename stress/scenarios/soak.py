#!/usr/bin/env python3
"""Scenario "soak": 10,000 one-activity workflows (--quick: 500) through ONE PHP worker process while another
process (`stress-ng --cpu 1`) keeps a core busy.

An in-memory dev server (CPU 0, as in the benchmarks), the worker on CPU 1, stress-ng wherever the kernel puts
it; the client process starts the workflows in batches of 1,000 (each once the previous one closed) and checks
every result. Expected: every workflow completes with its result, zero workflow-task timeouts. Each timeout,
if any, is explained from the activation log: did the task reach PHP, how long after the server started it, did
PHP complete it. The report also gives the delay from the server starting each workflow task to PHP receiving
its activation (p50, p99, max): an activation delayed between the core and PHP shows there even when it stays
under the 10 s task timeout.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from stress.harness import paths  # noqa: E402

paths.setup()
from bench.harness import proc  # noqa: E402
from bench.harness.server import DevServer  # noqa: E402
from stress.harness import php  # noqa: E402
from stress.harness.checks import check  # noqa: E402
from stress.harness.report import Report, main  # noqa: E402
from stress.harness.server_metrics import metrics_port, record_started_latency  # noqa: E402
from stress.harness.scenario import Scratch, log, parser  # noqa: E402
from stress.harness.servers import POLL_COMPLETE_ON_SHUTDOWN  # noqa: E402
from stress.harness.workload import Workload  # noqa: E402

CLIENT_TIMEOUT = 1200.0


class CpuHog:
    """`stress-ng --cpu 1`: one process spinning on one core for as long as it runs."""

    def __init__(self) -> None:
        if shutil.which("stress-ng") is None:
            raise RuntimeError("stress-ng is missing: run scripts/install-deps.sh (Debian package stress-ng)")
        self.proc = subprocess.Popen(["stress-ng", "--cpu", "1", "--timeout", "0", "--quiet"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> "CpuHog":
        return self

    def __exit__(self, *exc) -> None:
        # stress-ng ends its workers on SIGTERM (its own process group is not ours to signal).
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def explain_lost_starts(report: Report) -> None:
    """Puts the timeouts that never reached PHP next to what the server and the SDK's own figures say."""
    lost = report.details.get("task_timeouts_by_cause", {}).get("never_reached_php", 0)
    slow = report.details.get("server_record_task_started", {}).get("workflow", {}).get("over_1s")
    delay = report.details.get("task_start_to_php_s", {}).get("max")
    if not lost:
        return
    report.notes.append(
        f"{lost} workflow tasks were started by the server for this worker's polls and never reached PHP, while "
        f"every task the worker did receive reached PHP within {delay} s of the server starting it. A diagnostic "
        "build with core logs (stress/README.md) showed such tasks returned by none of the worker's polls, with no "
        "poll failing or being retried: they are lost before the worker's core, on the server's side. "
        f"The server's matching waited over 1 s for history to record a task started {slow} times, so it is not the "
        "1 s sync-match give-up of temporalio/temporal#11733 either. The Python and Go SDKs lose first tasks the "
        "same way under the same load (stress/peers/soak_peers.py; figures in stress/README.md).")


def body(report: Report) -> None:
    p = parser(__doc__)
    p.add_argument("--workflows", type=int, default=10_000)
    p.add_argument("--batch", type=int, default=1_000)
    p.add_argument("--server-flag", action="append", default=[], metavar="FLAG",
                   help="one more `temporal server start-dev` argument (repeat for each), to try a server setting")
    p.add_argument("--without-load", action="store_true", help="no stress-ng: the same soak on a box left alone")
    args = p.parse_args()
    if args.quick:
        args.workflows, args.batch = 500, 100
    with Scratch("soak", args.keep) as scratch, DevServer([*POLL_COMPLETE_ON_SHUTDOWN, *args.server_flag]) as server, \
            (contextlib.nullcontext() if args.without_load else CpuHog()):
        queue = f"stress-soak-{scratch.run_id}"
        logs = php.Logs(scratch.path)
        workload = Workload(f"soak-{scratch.run_id}", args.workflows, one_activity=True, batch=args.batch)
        worker = php.worker("soak", server.address, queue, logs).start()
        try:
            cpu_before = proc.cpu_seconds(worker.pid)
            log(f"{args.workflows:,} workflows in batches of {args.batch:,}, stress-ng --cpu 1 running")
            client = php.Client(workload, server.address, queue, timeout=CLIENT_TIMEOUT)
            try:
                outcome = client.result()
            finally:
                client.stop()
            if worker.proc.poll() is not None:
                report.fail(f"the worker exited ({worker.proc.returncode}) during the soak:\n{worker.tail()}")
            report.details["worker_cpu_s"] = round(proc.cpu_seconds(worker.pid) - cpu_before, 1)
            report.details["worker_peak_rss_mib"] = round(proc.peak_rss_mib(worker.pid), 1)
        finally:
            worker.stop()
            logs.keep_worker_log(worker)
        log("workflows done; reading their histories")
        logs.keep_server_log(server.state_dir)
        report.details["server_record_task_started"] = record_started_latency(metrics_port(server.pid))
        histories = php.histories(server.address, workload.ids())
        check(report, workload, histories, logs, outcome, expect_no_task_timeouts=True)
        report.details.update({"batch": args.batch, "stress_ng_cpu_1": not args.without_load})
        explain_lost_starts(report)
        scratch.keep |= not report.ok


if __name__ == "__main__":
    main("soak", body)
