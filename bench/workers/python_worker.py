"""The Python SDK worker of the benchmarks: one process, one task queue, until SIGTERM/SIGINT.

    python3 bench/workers/python_worker.py --role workflows  --address HOST:PORT --task-queue Q
    python3 bench/workers/python_worker.py --role activities --address HOST:PORT --task-queue Q \
        [--max-activities 100] [--pollers 5]
    python3 bench/workers/python_worker.py --role one-activity --address HOST:PORT --task-queue Q \
        [--max-activities 100] [--pollers 5] [--max-workflow-tasks 100] [--workflow-pollers 5] \
        [--max-cached-workflows 1000]
    python3 bench/workers/python_worker.py --role replay --address HOST:PORT --task-queue Q [same options]
    python3 bench/workers/python_worker.py --role blocking --address HOST:PORT --task-queue Q \
        [--max-activities 100] [--pollers 5]

Role "workflows" hosts BenchEcho (the client scenario's trivial workflow) and BenchFanOut (the activities and
blocking scenarios' driver workflow, which fans out N activities, "noop" unless it is told another with its
arguments, to another task queue). Role "activities"
serves the no-op activity "noop" (the Python peer of the activities scenario). Role "one-activity" hosts
BenchOneActivity (one "noop" on the same task queue, start-to-close 10 s, one attempt) and "noop" in this
one process (the Python peer of the drain and latency scenarios; unsandboxed, like the PHP and Go peers,
which have no sandbox). Role "replay" (the replay scenario's recorder) hosts BenchReplay and "noop" likewise:
the twin of BenchReplay in replay_workflows.php (5 "noop", a 0.1 s timer, 5 "noop": 12 workflow tasks), also
imported by bench/replay/python_replay.py with its negative control BenchReplayChanged. Role "blocking" (the
Python peer of the blocking scenario) serves the synchronous activity "block" on a thread pool of
--max-activities threads, the Python SDK's way to run blocking code. Prints "worker ready" once the worker polls.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.common import RetryPolicy
from temporalio.worker import PollerBehaviorSimpleMaximum, UnsandboxedWorkflowRunner, Worker


@workflow.defn(name="BenchEcho")
class BenchEcho:
    @workflow.run
    async def run(self, value: str) -> str:
        return value


@workflow.defn(name="BenchFanOut")
class BenchFanOut:
    @workflow.run
    async def run(self, count: int, activity_queue: str, activity_name: str = "noop",
                  activity_args: list[Any] | None = None) -> int:
        await asyncio.gather(*(
            workflow.execute_activity(
                activity_name,
                args=activity_args or [],
                task_queue=activity_queue,
                start_to_close_timeout=timedelta(seconds=60),
                retry_policy=RetryPolicy(maximum_attempts=1),  # a failed activity fails the run
            )
            for _ in range(count)
        ))
        return count


@workflow.defn(name="BenchOneActivity")
class BenchOneActivity:
    @workflow.run
    async def run(self) -> None:
        await workflow.execute_activity(
            "noop",
            start_to_close_timeout=timedelta(seconds=10),
            retry_policy=RetryPolicy(maximum_attempts=1),  # a failed activity fails the run
        )


REPLAY_ACTIVITIES = 10
REPLAY_TIMER_AFTER = 5
REPLAY_TIMER_SECONDS = 0.1


@workflow.defn(name="BenchReplay")
class BenchReplay:
    @workflow.run
    async def run(self) -> None:
        for i in range(REPLAY_ACTIVITIES):
            if i == REPLAY_TIMER_AFTER:
                await asyncio.sleep(REPLAY_TIMER_SECONDS)
            await workflow.execute_activity(
                "noop",
                start_to_close_timeout=timedelta(seconds=10),
                retry_policy=RetryPolicy(maximum_attempts=1),  # a failed activity fails the run
            )


@workflow.defn(name="BenchReplay")
class BenchReplayChanged:
    """BenchReplay after a careless change (the timer first): the replayers' negative control."""

    @workflow.run
    async def run(self) -> None:
        await asyncio.sleep(REPLAY_TIMER_SECONDS)
        await BenchReplay().run()


@activity.defn(name="noop")
async def noop() -> None:
    return None


@activity.defn(name="block")
def block(milliseconds: int) -> int:
    """Blocks its thread (standing for PDO or curl); returns when its code started, Unix time in microseconds."""
    started = time.time_ns() // 1000
    time.sleep(milliseconds / 1000)
    return started


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", choices=("workflows", "activities", "one-activity", "replay", "blocking"), required=True)
    parser.add_argument("--address", required=True)
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--task-queue", required=True)
    parser.add_argument("--max-activities", type=int, default=100)
    parser.add_argument("--pollers", type=int, default=5)
    parser.add_argument("--max-workflow-tasks", type=int, default=100)
    parser.add_argument("--workflow-pollers", type=int, default=5)
    parser.add_argument("--max-cached-workflows", type=int, default=1000)
    args = parser.parse_args()

    client = await Client.connect(args.address, namespace=args.namespace)
    if args.role == "workflows":
        worker = Worker(client, task_queue=args.task_queue, workflows=[BenchEcho, BenchFanOut],
                        workflow_runner=UnsandboxedWorkflowRunner())
    elif args.role in ("one-activity", "replay"):
        hosted = BenchOneActivity if args.role == "one-activity" else BenchReplay
        worker = Worker(client, task_queue=args.task_queue, workflows=[hosted], activities=[noop],
                        workflow_runner=UnsandboxedWorkflowRunner(),
                        max_cached_workflows=args.max_cached_workflows,
                        max_concurrent_workflow_tasks=args.max_workflow_tasks,
                        max_concurrent_activities=args.max_activities,
                        workflow_task_poller_behavior=PollerBehaviorSimpleMaximum(args.workflow_pollers),
                        activity_task_poller_behavior=PollerBehaviorSimpleMaximum(args.pollers))
    elif args.role == "blocking":
        worker = Worker(client, task_queue=args.task_queue, activities=[block],
                        activity_executor=ThreadPoolExecutor(max_workers=args.max_activities),
                        max_concurrent_activities=args.max_activities,
                        activity_task_poller_behavior=PollerBehaviorSimpleMaximum(args.pollers))
    else:
        worker = Worker(client, task_queue=args.task_queue, activities=[noop],
                        max_concurrent_activities=args.max_activities,
                        activity_task_poller_behavior=PollerBehaviorSimpleMaximum(args.pollers))

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with worker:
        print("worker ready", flush=True)
        await stop.wait()
    print("worker stopped", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
    # The worker has shut down gracefully; skip interpreter finalization, which temporalio's Rust runtime
    # threads can abort ("PyGILState_Release: ... finalizing", SIGABRT).
    sys.stdout.flush()
    os._exit(0)
