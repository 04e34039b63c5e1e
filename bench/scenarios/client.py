"""Scenario "client": start→result latency and starts/s, our PHP client next to the Python SDK client.

One fresh dev server (CPU 0) and ONE Python SDK worker process hosting BenchEcho (CPU 1) for the whole
scenario; each client runs as its own process on CPU 0 (bench/drivers/{php_client.php,python_client.py}),
the two taking turns, their order alternating between repetitions. Each run: warm-up round trips, then N
sequential start→result round trips timed by the client (latency), then M sequential starts on a task
queue no worker polls (starts/s: the client and the server's start path only). The server's own
start→close time of the timed workflows (describe after the run) is reported beside the client's figure.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import uuid
from dataclasses import dataclass, field

from temporalio.client import Client

from harness.paths import BENCH, PYTHON, php_cmd
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_ratio, markdown_table, median, percentile, ratio
from harness.workers import DRIVER_CPU, WORKER_CPU, WorkerProcess, python_workflow_worker_command

CLIENTS = ("php", "python")
CLIENT_LABEL = {"php": "PHP client (ours)", "python": "Python SDK client"}


@dataclass
class Settings:
    warmup: int = 20
    latency: int = 200
    starts: int = 1000
    reps: int = 3


@dataclass
class Run:
    client: str
    rep: int
    latencies_ms: list[float]
    starts_per_second: float
    server_ms: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 50)

    @property
    def p99(self) -> float:
        return percentile(self.latencies_ms, 99)

    @property
    def server_p50(self) -> float:
        return percentile(self.server_ms, 50)

    @property
    def overhead_p50(self) -> float:
        """Median of (client start→result − server start→close) per workflow: what the client adds."""
        return percentile([c - sv for c, sv in zip(self.latencies_ms, self.server_ms)], 50)


def driver_command(client: str) -> list[str]:
    if client == "php":
        return php_cmd(BENCH / "drivers/php_client.php")
    return [PYTHON, str(BENCH / "drivers/python_client.py")]


async def _server_times_ms(address: str, ids: list[str]) -> list[float]:
    client = await Client.connect(address)
    sem = asyncio.Semaphore(20)

    async def one(wid: str) -> float:
        async with sem:
            d = await client.get_workflow_handle(wid).describe()
        if d.status is None or d.status.name != "COMPLETED":
            raise RuntimeError(f"workflow {wid} is {d.status}")
        return (d.close_time - d.start_time).total_seconds() * 1000

    return list(await asyncio.gather(*(one(w) for w in ids)))


def _one(address: str, task_queue: str, client: str, rep: int, s: Settings, log) -> Run:
    prefix = f"{client}-{rep}-{uuid.uuid4().hex[:6]}"
    cmd = ["taskset", "-c", DRIVER_CPU, *driver_command(client), "--address", address,
           "--task-queue", task_queue, "--idle-task-queue", f"{task_queue}-idle", "--id-prefix", prefix,
           "--warmup", str(s.warmup), "--latency", str(s.latency), "--starts", str(s.starts)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{client} client failed ({done.returncode}):\n{done.stderr[-3000:]}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    r = Run(client, rep, out["latencies_ms"], out["starts"] / out["starts_seconds"])
    r.server_ms = asyncio.run(_server_times_ms(address, [f"{prefix}-lat-{i}" for i in range(s.latency)]))
    log(f"  client rep {rep + 1} {client:6}: p50 {r.p50:.2f} ms, p99 {r.p99:.2f} ms, "
        f"{r.starts_per_second:.0f} starts/s (server start→close p50 {r.server_p50:.2f} ms, "
        f"client-added p50 {r.overhead_p50:.2f} ms)")
    return r


def run(s: Settings, log=print) -> list[Run]:
    runs = []
    with DevServer() as server:
        queue = f"bench-client-{uuid.uuid4().hex[:8]}"
        with WorkerProcess("python-workflows", python_workflow_worker_command(server.address, queue), WORKER_CPU):
            for rep in range(s.reps):
                for client in (CLIENTS if rep % 2 == 0 else tuple(reversed(CLIENTS))):
                    runs.append(_one(server.address, queue, client, rep, s, log))
    return runs


def tables(runs: list[Run], s: Settings) -> str:
    figures = [("start→result p50 ms (lower is better)", lambda r: r.p50),
               ("start→result p99 ms (lower is better)", lambda r: r.p99),
               ("starts/s (higher is better)", lambda r: r.starts_per_second),
               ("server start→close p50 ms", lambda r: r.server_p50),
               ("client-added p50 ms (lower is better)", lambda r: r.overhead_p50)]
    by = {c: [r for r in runs if r.client == c] for c in CLIENTS}
    rows = [[CLIENT_LABEL[c]] + [fmt_cell([f(r) for r in by[c]]) for _, f in figures] for c in CLIENTS if by[c]]
    if by["php"] and by["python"]:
        rows.append(["PHP/Python"] + [
            fmt_ratio(ratio(median(f(r) for r in by["php"]), median(f(r) for r in by["python"])))
            for _, f in figures])
    table = markdown_table(["client"] + [label for label, _ in figures], rows)
    head = (f"### client: BenchEcho served by one Python SDK worker; {s.latency} sequential start→result "
            f"after {s.warmup} warm-up, {s.starts} sequential starts; median of {s.reps} (min–max)")
    note = ("client-added = the client's start→result minus the server's start→close time of the same "
            "workflow (describe after the run): the start RPC, the result long-poll and the decoding.")
    return f"{head}\n\n{table}\n\n{note}\n"
