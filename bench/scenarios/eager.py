"""Scenario "eager": start→first workflow task and start→result, with and without eager workflow start.

One fresh dev server (CPU 0) and one PHP process (CPU 1, bench/workers/php_eager.php), worker and client at
once as eager start needs. This driver (CPU 0) starts the process's BenchEagerRounds workflow, whose activity
starts BenchEagerEcho N times one after another through the process's own client, eagerly or not, timing
each start→result; plain and eager rounds alternate, their order swapped every repetition. The server's
figure comes from each BenchEagerEcho history: WorkflowExecutionStarted to the first WorkflowTaskStarted.
An eager start skips that poll: the start response carries the first task (EagerStartTest proves it).
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client

from harness.paths import BENCH, php_cmd
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_ratio, markdown_table, median, percentile, ratio
from harness.workers import WORKER_CPU, WorkerProcess

MODES = ("plain", "eager")


@dataclass
class Settings:
    rounds: int = 200
    warmup: int = 20
    reps: int = 3


@dataclass
class Run:
    mode: str
    rep: int
    client_ms: list[float]
    server_ms: list[float] = field(default_factory=list)


async def _first_task_ms(client: Client, ids: list[str]) -> list[float]:
    sem = asyncio.Semaphore(20)

    async def one(wid: str) -> float:
        async with sem:
            events = (await client.get_workflow_handle(wid).fetch_history()).events
        started = events[0].event_time.ToMicroseconds()
        first = next(e for e in events if e.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
        return (first.event_time.ToMicroseconds() - started) / 1000

    return list(await asyncio.gather(*(one(w) for w in ids)))


async def _runs(address: str, s: Settings, log) -> list[Run]:
    client = await Client.connect(address)
    queue = f"bench-eager-{uuid.uuid4().hex[:8]}"
    runs = []
    with WorkerProcess("php-eager", php_cmd(BENCH / "workers/php_eager.php", "--address", address,
                                            "--task-queue", queue), WORKER_CPU):
        await _rounds(client, queue, "warm", s.warmup, True)
        for rep in range(s.reps):
            for mode in (MODES if rep % 2 == 0 else tuple(reversed(MODES))):
                prefix = f"{mode}-{rep}-{uuid.uuid4().hex[:6]}"
                latencies = await _rounds(client, queue, prefix, s.rounds, mode == "eager")
                run = Run(mode, rep, latencies,
                          await _first_task_ms(client, [f"{prefix}-{i}" for i in range(s.rounds)]))
                log(f"  eager rep {rep + 1} {mode:5}: start→result p50 {percentile(run.client_ms, 50):.2f} ms, "
                    f"start→first task p50 {percentile(run.server_ms, 50):.2f} ms")
                runs.append(run)
    return runs


async def _rounds(client: Client, queue: str, prefix: str, n: int, eager: bool) -> list[float]:
    return await client.execute_workflow("BenchEagerRounds", args=[prefix, n, eager], id=f"rounds-{prefix}",
                                         task_queue=queue)


def run(s: Settings, log=print) -> list[Run]:
    with DevServer() as server:
        return asyncio.run(_runs(server.address, s, log))


def tables(runs: list[Run], s: Settings) -> str:
    figures = [("start→result p50 ms", lambda r: percentile(r.client_ms, 50)),
               ("start→result p99 ms", lambda r: percentile(r.client_ms, 99)),
               ("server start→first task p50 ms", lambda r: percentile(r.server_ms, 50)),
               ("server start→first task p99 ms", lambda r: percentile(r.server_ms, 99))]
    by = {m: [r for r in runs if r.mode == m] for m in MODES}
    rows = [[m] + [fmt_cell([f(r) for r in by[m]]) for _, f in figures] for m in MODES if by[m]]
    if by["plain"] and by["eager"]:
        rows.append(["eager/plain"] + [fmt_ratio(ratio(median(f(r) for r in by["eager"]),
                                                       median(f(r) for r in by["plain"]))) for _, f in figures])
    head = (f"### eager: {s.rounds} sequential BenchEagerEcho start→result through the PHP client, from inside "
            f"the PHP worker process serving them, with and without eager start; median of {s.reps} (min–max)")
    note = ("server start→first task: WorkflowExecutionStarted to the first WorkflowTaskStarted of each "
            "history. Without eager start the first task waits for the worker's poll to be matched; with it the "
            "start response carries the task, so the first task starts with the workflow.")
    return f"{head}\n\n{markdown_table(['start'] + [label for label, _ in figures], rows)}\n\n{note}\n"
