"""The Python side of the client scenario; the same loops and output as php_client.php.

    python3 bench/drivers/python_client.py --address HOST:PORT --task-queue Q --idle-task-queue Q2 \
        --id-prefix P [--warmup 20] [--latency 200] [--starts 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time

from temporalio.client import Client


async def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--address", required=True)
    p.add_argument("--task-queue", required=True)
    p.add_argument("--idle-task-queue", required=True)
    p.add_argument("--id-prefix", required=True)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--latency", type=int, default=200)
    p.add_argument("--starts", type=int, default=1000)
    a = p.parse_args()

    client = await Client.connect(a.address)

    async def round_trip(wid: str) -> None:
        handle = await client.start_workflow("BenchEcho", wid, id=wid, task_queue=a.task_queue)
        result = await handle.result()
        if result != wid:
            raise RuntimeError(f"BenchEcho {wid} returned {result!r}")

    for i in range(a.warmup):
        await round_trip(f"{a.id_prefix}-warm-{i}")
    latencies = []
    for i in range(a.latency):
        t = time.perf_counter_ns()
        await round_trip(f"{a.id_prefix}-lat-{i}")
        latencies.append((time.perf_counter_ns() - t) / 1e6)

    t = time.perf_counter_ns()
    for i in range(a.starts):
        wid = f"{a.id_prefix}-start-{i}"
        await client.start_workflow("BenchEcho", wid, id=wid, task_queue=a.idle_task_queue)
    starts_seconds = (time.perf_counter_ns() - t) / 1e9

    print(json.dumps({"latencies_ms": latencies, "starts": a.starts, "starts_seconds": starts_seconds}))


if __name__ == "__main__":
    asyncio.run(main())
    # Skip interpreter finalization: temporalio's Rust runtime threads can abort it
    # ("PyGILState_Release: ... finalizing", SIGABRT) after all the work is done and printed.
    sys.stdout.flush()
    os._exit(0)
