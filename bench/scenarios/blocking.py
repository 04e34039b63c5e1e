"""Scenario "blocking": activities that block 100 ms in a sleep (standing for PDO or curl), at equal concurrency.

Per cell (peer × concurrency N × repetition): a fresh dev server (CPU 0); the Python workflow worker hosting
BenchFanOut (CPU 0); the peer's activity worker with N activity slots (CPU 1; a pool's processes inherit the
pinning); a warm-up of N activities; then the measured batch, workflows of 100 "block" activities each, all
started at once by this driver (CPU 0). Peers: our ProcessPoolActivityExecutor with N processes, the Python
SDK's thread-pool executor with N threads, Go (a goroutine per activity), and our default Fiber executor on
fewer activities (--blocking-fibers-activities): a blocking call holds its whole process, which is why the
pool exists.

Figures: activities/s (every correct worker reaches about N × 1000 / the block's ms); worker CPU-s per 1,000
activities, the worker process and its descendants summed (/proc utime+stime over the window); dispatch
latency, from the server's ActivityTaskStarted time (the task handed to the worker's poll) to the activity's
code running (the time it returns), p50/p99 over every measured activity; total memory, the worker's VmHWM
plus each descendant's proportional set size (/proc/<pid>/smaps_rollup) at the end of the window. PSS, not
the unique set size: a pool's processes share their template's pages, which no process's USS counts; PSS
counts every page once across the processes that map it (and, conservatively for us, part of the pages
they share with the worker, which its RSS already counts).

The pool's own costs come from bench/workers/php_pool_costs.php, with the pool's own classes: its template
process (proc_open, then the autoloader and the SDK's code) to READY and its unique set size, then processes
forked from it one after another, each to READY and its unique set size.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client

from harness import proc
from harness.paths import BENCH, GO_WORKER, PYTHON, php_cmd
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_num, fmt_ratio, markdown_table, median, percentile, ratio
from harness.workers import DRIVER_CPU, WORKER_CPU, WorkerProcess, python_workflow_worker_command
from scenarios.activities import BAD_EVENTS, ActivityRates, InvalidRun, fan_out

PEERS = ("php-pool", "python", "go", "php-fibers")
PEER_LABEL = {"php-pool": "PHP process pool (ours)", "python": "Python SDK, thread pool", "go": "Go SDK",
              "php-fibers": "PHP Fibers (ours, default)"}
PER_WORKFLOW = 100
CLOCK_SLACK_MS = 2.0  # one machine, one clock: a latency below -2 ms means the figures are wrong


@dataclass
class Settings:
    activities: int = 1000
    fibers_activities: int = 100
    concurrency: tuple[int, ...] = (8, 32)
    block_ms: int = 100
    pollers: int = 5
    reps: int = 3
    cost_processes: int = 10

    def check(self) -> None:
        """Raises ValueError for sizes the scenario cannot split into equal workflows."""
        for name, n in (("activities", self.activities), ("fibers activities", self.fibers_activities)):
            if n < 1 or (n > PER_WORKFLOW and n % PER_WORKFLOW):
                raise ValueError(f"blocking {name}: {n} is not up to {PER_WORKFLOW} or a multiple of it")
        if not self.concurrency or min(self.concurrency) < 1:
            raise ValueError("blocking concurrency: positive integers, e.g. 8,32")


@dataclass
class Cell(ActivityRates):
    peer: str
    concurrency: int
    rep: int
    activities: int
    seconds: float
    cpu_seconds: float
    worker_peak_mib: float
    children_pss_mib: list[float]
    dispatch_p50_ms: float
    dispatch_p99_ms: float

    @property
    def total_mib(self) -> float:
        return self.worker_peak_mib + sum(self.children_pss_mib)


@dataclass
class PoolCost:
    template_start_ms: float
    template_uss_kib: int
    fork_ms: list[float] = field(default_factory=list)
    uss_kib: list[int] = field(default_factory=list)


def worker_command(peer: str, address: str, task_queue: str, concurrency: int, pollers: int) -> list[str]:
    common = ["--address", address, "--task-queue", task_queue, "--max-activities", str(concurrency),
              "--pollers", str(pollers)]
    if peer in ("php-pool", "php-fibers"):
        executor = "pool" if peer == "php-pool" else "fibers"
        return php_cmd(BENCH / "workers/php_worker.php", "--role", "blocking", "--executor", executor, *common)
    if peer == "python":
        return [PYTHON, str(BENCH / "workers/python_worker.py"), "--role", "blocking", *common]
    if peer == "go":
        return [str(GO_WORKER), "-address", address, "-task-queue", task_queue,
                "-max-activities", str(concurrency), "-pollers", str(pollers)]
    raise ValueError(peer)


def dispatch_latencies_ms(events) -> list[float]:
    """Per completed "block": its code's start (the result, Unix µs) minus the server's ActivityTaskStarted time."""
    started: dict[int, int] = {}
    out = []
    for e in events:
        if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
            started[e.activity_task_started_event_attributes.scheduled_event_id] = e.event_time.ToMicroseconds()
        elif e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
            attributes = e.activity_task_completed_event_attributes
            code_started_us = json.loads(attributes.result.payloads[0].data)
            out.append((code_started_us - started[attributes.scheduled_event_id]) / 1000)
    return out


async def _run_batch(client: Client, prefix: str, activities: int, block_ms: int, activity_queue: str,
                     workflow_queue: str) -> list[str]:
    per_workflow = min(PER_WORKFLOW, activities)  # Settings.check() makes it divide activities
    return await fan_out(client, prefix, activities // per_workflow, per_workflow, activity_queue, workflow_queue,
                         "block", [block_ms])


async def _latencies(client: Client, ids: list[str]) -> list[float]:
    out = []
    for wid in ids:
        events = (await client.get_workflow_handle(wid).fetch_history()).events
        bad = [EventType.Name(e.event_type) for e in events if e.event_type in BAD_EVENTS]
        if bad:
            raise InvalidRun(f"workflow {wid} has {bad[0]} in its history")
        out.extend(dispatch_latencies_ms(events))
    if min(out) < -CLOCK_SLACK_MS:
        raise InvalidRun(f"an activity ran {-min(out):.1f} ms before the server says it was dispatched")
    return out


async def _measure(address: str, peer: str, concurrency: int, rep: int, s: Settings, log) -> Cell:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    workflow_queue, activity_queue = f"bench-wf-{run}", f"bench-block-{run}"
    activities = s.fibers_activities if peer == "php-fibers" else s.activities
    with WorkerProcess("workflows", python_workflow_worker_command(address, workflow_queue), DRIVER_CPU):
        cmd = worker_command(peer, address, activity_queue, concurrency, s.pollers)
        with WorkerProcess(peer, cmd, WORKER_CPU, ready_timeout=120) as worker:
            await _run_batch(client, f"warm-{run}", concurrency, s.block_ms, activity_queue, workflow_queue)
            before, t0 = proc.tree_cpu_seconds(worker.pid), time.perf_counter()
            ids = await _run_batch(client, f"run-{run}", activities, s.block_ms, activity_queue, workflow_queue)
            t1, after = time.perf_counter(), proc.tree_cpu_seconds(worker.pid)
            children = [proc.pss_mib(p) for p in proc.descendants(worker.pid)]
            peak = proc.peak_rss_mib(worker.pid)
            latencies = await _latencies(client, ids)
            code = worker.stop()
            if code not in (0, None):
                raise InvalidRun(f"{peer} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    cell = Cell(peer, concurrency, rep, activities, t1 - t0, proc.cpu_seconds_between(before, after), peak,
                children, percentile(latencies, 50), percentile(latencies, 99))
    log(f"  blocking N={concurrency} rep {rep + 1} {peer:10}: {cell.per_second:6.1f} act/s, "
        f"{cell.cpu_per_1k:.2f} CPU-s/1k, dispatch p50 {cell.dispatch_p50_ms:.1f} ms p99 {cell.dispatch_p99_ms:.1f} ms, "
        f"memory {cell.total_mib:.0f} MiB ({len(children)} children)")
    return cell


def peer_orders(reps: int) -> list[tuple[str, ...]]:
    """A different peer order per repetition (rotations)."""
    return [PEERS[i % len(PEERS):] + PEERS[:i % len(PEERS)] for i in range(reps)]


def pool_costs(s: Settings) -> PoolCost:
    cmd = ["taskset", "-c", WORKER_CPU, *php_cmd(BENCH / "workers/php_pool_costs.php", str(s.cost_processes))]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return PoolCost(**json.loads(out.strip().splitlines()[-1]))


def run(s: Settings, log=print) -> tuple[list[Cell], PoolCost]:
    cells = []
    for rep, order in enumerate(peer_orders(s.reps)):
        for concurrency in s.concurrency:
            for peer in order:
                with DevServer() as server:  # a fresh server per cell
                    cells.append(asyncio.run(_measure(server.address, peer, concurrency, rep, s, log)))
    costs = pool_costs(s)
    log(f"  pool template: start {costs.template_start_ms:.1f} ms, USS {costs.template_uss_kib / 1024:.1f} MiB; "
        f"a process: fork → READY {median(costs.fork_ms):.1f} ms, USS {median(costs.uss_kib) / 1024:.2f} MiB")
    return cells, costs


FIGURES = [("activities/s", "per_second"), ("CPU-s / 1k activities", "cpu_per_1k"),
           ("dispatch p50 ms", "dispatch_p50_ms"), ("dispatch p99 ms", "dispatch_p99_ms"),
           ("total memory MiB", "total_mib")]


def _values(cells: list[Cell], peer: str, concurrency: int, key: str) -> list[float]:
    return [getattr(c, key) for c in cells if c.peer == peer and c.concurrency == concurrency]


def _median(cells: list[Cell], peer: str, concurrency: int, key: str) -> float | None:
    values = _values(cells, peer, concurrency, key)
    return median(values) if values else None


def targets(cells: list[Cell], s: Settings) -> list[str]:
    """The issue's targets for the pool: CPU-s per 1,000 ≤ Python's; total memory at N = 8 ≤ 1.5× Python's."""
    lines = []
    for n in s.concurrency:
        cpu = ratio(_median(cells, "php-pool", n, "cpu_per_1k"), _median(cells, "python", n, "cpu_per_1k"))
        if cpu is not None:
            lines.append(f"- N={n}: pool CPU-s / 1k = {fmt_ratio(cpu)} Python's (target ≤ 1.00x): "
                         f"{'met' if cpu <= 1.0 else 'NOT met'}")
    memory = ratio(_median(cells, "php-pool", 8, "total_mib"), _median(cells, "python", 8, "total_mib"))
    if memory is not None:
        lines.append(f"- N=8: pool total memory = {fmt_ratio(memory)} Python's (target ≤ 1.50x): "
                     f"{'met' if memory <= 1.5 else 'NOT met'}")
    return lines


