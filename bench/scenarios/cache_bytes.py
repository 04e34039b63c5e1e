"""Scenario "cache_bytes": the PHP worker's byte-capped workflow cache under load (issue 18, item 3).

Per cell (variant × repetition): a fresh dev server (CPU 0); a PHP worker (CPU 1, php_worker.php --role big-state:
BenchBigState, bench/workers/big_state_workflow.php) with the drain's tuning (a count cap of 1,000 runs), its
cache capped at C MiB by WorkerOptions::withMaxCachedWorkflowBytes() ("capped") or not ("uncapped"). This driver
(CPU 0) starts K runs at once, each building S MiB of state (a string) and then waiting for the signal "finish":
K × S MiB held if every run stays cached. Once every run has completed its first workflow task and a settle period
(2 s) has passed, for the evictions the cap asked for to arrive, the worker's VmRSS and VmHWM are read; then every
run is signalled, and its result must be [S MiB, the MD5 of its state] (a run evicted meanwhile rebuilds its state
by replay), else the run is invalid. Evictions are counted from the worker's log (BenchEvictionLogger prints the
cache's records). The variants alternate which goes first.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from dataclasses import dataclass, field

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client, WorkflowHandle

from harness import proc
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_ratio, markdown_table, median, ratio
from harness.workers import WORKER_CPU, Tuning, WorkerProcess, workflow_worker_command
from scenarios.activities import InvalidRun
from scenarios.memory_targets import PEER_LABEL

WORKFLOW = "BenchBigState"
VARIANTS = ("capped", "uncapped")
MIB = 1 << 20
# The lines BenchEvictionLogger prints: an eviction the byte cap asked for, and any eviction done.
EVICTION_ASKED = "cache: evicting a workflow run: the cache is over its byte cap"
EVICTION_DONE = "cache: workflow run evicted"


@dataclass
class Settings:
    runs: int = 20
    state_mib: int = 5
    cap_mib: int = 40
    reps: int = 3
    settle_seconds: float = 2.0  # after the last first task, before reading: the evictions asked for arrive
    peer: str = "php"  # or php-lean
    tuning: Tuning = field(default_factory=Tuning)
    timeout: float = 120.0  # for the first tasks, and again for the results

    @property
    def held_mib(self) -> int:
        return self.runs * self.state_mib


@dataclass
class Cell:
    variant: str
    rep: int
    cap_mib: int  # 0: no byte cap
    ready_rss_mib: float  # VmRSS at "worker ready"
    waiting_rss_mib: float  # VmRSS with every run started and waiting for its signal
    waiting_peak_mib: float  # VmHWM then
    end_peak_mib: float  # VmHWM once every run has completed (the evicted ones replayed)
    evictions_asked: int  # by the byte cap, until the waiting reading
    evictions_done: int  # any, until the waiting reading
    load_seconds: float  # from the first start to the last first task completed

    @property
    def growth_mib(self) -> float:
        return self.waiting_rss_mib - self.ready_rss_mib


def worker_command(peer: str, address: str, task_queue: str, t: Tuning, cap_bytes: int) -> list[str]:
    """The big-state PHP worker; cap_bytes 0: no byte cap."""
    return workflow_worker_command(peer, "big-state", address, task_queue, t,
                                   "--max-cached-workflow-bytes", str(cap_bytes))


def fill(i: int) -> str:
    """Run i's state is this letter repeated: a different digest per run (up to 26)."""
    return chr(ord("a") + i % 26)


def expected_result(i: int, state_mib: int) -> list:
    state = fill(i).encode() * (state_mib * MIB)
    return [len(state), hashlib.md5(state).hexdigest()]


def count_evictions(worker_output: str) -> tuple[int, int]:
    """(asked for by the byte cap, done) from the worker's output."""
    lines = worker_output.splitlines()
    return (sum(line.startswith(EVICTION_ASKED) for line in lines),
            sum(line.startswith(EVICTION_DONE) for line in lines))


def check_results(results: list, state_mib: int) -> list[str]:
    """The problems that make a cell invalid: a run that failed or returned other than its state's size and MD5."""
    wrong = [(i, r) for i, r in enumerate(results) if r != expected_result(i, state_mib)]
    if not wrong:
        return []
    i, r = wrong[0]
    return [f"{len(wrong)} of {len(results)} runs did not return their state's size and MD5, e.g. run {i}: {r!r}"]


async def _first_task_completed(handle: WorkflowHandle) -> bool:
    history = await handle.fetch_history()
    return any(e.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED for e in history.events)


async def wait_first_tasks(handles: list[WorkflowHandle], timeout: float, interval: float = 0.25) -> None:
    """Until every run has completed its first workflow task: its state is built and it waits for the signal."""
    deadline, pending = time.monotonic() + timeout, list(handles)
    while pending:
        done = await asyncio.gather(*(_first_task_completed(h) for h in pending))
        pending = [h for h, d in zip(pending, done) if not d]
        if pending and time.monotonic() > deadline:
            raise InvalidRun(f"{len(pending)} of {len(handles)} runs never completed their first task, "
                             f"e.g. {pending[0].id}")
        if pending:
            await asyncio.sleep(interval)


