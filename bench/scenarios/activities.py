"""Scenario "activities": Python SDK workflows fan out no-op activities to the worker under test.

Per cell (peer × repetition): a fresh dev server (CPU 0); the Python workflow worker hosting BenchFanOut
(CPU 0, the same for every peer); the peer's activity worker (CPU 1), run directly so its PID is the
worker's; a warm-up batch; then the measured batch, all workflows started at once by this driver (CPU 0).
The steady window runs from just before the first start to the last result: the worker's utime+stime is
read from /proc/<pid>/stat at both ends, its VmHWM from /proc/<pid>/status after the window.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from dataclasses import dataclass, field

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client

from harness import proc
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_num, fmt_ratio, markdown_table, median, ratio
from harness.workers import DRIVER_CPU, WORKER_CPU, WorkerProcess, peer_command, python_workflow_worker_command

PEERS = ("php", "python", "go")
PEER_LABEL = {"php": "PHP (ours)", "python": "Python SDK", "go": "Go SDK"}
SERVER_BOUND_BUSY = 0.70
BAD_EVENTS = {
    EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
    EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
    EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
    EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
}


@dataclass
class Settings:
    workflows: int = 75
    activities_per_workflow: int = 40
    warmup_workflows: int = 2
    max_activities: int = 100
    pollers: int = 5
    reps: int = 3


class ActivityRates:
    """The rates of a cell that ran `activities` activities in `seconds`, its worker using `cpu_seconds`."""
    activities: int
    seconds: float
    cpu_seconds: float

    @property
    def per_second(self) -> float:
        return self.activities / self.seconds

    @property
    def cpu_per_1k(self) -> float:
        return self.cpu_seconds / self.activities * 1000


@dataclass
class Cell(ActivityRates):
    peer: str
    rep: int
    activities: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    cpu0_seconds: float = 0.0  # the dev server + the Python workflow worker + this driver, same window
    others_cpu0_seconds: float = 0.0  # CPU 0's busy time in the window that none of ours account for
    others_cpu1_seconds: float = 0.0  # likewise CPU 1, beside the worker: other tenants of the box
    rss_samples: list[float] = field(default_factory=list)

    @property
    def busy(self) -> float:
        return self.cpu_seconds / self.seconds

    @property
    def cpu0_busy(self) -> float:
        return self.cpu0_seconds / self.seconds

    @property
    def others_busy(self) -> float:
        """Other processes' share of both CPUs in the window (0..2 CPUs), clamped at 0."""
        return (max(0.0, self.others_cpu0_seconds) + max(0.0, self.others_cpu1_seconds)) / self.seconds


class InvalidRun(RuntimeError):
    pass


async def fan_out(client: Client, prefix: str, n: int, per_workflow: int, activity_queue: str,
                  workflow_queue: str, activity: str = "noop", activity_args: list | None = None) -> list[str]:
    """n BenchFanOut workflows, each running per_workflow activities at once; their ids, once all succeeded."""
    ids = [f"{prefix}-{i}" for i in range(n)]
    handles = await asyncio.gather(*(
        client.start_workflow("BenchFanOut", args=[per_workflow, activity_queue, activity, activity_args or []],
                              id=wid, task_queue=workflow_queue)
        for wid in ids))
    results = await asyncio.gather(*(h.result() for h in handles), return_exceptions=True)
    failed = [(wid, r) for wid, r in zip(ids, results) if r != per_workflow]
    if failed:
        raise InvalidRun(f"{len(failed)} of {n} workflows failed, e.g. {failed[0][0]}: {failed[0][1]!r}")
    return ids


async def _check_histories(client: Client, ids: list[str]) -> None:
    async def bad_events(wid: str) -> list[str]:
        history = await client.get_workflow_handle(wid).fetch_history()
        return [EventType.Name(e.event_type) for e in history.events if e.event_type in BAD_EVENTS]

    for wid, bad in zip(ids, await asyncio.gather(*(bad_events(w) for w in ids))):
        if bad:
            raise InvalidRun(f"workflow {wid} has {bad[0]} in its history")


def _cpu0_seconds(pids: list[int]) -> float:
    return sum(proc.cpu_seconds(p) for p in pids) + sum(os.times()[:2])


