"""Scenario "idle": what each peer's worker process holds with nothing to do (issue 18: PHP idle RSS ≤ 40 MiB).

Per cell (peer × repetition): a fresh dev server (CPU 0); the peer's drain worker (CPU 1: BenchOneActivity and
"noop", the drain's tuning, harness.workers.one_activity_command), polling a task queue nobody starts work on.
Its VmRSS is read at "worker ready" and again after a settle period (5 s), then its VmHWM. The settled figure is
the idle RSS: at ready the pollers have not run yet, so the core's polling code is not paged in (results/memory.md,
item 9: about 5 MiB of temporal.so's text for PHP). The peers: PHP on Debian's ini, PHP on the lean extension set
(php-lean), Python, Go. Validity: the worker is still running at the end and exits cleanly on SIGTERM.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field

from harness import proc
from harness.server import DevServer
from harness.stats import by_peer, fmt_cell, markdown_table, median
from harness.workers import WORKER_CPU, Tuning, WorkerProcess, one_activity_command
from scenarios.activities import InvalidRun
from scenarios.drain import ratio_table
from scenarios.memory_targets import LEAN_NOTE, PEER_LABEL, PEERS, idle_targets, peer_orders


@dataclass
class Settings:
    reps: int = 3
    settle_seconds: float = 5.0  # polling with no work between the two readings
    tuning: Tuning = field(default_factory=Tuning)
    peers: tuple[str, ...] = PEERS


@dataclass
class Cell:
    peer: str
    rep: int
    ready_rss_mib: float  # VmRSS at "worker ready"
    idle_rss_mib: float  # VmRSS after settle_seconds of polling
    peak_rss_mib: float  # VmHWM then

    @property
    def settle_growth_mib(self) -> float:
        return self.idle_rss_mib - self.ready_rss_mib


def _vm_rss_mib(pid: int) -> float:
    return proc.status_kib(pid, "VmRSS") / 1024


def measure(address: str, peer: str, rep: int, s: Settings, log) -> Cell:
    queue = f"bench-idle-{uuid.uuid4().hex[:8]}"
    worker = WorkerProcess(peer, one_activity_command(peer, address, queue, s.tuning), WORKER_CPU,
                           poll_interval=0.01)
    with worker:
        ready = _vm_rss_mib(worker.pid)
        time.sleep(s.settle_seconds)  # a benchmark, not a test: a fixed settle, the same for every peer
        if worker.proc.poll() is not None:
            raise InvalidRun(f"{peer} worker exited ({worker.proc.returncode}) while idle:\n{worker.tail()}")
        cell = Cell(peer, rep, ready, _vm_rss_mib(worker.pid), proc.peak_rss_mib(worker.pid))
        code = worker.stop()
        if code not in (0, None):
            raise InvalidRun(f"{peer} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    log(f"  idle rep {rep + 1} {peer:8}: VmRSS {cell.ready_rss_mib:.1f} MiB at ready, {cell.idle_rss_mib:.1f} MiB "
        f"after {s.settle_seconds:g} s idle, VmHWM {cell.peak_rss_mib:.1f} MiB")
    return cell


def run(s: Settings, log=print) -> list[Cell]:
    cells = []
    for rep, order in enumerate(peer_orders(s.reps, s.peers)):
        for peer in order:
            with DevServer() as server:  # a fresh server per peer and repetition
                cells.append(measure(server.address, peer, rep, s, log))
    return cells


FIGURES = [  # (label, Cell attribute, digits)
    ("idle VmRSS MiB (lower is better)", "idle_rss_mib", 3),
    ("VmRSS MiB at ready", "ready_rss_mib", 3),
    ("VmHWM MiB", "peak_rss_mib", 3),
]


def summarize(cells: list[Cell]) -> dict[str, dict[str, list[float]]]:
    return by_peer(cells, [f[1] for f in FIGURES] + ["settle_growth_mib"])


def _fmt_mib_change(values: list[float]) -> str:
    """A change in MiB to 0.1 MiB, median (min–max): significant digits would print a few KiB as "0.0039"."""
    low, mid, high = (f"{v:.1f}" for v in (min(values), median(values), max(values)))
    return mid if len(values) == 1 else f"{mid} ({low}–{high})"


def tables(cells: list[Cell], s: Settings) -> str:
    summary = summarize(cells)
    rows = [[PEER_LABEL[p], fmt_cell(d["ready_rss_mib"]), fmt_cell(d["idle_rss_mib"]),
             _fmt_mib_change(d["settle_growth_mib"]), fmt_cell(d["peak_rss_mib"])]
            for p, d in ((p, summary[p]) for p in PEERS if p in summary)]
    main = markdown_table(["worker", "VmRSS MiB at ready", f"idle VmRSS MiB ({s.settle_seconds:g} s later)",
                           "growth while idle MiB", "VmHWM MiB"], rows)
    targets = idle_targets({p: median(d["idle_rss_mib"]) for p, d in summary.items()})
    head = (f"### idle: one worker process per peer polling with nothing to do (the drain's worker); "
            f"{s.tuning.describe()}; median of {s.reps} (min–max)")
    note = (f"idle VmRSS = /proc/<pid>/status VmRSS {s.settle_seconds:g} s after \"worker ready\", polling an empty "
            "task queue: at ready the core's polling code is not paged in yet. RSS counts file-backed pages "
            "(the interpreter, the extensions, the shared libraries) which other processes mapping the same files "
            "share. " + LEAN_NOTE)
    return f"{head}\n\n{main}\n\n{ratio_table(summary, FIGURES)}\n\n{targets}\n\n{note}\n"