async def measure(address: str, variant: str, rep: int, s: Settings, log) -> Cell:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    queue = f"bench-cache-{run}"
    cap_mib = s.cap_mib if variant == "capped" else 0
    command = worker_command(s.peer, address, queue, s.tuning, cap_mib * MIB)
    with WorkerProcess(f"{s.peer}-{variant}", command, WORKER_CPU, poll_interval=0.01) as worker:
        ready = proc.status_kib(worker.pid, "VmRSS") / 1024
        t0 = time.perf_counter()
        handles = await asyncio.gather(*(
            client.start_workflow(WORKFLOW, args=[s.state_mib, fill(i)], id=f"cache-{run}-{i}", task_queue=queue)
            for i in range(s.runs)))
        await wait_first_tasks(handles, s.timeout)
        load_seconds = time.perf_counter() - t0
        await asyncio.sleep(s.settle_seconds)
        if worker.proc.poll() is not None:
            raise InvalidRun(f"{variant} worker exited ({worker.proc.returncode}):\n{worker.tail()}")
        waiting, waiting_peak = proc.status_kib(worker.pid, "VmRSS") / 1024, proc.peak_rss_mib(worker.pid)
        asked, done = count_evictions(worker.log.read_text(errors="replace"))
        await asyncio.gather(*(h.signal("finish") for h in handles))
        results = await asyncio.wait_for(asyncio.gather(*(h.result() for h in handles), return_exceptions=True),
                                         s.timeout)
        end_peak = proc.peak_rss_mib(worker.pid)
        problems = check_results(results, s.state_mib)
        if problems:
            raise InvalidRun(f"cache_bytes {variant}: " + "; ".join(problems))
        code = worker.stop()
        if code not in (0, None):
            raise InvalidRun(f"{variant} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    cell = Cell(variant, rep, cap_mib, ready, waiting, waiting_peak, end_peak, asked, done, load_seconds)
    log(f"  cache_bytes rep {rep + 1} {variant:8}: VmRSS {ready:.1f} MiB at ready, {waiting:.1f} MiB with "
        f"{s.runs} runs waiting (+{cell.growth_mib:.1f}), VmHWM {waiting_peak:.1f} then, {end_peak:.1f} at the end; "
        f"{asked} evictions asked by the cap, {done} done; loaded in {load_seconds:.1f} s")
    return cell


def orders(reps: int) -> list[tuple[str, ...]]:
    return [VARIANTS if rep % 2 == 0 else tuple(reversed(VARIANTS)) for rep in range(reps)]


def run(s: Settings, log=print) -> list[Cell]:
    cells = []
    for rep, order in enumerate(orders(s.reps)):
        for variant in order:
            with DevServer() as server:  # a fresh server per variant and repetition
                cells.append(asyncio.run(measure(server.address, variant, rep, s, log)))
    return cells


def _values(cells: list[Cell], variant: str, key: str) -> list[float]:
    return [getattr(c, key) for c in cells if c.variant == variant]


def _summary_line(cells: list[Cell], s: Settings) -> str:
    def med(variant: str, key: str) -> float | None:
        values = _values(cells, variant, key)
        return median(values) if values else None

    growth = med("capped", "growth_mib")
    over = "n/a" if growth is None else f"{growth - s.cap_mib:+.1f} MiB"
    return (f"Capped over uncapped: VmRSS with every run waiting "
            f"{fmt_ratio(ratio(med('capped', 'waiting_rss_mib'), med('uncapped', 'waiting_rss_mib')))}, growth "
            f"{fmt_ratio(ratio(growth, med('uncapped', 'growth_mib')))}, VmHWM while loading "
            f"{fmt_ratio(ratio(med('capped', 'waiting_peak_mib'), med('uncapped', 'waiting_peak_mib')))}. "
            f"The capped worker's growth beyond its {s.cap_mib} MiB cap: {over} (median).")


def _fmt_count(values: list[float]) -> str:
    """A count's median and range, as whole numbers where they are (fmt_cell would print "13.0")."""
    low, mid, high = (f"{v:g}" for v in (min(values), median(values), max(values)))
    return mid if len(values) == 1 else f"{mid} ({low}–{high})"


def tables(cells: list[Cell], s: Settings) -> str:
    rows = []
    for variant in (v for v in VARIANTS if _values(cells, v, "rep")):
        cap = f"{s.cap_mib} MiB" if variant == "capped" else "none"
        rows.append([variant, cap, *(fmt_cell(_values(cells, variant, key)) for key in (
            "ready_rss_mib", "waiting_rss_mib", "growth_mib", "waiting_peak_mib", "end_peak_mib")),
            _fmt_count(_values(cells, variant, "evictions_asked")), fmt_cell(_values(cells, variant, "load_seconds"))])
    main = markdown_table(["cache", "byte cap", "VmRSS MiB at ready", f"VmRSS MiB, {s.runs} runs waiting",
                           "growth MiB", "VmHWM MiB while loading", "VmHWM MiB at the end",
                           "evictions asked by the cap", "load s"], rows)
    head = (f"### cache_bytes: {s.runs} runs of {s.state_mib} MiB state each ({s.held_mib} MiB if all stay "
            f"cached), started at once on one {PEER_LABEL[s.peer]} worker, with a {s.cap_mib} MiB byte cap "
            f"(withMaxCachedWorkflowBytes) and without; {s.tuning.describe()}; median of {s.reps} (min–max)")
    note = (f"VmRSS and VmHWM ({s.settle_seconds:g} s after every run completed its first workflow task, every run "
            "waiting for its signal) from /proc/<pid>/status; growth = that VmRSS minus VmRSS at ready. \"at the "
            "end\": once every run was signalled and completed, the evicted ones rebuilt by replay. Evictions: the "
            "worker's records \"evicting a workflow run: the cache is over its byte cap\" until the reading. The "
            "cap counts each run's Zend heap (memory_get_usage() around its activations): Fiber stacks and the "
            "core's state are outside it. Valid only if every run returned its state's size and MD5 and the worker "
            "exited cleanly.")
    return f"{head}\n\n{main}\n\n{_summary_line(cells, s)}\n\n{note}\n"