async def _measure(address: str, server_pid: int, peer: str, rep: int, s: Settings, log) -> Cell:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    workflow_queue, activity_queue = f"bench-wf-{run}", f"bench-act-{run}"
    with WorkerProcess("workflows", python_workflow_worker_command(address, workflow_queue), DRIVER_CPU) as wf:
        cmd = peer_command(peer, address, activity_queue, s.max_activities, s.pollers)
        with WorkerProcess(peer, cmd, WORKER_CPU) as worker:
            warm = await fan_out(client, f"warm-{run}", s.warmup_workflows, s.activities_per_workflow,
                                  activity_queue, workflow_queue)
            with proc.RssSampler(worker.pid) as sampler:
                core0_start = _cpu0_seconds([server_pid, wf.pid])
                busy0, busy1 = proc.cpu_busy_seconds(0), proc.cpu_busy_seconds(1)
                worker_start, t0 = proc.cpu_seconds(worker.pid), time.perf_counter()
                ids = await fan_out(client, f"run-{run}", s.workflows, s.activities_per_workflow,
                                     activity_queue, workflow_queue)
                t1, worker_end = time.perf_counter(), proc.cpu_seconds(worker.pid)
                core0 = _cpu0_seconds([server_pid, wf.pid]) - core0_start
                busy0, busy1 = proc.cpu_busy_seconds(0) - busy0, proc.cpu_busy_seconds(1) - busy1
                peak = proc.peak_rss_mib(worker.pid)
            await _check_histories(client, warm + ids)
            code = worker.stop()
            if code not in (0, None):
                raise InvalidRun(f"{peer} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    cell = Cell(peer, rep, s.workflows * s.activities_per_workflow, t1 - t0, worker_end - worker_start, peak,
                core0, busy0 - core0, busy1 - (worker_end - worker_start), sampler.samples)
    log(f"  activities rep {rep + 1} {peer:6}: {cell.per_second:7.0f} act/s, "
        f"{cell.cpu_per_1k:.3f} CPU-s/1k, busy {cell.busy:.0%}, peak RSS {peak:.1f} MiB, "
        f"CPU 0 (server+workflows+driver) {cell.cpu0_busy:.0%}, others {cell.others_busy:.0%}")
    return cell


def peer_orders(reps: int) -> list[tuple[str, ...]]:
    """A different peer order per repetition (rotations, then reversed rotations)."""
    rotations = [PEERS[i:] + PEERS[:i] for i in range(len(PEERS))]
    orders = rotations + [tuple(reversed(r)) for r in rotations]
    return [orders[i % len(orders)] for i in range(reps)]


def run(s: Settings, log=print) -> list[Cell]:
    cells = []
    for rep, order in enumerate(peer_orders(s.reps)):
        for peer in order:
            with DevServer() as server:  # a fresh server per peer and repetition
                cells.append(asyncio.run(_measure(server.address, server.pid, peer, rep, s, log)))
    return cells


def summarize(cells: list[Cell]) -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = {}
    for c in cells:
        d = out.setdefault(c.peer, {"per_second": [], "cpu_per_1k": [], "peak_rss_mib": [], "busy": [],
                                    "cpu0_busy": [], "others_busy": []})
        d["per_second"].append(c.per_second)
        d["cpu_per_1k"].append(c.cpu_per_1k)
        d["peak_rss_mib"].append(c.peak_rss_mib)
        d["busy"].append(c.busy)
        d["cpu0_busy"].append(c.cpu0_busy)
        d["others_busy"].append(c.others_busy)
    return out


def tables(cells: list[Cell], s: Settings) -> str:
    summary = summarize(cells)
    peers = [p for p in PEERS if p in summary]
    rows = []
    for p in peers:
        d = summary[p]
        bound = " (server-bound)" if median(d["busy"]) < SERVER_BOUND_BUSY else ""
        rows.append([PEER_LABEL[p], fmt_cell(d["per_second"]) + bound, fmt_cell(d["cpu_per_1k"]),
                     fmt_cell(d["peak_rss_mib"]), fmt_cell([b * 100 for b in d["busy"]], 2) + " %",
                     fmt_cell([b * 100 for b in d["cpu0_busy"]], 2) + " %",
                     fmt_cell([b * 100 for b in d["others_busy"]], 2) + " %"])
    main = markdown_table(
        ["worker", "activities/s", "CPU-s / 1k activities", "peak RSS MiB", "worker core busy (CPU 1)",
         "CPU 0 busy (server+workflows+driver)", "other tenants (% of a CPU)"], rows)

    figures = [("activities/s (higher is better)", "per_second"),
               ("CPU-s / 1k activities (lower is better)", "cpu_per_1k"),
               ("peak RSS MiB (lower is better)", "peak_rss_mib")]
    ratio_rows = []
    for label, key in figures:
        php = median(summary["php"][key]) if "php" in summary else None
        py = median(summary["python"][key]) if "python" in summary else None
        go = median(summary["go"][key]) if "go" in summary else None
        ratio_rows.append([label, fmt_num(php), fmt_ratio(ratio(php, py)), fmt_ratio(ratio(php, go))])
    ratios = markdown_table(["figure", "PHP", "PHP/Python", "PHP/Go"], ratio_rows)

    head = (f"### activities: {s.workflows} Python workflows x {s.activities_per_workflow} no-op activities "
            f"= {s.workflows * s.activities_per_workflow} per cell; max concurrent activities "
            f"{s.max_activities}, {s.pollers} activity pollers; median of {s.reps} (min–max)")
    note = (f"A cell is \"server-bound\" when the worker's core (CPU {WORKER_CPU}) is under "
            f"{SERVER_BOUND_BUSY:.0%} busy in the window: the worker waited on the server, the figure "
            f"measures the server more than the worker. \"other tenants\": busy time of CPUs 0+1 in the window "
            f"that none of the benchmark's processes account for: other work on the box, plus kernel time not "
            f"charged to any process (e.g. loopback softirq), so an upper bound on noise.")
    return f"{head}\n\n{main}\n\n{ratios}\n\n{note}\n"
