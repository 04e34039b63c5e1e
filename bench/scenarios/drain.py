"""Scenario "drain": a backlog of one-activity workflows, drained by ONE worker process per peer.

Per cell (peer × repetition): a fresh dev server (CPU 0); this driver (CPU 0) starts N BenchOneActivity
workflows (each runs one no-op activity, start-to-close 10 s, one attempt) on a task queue no worker polls
yet; then the peer's worker (CPU 1), hosting the workflow and the activity in one process with the same
tuning for every peer (harness.workers.Tuning), is started and drains the backlog. The window runs from the
worker's "worker ready" line to the last close time the server records; the worker's utime+stime is read
at both ends (the end once the server counts every workflow closed), its VmRSS at ready and its VmHWM at
the end. Validity, from the server's visibility store (one list call): every workflow is Completed and its
history has exactly the 11 events of a clean run, so no workflow task failed or timed out.
The peers are PHP twice (Debian's ini, and "php-lean": `php -n` and the extensions a worker needs), Python and
Go; the tables end with issue 18's target for the peak RSS (scenarios.memory_targets).
"""

from __future__ import annotations

import asyncio
import datetime
import os
import time
import uuid
from dataclasses import dataclass, field
from typing import Iterable

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client

from harness import proc
from harness.server import DevServer
from harness.stats import by_peer, fmt_cell, fmt_num, fmt_ratio, markdown_table, median, ratio
from harness.workers import WORKER_CPU, Tuning, WorkerProcess, one_activity_command
from scenarios import activities
from scenarios.activities import SERVER_BOUND_BUSY, InvalidRun
from scenarios.memory_targets import LEAN_NOTE, PEER_LABEL, PEERS, SHORT_NAME, drain_peak_targets, peer_orders

WORKFLOW = "BenchOneActivity"
# WorkflowExecutionStarted, WorkflowTask{Scheduled,Started,Completed}, ActivityTask{Scheduled,Started,
# Completed}, WorkflowTask{Scheduled,Started,Completed}, WorkflowExecutionCompleted: a failed or timed-out
# workflow task (or a retried one) adds events.
CLEAN_HISTORY_LENGTH = 11
START_CONCURRENCY = 50


@dataclass
class Settings:
    workflows: int = 1000
    reps: int = 3
    tuning: Tuning = field(default_factory=Tuning)
    timeout: float = 300.0  # a drain that takes longer is invalid
    peers: tuple[str, ...] = PEERS


@dataclass
class Cell:
    peer: str
    rep: int
    workflows: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    ready_rss_mib: float
    cpu0_seconds: float = 0.0  # the dev server + this driver, same window

    @property
    def per_second(self) -> float:
        return self.workflows / self.seconds

    @property
    def cpu_per_1k(self) -> float:
        return self.cpu_seconds / self.workflows * 1000

    @property
    def rss_growth_per_1k(self) -> float:
        """Peak RSS above the RSS at ready, per 1,000 workflows drained."""
        return max(0.0, self.peak_rss_mib - self.ready_rss_mib) / self.workflows * 1000

    @property
    def busy(self) -> float:
        return self.cpu_seconds / self.seconds

    @property
    def cpu0_busy(self) -> float:
        return self.cpu0_seconds / self.seconds


# ---- shared with the latency scenario ----

@dataclass
class Execution:
    """What the server's visibility store says about one workflow."""
    id: str
    status: str
    start: datetime.datetime | None
    close: datetime.datetime | None
    history_length: int


async def start_workflows(client: Client, queue: str, ids: Iterable[str]) -> None:
    sem = asyncio.Semaphore(START_CONCURRENCY)

    async def one(wid: str) -> None:
        async with sem:
            await client.start_workflow(WORKFLOW, id=wid, task_queue=queue)

    await asyncio.gather(*(one(w) for w in ids))


async def wait_closed(client: Client, queue: str, n: int, timeout: float, interval: float = 0.25) -> None:
    """Until the server counts n closed workflows on queue (visibility; cheap count queries)."""
    deadline = time.monotonic() + timeout
    query = f"TaskQueue = '{queue}' AND ExecutionStatus != 'Running'"
    while True:
        closed = (await client.count_workflows(query)).count
        if closed >= n:
            return
        if time.monotonic() > deadline:
            raise InvalidRun(f"only {closed} of {n} workflows closed after {timeout:.0f} s")
        await asyncio.sleep(interval)


