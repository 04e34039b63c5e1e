"""Scenario "soak": 10,000 one-activity workflows through ONE worker process; its RSS after every 1,000.

Per peer (PHP by default; --soak-peers php,php-lean,python,go for the others): a fresh dev server (CPU 0); the peer's
worker (CPU 1) hosting BenchOneActivity and "noop" with the drain scenario's tuning; this driver (CPU 0) starts
the workflows in batches (1,000 by default), each batch once the server counts the previous one closed, and
reads the worker's VmRSS from /proc/<pid>/status after each batch, SETTLE seconds after the server counted the
batch closed: every sample is taken with no workflow in flight, at the same point of the cycle. Reported: the RSS
at ready, after the first two batches (the warm-up: caches, the allocator's arenas and the interpreter fill up),
after the last, and the growth per 1,000 workflows after the warm-up: the least-squares slope of the samples from
the end of the warm-up (the 2nd sample) on. "flat" when it is under 1 MiB per 1,000 workflows; the verdict is
printed, never a failure. Validity: every workflow completed with a clean 11-event history (one visibility list
at the end), and the worker ran throughout.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field

from temporalio.client import Client

from harness import proc
from harness.server import DevServer
from harness.stats import fmt_num, linear_fit, markdown_table
from harness.workers import WORKER_CPU, Tuning, WorkerProcess, one_activity_command
from scenarios.activities import InvalidRun
from scenarios.drain import ratio_table, start_workflows, validate, wait_closed
from scenarios.memory_targets import PEER_LABEL, PEERS

SETTLE_SECONDS = 0.5
FLAT_MIB_PER_1K = 1.0


@dataclass
class Settings:
    workflows: int = 10_000
    batch: int = 1_000  # workflows per batch: one RSS sample after each
    warmup_batches: int = 2  # the fit starts at the sample after this many batches
    peers: tuple[str, ...] = ("php",)
    tuning: Tuning = field(default_factory=Tuning)
    timeout: float = 300.0  # per batch

    @property
    def marks(self) -> list[int]:
        return batch_marks(self.workflows, self.batch)


@dataclass
class Soak:
    peer: str
    workflows: int
    busy_seconds: float  # the batches' start-to-closed time, the settle pauses excluded
    cpu_seconds: float  # the worker's, ready to the last sample
    ready_rss_mib: float
    peak_rss_mib: float
    samples: list[list[float]]  # [workflows closed, VmRSS MiB] after each batch
    warmup_batches: int = 2

    @property
    def per_second(self) -> float:
        return self.workflows / self.busy_seconds

    @property
    def cpu_per_1k(self) -> float:
        return self.cpu_seconds / self.workflows * 1000

    @property
    def growth_per_1k(self) -> float | None:
        return growth_per_1k(self.samples, self.warmup_batches)

    @property
    def end_rss_mib(self) -> float:
        return self.samples[-1][1]


def batch_marks(workflows: int, batch: int) -> list[int]:
    """How many workflows have closed after each batch: batch, 2*batch, ..., workflows."""
    if workflows <= 0 or batch <= 0:
        raise ValueError("workflows and batch must be positive")
    return list(range(batch, workflows, batch)) + [workflows]


def growth_per_1k(samples: list[list[float]], warmup_batches: int) -> float | None:
    """MiB per 1,000 workflows: the least-squares slope of the samples from the warm-up's last one on (None
    when fewer than two are left)."""
    tail = samples[max(0, warmup_batches - 1):]
    if len(tail) < 2:
        return None
    slope, _ = linear_fit([w for w, _ in tail], [rss for _, rss in tail])
    return slope * 1000


def verdict(growth: float | None, limit: float = FLAT_MIB_PER_1K) -> str:
    if growth is None:
        return "n/a (too few samples)"
    return "flat" if growth < limit else "GROWING"


async def _soak(address: str, peer: str, s: Settings, log) -> Soak:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    queue = f"bench-soak-{run}"
    ids = [f"soak-{run}-{i}" for i in range(s.workflows)]
    worker = WorkerProcess(peer, one_activity_command(peer, address, queue, s.tuning), WORKER_CPU,
                           poll_interval=0.01)
    with worker:
        ready_rss = proc.status_kib(worker.pid, "VmRSS") / 1024
        cpu_start, started, busy, samples, closed = proc.cpu_seconds(worker.pid), time.monotonic(), 0.0, [], 0
        for mark in s.marks:
            t = time.perf_counter()
            await start_workflows(client, queue, ids[closed:mark])
            await wait_closed(client, queue, mark, s.timeout)
            busy += time.perf_counter() - t
            closed = mark
            await asyncio.sleep(SETTLE_SECONDS)
            if worker.proc.poll() is not None:
                raise InvalidRun(f"{peer} worker exited ({worker.proc.returncode}) after {mark} workflows:\n"
                                 f"{worker.tail()}")
            samples.append([mark, proc.status_kib(worker.pid, "VmRSS") / 1024])
            log(f"  soak {peer:6}: {mark:6,} workflows closed, VmRSS {samples[-1][1]:.1f} MiB "
                f"({time.monotonic() - started:.0f} s)")
        cpu = proc.cpu_seconds(worker.pid) - cpu_start
        peak = proc.peak_rss_mib(worker.pid)
        await validate(client, queue, ids)
        code = worker.stop()
        if code not in (0, None):
            raise InvalidRun(f"{peer} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    soak = Soak(peer, s.workflows, busy, cpu, ready_rss, peak, samples, s.warmup_batches)
    growth = soak.growth_per_1k
    log(f"  soak {peer:6}: RSS {ready_rss:.1f} MiB at ready, {soak.end_rss_mib:.1f} MiB after {s.workflows:,}; "
        f"growth after warm-up {'n/a' if growth is None else f'{growth:+.2f}'} MiB / 1k workflows: "
        f"{verdict(growth)}; {soak.per_second:.1f} wf/s, {soak.cpu_per_1k:.2f} CPU-s / 1k")
    return soak


def run(s: Settings, log=print) -> list[Soak]:
    soaks = []
    for peer in s.peers:
        with DevServer() as server:  # a fresh server per peer
            soaks.append(asyncio.run(_soak(server.address, peer, s, log)))
    return soaks


def tables(soaks: list[Soak], s: Settings) -> str:
    marks = s.marks
    warm = marks[min(s.warmup_batches, len(marks)) - 1]
    sample_cols = sorted({marks[0], warm, marks[-1]})
    rows = []
    for k in sorted(soaks, key=lambda k: PEERS.index(k.peer)):
        at = {int(w): rss for w, rss in k.samples}
        rows.append([PEER_LABEL[k.peer], fmt_num(k.ready_rss_mib)] + [fmt_num(at.get(m)) for m in sample_cols]
                    + [fmt_num(k.growth_per_1k, 2), verdict(k.growth_per_1k), fmt_num(k.peak_rss_mib),
                       fmt_num(k.per_second), fmt_num(k.cpu_per_1k)])
    main = markdown_table(["worker", "VmRSS MiB at ready"] + [f"after {m:,}" for m in sample_cols]
                          + [f"growth MiB / 1k wf from {warm:,} on", f"flat (< {FLAT_MIB_PER_1K:g} MiB / 1k)",
                             "peak RSS MiB", "workflows/s", "CPU-s / 1k workflows"], rows)
    series = "\n".join(f"- {PEER_LABEL[k.peer]}, VmRSS MiB after every {s.batch:,}: "
                       + ", ".join(fmt_num(rss) for _, rss in k.samples) for k in soaks)
    out = [f"### soak: {s.workflows:,} one-activity workflows through one worker process, started in batches of "
           f"{s.batch:,} (each once the previous one closed), VmRSS after each; {s.tuning.describe()}", "", main, "",
           series]
    if len(soaks) > 1:
        # No ratio of the growths: slopes near zero (or below) make meaningless ratios; they are compared above.
        summary = {k.peer: {"end": [k.end_rss_mib], "cpu": [k.cpu_per_1k]} for k in soaks}
        out += ["", ratio_table(summary, [(f"VmRSS MiB after {marks[-1]:,} (lower is better)", "end", 3),
                                          ("CPU-s / 1k workflows (lower is better)", "cpu", 3)])]
    out += ["", f"Each sample is read {SETTLE_SECONDS:g} s after the server counted the batch closed, so no workflow "
            f"is in flight. growth = the least-squares slope of the samples from {warm:,} workflows on (the first "
            f"{s.warmup_batches} batches are the warm-up: caches, allocator arenas and the interpreter fill up), per "
            f"1,000 workflows; \"flat\" under {FLAT_MIB_PER_1K:g} MiB / 1k (printed, never a failure). RSS counts "
            "what the allocator keeps as well as what is live. workflows/s over the batches, the settle pauses "
            "excluded; CPU-s = the worker's utime+stime from ready to the last sample. Valid only if every "
            "workflow completed with a clean 11-event history and the worker ran throughout.", ""]
    return "\n".join(out)
