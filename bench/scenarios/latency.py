"""Scenario "latency": one-activity workflows offered at a fixed rate; start→close from the server's times.

Per cell (peer × repetition): a fresh dev server (CPU 0); the peer's worker (CPU 1) hosting BenchOneActivity
and "noop" with the drain scenario's tuning; this driver (CPU 0) starts workflows open-loop at a fixed
offered rate (start i is sent at t0 + i/rate whatever the earlier starts are doing), first a warm-up, then
the measured window. Once the server counts them all closed, one visibility list gives every workflow's
start and close time: start→close = close − start, percentiles over the measured workflows. The rate is
50 % of the slowest peer's median drain rate when the drain scenario ran in the same invocation (the
drain's ceiling is the server's on this box: a half-loaded server), else a fixed --latency-rate. Validity
as in the drain: every workflow completed with a clean 11-event history.
"""

from __future__ import annotations

import asyncio
import math
import time
import uuid
from dataclasses import dataclass, field

from temporalio.client import Client

from harness import proc
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_num, markdown_table, median, percentile
from harness.workers import WORKER_CPU, Tuning, WorkerProcess, one_activity_command
from scenarios.activities import PEER_LABEL, PEERS, InvalidRun, peer_orders
from scenarios.drain import WORKFLOW, ratio_table, validate, wait_closed

RATE_FRACTION = 0.5


@dataclass
class Settings:
    rate: float = 40.0  # workflows/s offered
    seconds: float = 8.0  # the measured window
    warmup_seconds: float = 1.0
    reps: int = 3
    tuning: Tuning = field(default_factory=Tuning)
    rate_source: str = "fixed"

    @property
    def warmup(self) -> int:
        return math.ceil(self.rate * self.warmup_seconds)

    @property
    def measured(self) -> int:
        return max(1, round(self.rate * self.seconds))


@dataclass
class Run:
    peer: str
    rep: int
    latencies_ms: list[float]
    offered_seconds: float  # how long the driver took to send the measured starts
    cpu_seconds: float  # the worker's, over the measured window
    peak_rss_mib: float

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 50)

    @property
    def p99(self) -> float:
        return percentile(self.latencies_ms, 99)

    @property
    def achieved_rate(self) -> float:
        return len(self.latencies_ms) / self.offered_seconds if self.offered_seconds > 0 else 0.0

    @property
    def cpu_per_1k(self) -> float:
        return self.cpu_seconds / len(self.latencies_ms) * 1000


def rate_from_drain(slowest_drain_rate: float | None, fallback: float, fraction: float = RATE_FRACTION) -> float:
    """`fraction` of the slowest peer's drain ceiling (whole workflows/s, at least 1), else `fallback`."""
    if not slowest_drain_rate or slowest_drain_rate <= 0:
        return fallback
    return float(max(1, math.floor(slowest_drain_rate * fraction)))


def send_offsets(n: int, rate: float) -> list[float]:
    """Seconds after the first start at which each of n open-loop starts is sent."""
    return [i / rate for i in range(n)]


async def offer(client: Client, queue: str, ids: list[str], rate: float, on_sent=None) -> list[float]:
    """Starts ids open-loop at `rate`; returns each start's send time (monotonic). on_sent(i) after each send."""
    loop = asyncio.get_running_loop()
    t0, sent, tasks = loop.time(), [], []
    for i, (wid, offset) in enumerate(zip(ids, send_offsets(len(ids), rate))):
        delay = t0 + offset - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        if on_sent is not None:
            on_sent(i)
        sent.append(time.monotonic())
        tasks.append(asyncio.create_task(client.start_workflow(WORKFLOW, id=wid, task_queue=queue)))
    await asyncio.gather(*tasks)
    return sent