async def list_executions(client: Client, queue: str) -> list[Execution]:
    out = []
    async for w in client.list_workflows(f"TaskQueue = '{queue}'", page_size=1000):
        out.append(Execution(w.id, w.status.name if w.status else "UNKNOWN", w.start_time, w.close_time,
                             w.history_length))
    return out


def check_executions(executions: list[Execution], expected_ids: Iterable[str]) -> list[str]:
    """The problems that make a run invalid: a workflow missing, not Completed, or not a clean history."""
    expected = set(expected_ids)
    by_id = {e.id: e for e in executions}
    problems = []
    missing = expected - by_id.keys()
    if missing:
        problems.append(f"{len(missing)} workflows missing from the server's list, e.g. {sorted(missing)[0]}")
    bad_status = [e for e in executions if e.id in expected and e.status != "COMPLETED"]
    if bad_status:
        problems.append(f"{len(bad_status)} workflows not completed, e.g. {bad_status[0].id}: {bad_status[0].status}")
    unclean = [e for e in executions if e.id in expected and e.status == "COMPLETED"
               and e.history_length != CLEAN_HISTORY_LENGTH]
    if unclean:
        problems.append(f"{len(unclean)} histories of other than {CLEAN_HISTORY_LENGTH} events (a failed or "
                        f"timed-out workflow task), e.g. {unclean[0].id}: {unclean[0].history_length}")
    return problems


async def validate(client: Client, queue: str, expected_ids: list[str]) -> list[Execution]:
    # Visibility is written just after the close: retry briefly before calling a run invalid.
    for attempt in range(20):
        executions = await list_executions(client, queue)
        problems = check_executions(executions, expected_ids)
        if not problems:
            return executions
        await asyncio.sleep(0.25)
    unclean = next((e for e in executions if e.status == "COMPLETED" and e.history_length != CLEAN_HISTORY_LENGTH),
                   None)
    if unclean is not None:  # name the events, for the report
        history = await client.get_workflow_handle(unclean.id).fetch_history()
        problems.append(f"{unclean.id}: " + ", ".join(EventType.Name(e.event_type) for e in history.events))
    raise InvalidRun("; ".join(problems))


# ---- the drain ----

def _cpu0_seconds(server_pid: int) -> float:
    return proc.cpu_seconds(server_pid) + sum(os.times()[:2])