def tables(cells: list[Cell], costs: PoolCost | None, s: Settings) -> str:
    parts = [f"### blocking: {s.activities} activities that block {s.block_ms} ms ({s.fibers_activities} for "
             f"Fibers), {PER_WORKFLOW} per Python workflow, at N concurrent activities; median of {s.reps} (min–max)"]
    for n in s.concurrency:
        rows = []
        for p in PEERS:
            if _values(cells, p, n, "per_second"):
                memory = fmt_cell(_values(cells, p, n, "total_mib"))
                children = _values(cells, p, n, "children_pss_mib")
                if children and children[0]:
                    memory += f" ({len(children[0])} processes)"
                rows.append([PEER_LABEL[p], *(fmt_cell(_values(cells, p, n, key)) for _, key in FIGURES[:-1]), memory])
        parts.append(f"#### N = {n}\n\n" + markdown_table(["worker", *(label for label, _ in FIGURES)], rows))
        ratio_rows = [[label, fmt_num(_median(cells, "php-pool", n, key)),
                       fmt_ratio(ratio(_median(cells, "php-pool", n, key), _median(cells, "python", n, key))),
                       fmt_ratio(ratio(_median(cells, "php-pool", n, key), _median(cells, "go", n, key)))]
                      for label, key in FIGURES]
        parts.append(markdown_table(["figure", "PHP pool", "pool/Python", "pool/Go"], ratio_rows))
    parts.append("Targets:\n\n" + "\n".join(targets(cells, s)))
    if costs is not None:
        parts.append(f"Pool process costs: the template process (proc_open: PHP start, autoloader, the SDK's code) "
                     f"{fmt_num(costs.template_start_ms)} ms to READY, USS {fmt_num(costs.template_uss_kib / 1024)} "
                     f"MiB; an activity process forked from it ({s.cost_processes}, one after another) "
                     f"{fmt_num(median(costs.fork_ms))} ms to READY (max {fmt_num(max(costs.fork_ms))}), USS "
                     f"{fmt_num(median(costs.uss_kib) / 1024)} MiB once ready, before any activity ran.")
    parts.append("CPU and memory count the worker and its descendants: a pool's template process and the "
                 "processes forked from it. Memory: the worker's peak RSS plus the descendants' PSS. Dispatch: the server's ActivityTaskStarted time to the activity's code running, "
                 "one clock. A Fiber worker blocks in each activity, so tasks wait in its slots behind it: "
                 "its dispatch latency is the queue, its rate about 1000 / the block's ms whatever N is.")
    return "\n\n".join(parts) + "\n"
