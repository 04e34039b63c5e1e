#!/usr/bin/env python3
"""The soak's workload through each SDK's worker in turn: do the other SDKs lose first workflow tasks too?

    python3 stress/peers/soak_peers.py [--workflows 3000] [--batch 1000] [--peers php,python,go] [--without-load]

For each peer: a fresh in-memory dev server (the soak's flags), `stress-ng --cpu 1`, that peer's worker hosting
BenchOneActivity (bench/workers, bench/go), and a client of the Python SDK starting the workflows in batches
(each once the previous one closed) and then reading every history. Prints one line per peer with the
WorkflowTaskTimedOut events and the event ids of the tasks they timed out: a PHP-only count would point at
this SDK, the same count for the Go SDK (which does not use the Rust core) points at the server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import subprocess
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from stress.harness import paths  # noqa: E402

paths.setup()
from bench.harness.paths import GO_DIR, GO_WORKER  # noqa: E402
from bench.harness.server import DevServer  # noqa: E402
from bench.harness.workers import WORKER_CPU, Tuning, WorkerProcess, one_activity_command  # noqa: E402
from stress.harness.servers import POLL_COMPLETE_ON_SHUTDOWN  # noqa: E402
from stress.scenarios.soak import CpuHog  # noqa: E402

from temporalio.api.enums.v1 import EventType  # noqa: E402
from temporalio.client import Client  # noqa: E402


async def soak(address: str, queue: str, workflows: int, batch: int) -> list[tuple[str, int]]:
    """Runs the workflows; returns (workflow id, scheduled event id) for every workflow-task timeout."""
    client = await Client.connect(address)
    prefix = uuid.uuid4().hex[:8]
    ids: list[str] = []
    for first in range(0, workflows, batch):
        handles = await asyncio.gather(*[
            client.start_workflow("BenchOneActivity", id=f"peer-{prefix}-{i}", task_queue=queue)
            for i in range(first, min(workflows, first + batch))])
        await asyncio.gather(*[h.result() for h in handles])
        ids += [h.id for h in handles]
    timeouts = []
    for workflow_id in ids:
        async for event in client.get_workflow_handle(workflow_id).fetch_history_events():
            if event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
                timeouts.append((workflow_id, event.workflow_task_timed_out_event_attributes.scheduled_event_id))
    return timeouts


def run_peer(peer: str, args: argparse.Namespace) -> str:
    with DevServer(POLL_COMPLETE_ON_SHUTDOWN) as server, (contextlib.nullcontext() if args.without_load else CpuHog()):
        queue = f"soak-peer-{peer}-{uuid.uuid4().hex[:6]}"
        with WorkerProcess(peer, one_activity_command(peer, server.address, queue, Tuning()), WORKER_CPU):
            timeouts = asyncio.run(soak(server.address, queue, args.workflows, args.batch))
    scheduled = sorted({event_id for _, event_id in timeouts})
    return f"{peer:7} workflows {args.workflows}  task timeouts {len(timeouts)}  scheduled at events {scheduled}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--workflows", type=int, default=3000)
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--peers", default="php,python,go")
    p.add_argument("--without-load", action="store_true")
    args = p.parse_args()
    peers = args.peers.split(",")
    if "go" in peers:
        subprocess.run(["go", "build", "-o", str(GO_WORKER), "."], cwd=GO_DIR, check=True)
    for peer in peers:
        print(run_peer(peer, args), flush=True)


if __name__ == "__main__":
    main()