async def measure(address: str, server_pid: int, peer: str, rep: int, s: Settings, log,
                  extra_args: tuple[str, ...] = ()) -> Cell:
    """One cell; extra_args go to the peer's worker command (the interceptors scenario's variants)."""
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    queue = f"bench-drain-{run}"
    ids = [f"drain-{run}-{i}" for i in range(s.workflows)]
    t = time.perf_counter()
    await start_workflows(client, queue, ids)
    started_s = time.perf_counter() - t
    command = one_activity_command(peer.split("+")[0], address, queue, s.tuning) + list(extra_args)
    worker = WorkerProcess(peer, command, WORKER_CPU, poll_interval=0.01)
    with worker:
        t0, cpu_start, core0_start = time.time(), proc.cpu_seconds(worker.pid), _cpu0_seconds(server_pid)
        ready_rss = proc.status_kib(worker.pid, "VmRSS") / 1024
        await wait_closed(client, queue, s.workflows, s.timeout)
        cpu_end, core0_end = proc.cpu_seconds(worker.pid), _cpu0_seconds(server_pid)
        peak = proc.peak_rss_mib(worker.pid)
        executions = await validate(client, queue, ids)
        code = worker.stop()
        if code not in (0, None):
            raise InvalidRun(f"{peer} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    last_close = max(e.close.timestamp() for e in executions if e.close is not None)
    cell = Cell(peer, rep, s.workflows, last_close - t0, cpu_end - cpu_start, peak, ready_rss,
                core0_end - core0_start)
    log(f"  drain rep {rep + 1} {peer:8}: {cell.per_second:6.1f} wf/s, {cell.cpu_per_1k:.2f} CPU-s/1k, "
        f"busy {cell.busy:.0%}, peak RSS {peak:.1f} MiB (+{cell.rss_growth_per_1k:.1f}/1k), "
        f"CPU 0 {cell.cpu0_busy:.0%}; backlog started in {started_s:.1f} s")
    return cell


def run(s: Settings, log=print) -> list[Cell]:
    cells = []
    for rep, order in enumerate(peer_orders(s.reps, s.peers)):
        for peer in order:
            with DevServer() as server:  # a fresh server per peer and repetition
                cells.append(asyncio.run(measure(server.address, server.pid, peer, rep, s, log)))
    return cells


FIGURES = [  # (label, Cell attribute, digits)
    ("workflows/s (higher is better)", "per_second", 3),
    ("CPU-s / 1k workflows (lower is better)", "cpu_per_1k", 3),
    ("peak RSS MiB (lower is better)", "peak_rss_mib", 3),
    ("peak RSS growth MiB / 1k workflows (lower is better)", "rss_growth_per_1k", 2),
]


def summarize(cells: list[Cell]) -> dict[str, dict[str, list[float]]]:
    return by_peer(cells, [f[1] for f in FIGURES] + ["busy", "cpu0_busy"])


def slowest_ceiling(cells: list[Cell]) -> float | None:
    """The lowest of the latency scenario's peers' median drain rates (workflows/s): its reference. php-lean
    is left out: the latency scenario does not run it."""
    summary = {p: d for p, d in summarize(cells).items() if p in activities.PEERS}
    return min(median(d["per_second"]) for d in summary.values()) if summary else None


def ratio_table(summary: dict[str, dict[str, list[float]]], figures: list[tuple[str, str, int]]) -> str:
    """PHP's figures and their ratios to Python's and Go's; PHP lean's beside them when the summary has it."""
    php_peers = [p for p in SHORT_NAME if p in summary] or ["php"]
    headers = ["figure"]
    for p in php_peers:
        name, short = SHORT_NAME[p]
        headers += [name, f"{short}/Python", f"{short}/Go"]
    rows = []
    for label, key, digits in figures:
        py, go = (median(summary[p][key]) if p in summary else None for p in ("python", "go"))
        row = [label]
        for p in php_peers:
            mine = median(summary[p][key]) if p in summary else None
            row += [fmt_num(mine, digits), fmt_ratio(ratio(mine, py)), fmt_ratio(ratio(mine, go))]
        rows.append(row)
    return markdown_table(headers, rows)


def tables(cells: list[Cell], s: Settings) -> str:
    summary = summarize(cells)
    rows = []
    for p in (p for p in PEERS if p in summary):
        d = summary[p]
        bound = " (server-bound)" if median(d["busy"]) < SERVER_BOUND_BUSY else ""
        rows.append([PEER_LABEL[p], fmt_cell(d["per_second"]) + bound, fmt_cell(d["cpu_per_1k"]),
                     fmt_cell(d["peak_rss_mib"]), fmt_cell(d["rss_growth_per_1k"], 2),
                     fmt_cell([b * 100 for b in d["busy"]], 2) + " %",
                     fmt_cell([b * 100 for b in d["cpu0_busy"]], 2) + " %"])
    main = markdown_table(["worker", "workflows/s", "CPU-s / 1k workflows", "peak RSS MiB",
                           "peak RSS growth MiB / 1k wf", "worker core busy (CPU 1)",
                           "CPU 0 busy (server+driver)"], rows)
    head = (f"### drain: {s.workflows} one-activity workflows started first, then drained by one worker process "
            f"(workflow + activity); {s.tuning.describe()}; median of {s.reps} (min–max)")
    note = ("Window: the worker's \"worker ready\" line to the server's last close time. peak RSS = VmHWM "
            "(absolute; with 1,000 workflows also the figure per 1,000); growth = VmHWM minus VmRSS at ready, "
            "per 1,000 workflows. Valid only if every workflow completed with a clean 11-event history (no "
            "workflow task failed or timed out), counted from the server's visibility list. Python runs its "
            "workflows unsandboxed (as PHP and Go, which have no sandbox). \"server-bound\" as in activities. "
            + LEAN_NOTE)
    targets = drain_peak_targets({p: median(d["peak_rss_mib"]) for p, d in summary.items()})
    return f"{head}\n\n{main}\n\n{ratio_table(summary, FIGURES)}\n\n{targets}\n\n{note}\n"