async def _measure(address: str, peer: str, rep: int, s: Settings, log) -> Run:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    queue = f"bench-latency-{run}"
    warm = [f"warm-{run}-{i}" for i in range(s.warmup)]
    measured = [f"lat-{run}-{i}" for i in range(s.measured)]
    with WorkerProcess(peer, one_activity_command(peer, address, queue, s.tuning), WORKER_CPU,
                       poll_interval=0.01) as worker:
        marks: dict[str, float] = {}

        def on_sent(i: int) -> None:  # the worker's CPU from the first measured start
            if i == len(warm):
                marks["cpu"] = proc.cpu_seconds(worker.pid)

        sent = await offer(client, queue, warm + measured, s.rate, on_sent)
        await wait_closed(client, queue, len(warm) + len(measured), timeout=60 + 2 * s.seconds)
        cpu = proc.cpu_seconds(worker.pid) - marks.get("cpu", 0.0)
        peak = proc.peak_rss_mib(worker.pid)
        executions = await validate(client, queue, warm + measured)
        code = worker.stop()
        if code not in (0, None):
            raise InvalidRun(f"{peer} worker exited with {code} on SIGTERM:\n{worker.tail()}")
    wanted = set(measured)
    latencies = [(e.close - e.start).total_seconds() * 1000 for e in executions if e.id in wanted]
    offered = sent[-1] - sent[len(warm)] + 1 / s.rate if len(measured) > 1 else 1 / s.rate
    r = Run(peer, rep, latencies, offered, cpu, peak)
    log(f"  latency rep {rep + 1} {peer:6}: p50 {r.p50:.1f} ms, p99 {r.p99:.1f} ms at {r.achieved_rate:.1f} wf/s "
        f"offered; worker {r.cpu_per_1k:.2f} CPU-s/1k, peak RSS {peak:.1f} MiB")
    return r


def run(s: Settings, log=print) -> list[Run]:
    runs = []
    for rep, order in enumerate(peer_orders(s.reps)):
        for peer in order:
            with DevServer() as server:  # a fresh server per peer and repetition
                runs.append(asyncio.run(_measure(server.address, peer, rep, s, log)))
    return runs


FIGURES = [  # (label, Run attribute, digits)
    ("start→close p50 ms (lower is better)", "p50", 3),
    ("start→close p99 ms (lower is better)", "p99", 3),
    ("CPU-s / 1k workflows (lower is better)", "cpu_per_1k", 3),
]


def summarize(runs: list[Run]) -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = {}
    for r in runs:
        d = out.setdefault(r.peer, {})
        for key in [f[1] for f in FIGURES] + ["achieved_rate", "peak_rss_mib"]:
            d.setdefault(key, []).append(getattr(r, key))
    return out


def tables(runs: list[Run], s: Settings) -> str:
    summary = summarize(runs)
    rows = []
    for p in (p for p in PEERS if p in summary):
        d = summary[p]
        rows.append([PEER_LABEL[p], fmt_cell(d["p50"]), fmt_cell(d["p99"]), fmt_cell(d["achieved_rate"]),
                     fmt_cell(d["cpu_per_1k"]), fmt_cell(d["peak_rss_mib"])])
    main = markdown_table(["worker", "start→close p50 ms", "start→close p99 ms", "offered wf/s (achieved)",
                           "worker CPU-s / 1k workflows", "peak RSS MiB"], rows)
    head = (f"### latency: one-activity workflows offered open-loop at {fmt_num(s.rate)} workflows/s "
            f"({s.rate_source}) for {fmt_num(s.seconds)} s (= {s.measured} measured, after {s.warmup} warm-up), "
            f"one worker process per peer; {s.tuning.describe()}; median of {s.reps} (min–max)")
    note = ("start→close = the server's close time minus its start time of each measured workflow (one visibility "
            "list after the run), so the client's own latency is out of it; p50/p99 per run, median of the runs. "
            "Valid only if every workflow completed with a clean 11-event history.")
    return f"{head}\n\n{main}\n\n{ratio_table(summary, FIGURES)}\n\n{note}\n"
