"""Python (temporalio) worker hosting the workflows that the PHP client's integration tests drive.

    TEMPORAL_ADDRESS=127.0.0.1:PORT python3 tests/Interop/python/test_workflows.py --task-queue Q

Prints "worker ready" once the server sees this worker polling Q, so a harness can wait for that line.
SIGINT/SIGTERM shut it down and exit 0. Namespace from TEMPORAL_NAMESPACE (default "default").

Workflows (registered names = class names):
  EchoWorkflow(*args)          returns its arguments as a list
  SignalQueryWorkflow()        signal add(int), signal finish(), query total; returns the total
  FailingWorkflow(message)     fails: ApplicationError(message, type "MyError", non-retryable,
                               details ["detail-1", 42])
  LongWorkflow()               sleeps one hour; cancellation is re-raised (workflow ends CANCELED)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import traceback
from datetime import timedelta
from typing import Any

from temporalio import workflow
from temporalio.api.enums.v1 import TaskQueueType
from temporalio.api.taskqueue.v1 import TaskQueue
from temporalio.api.workflowservice.v1 import DescribeTaskQueueRequest
from temporalio.client import Client
from temporalio.exceptions import ApplicationError
from temporalio.worker import Worker

READY_TIMEOUT_S = 30


@workflow.defn(name="EchoWorkflow")
class EchoWorkflow:
    @workflow.run
    async def run(self, *args: Any) -> list[Any]:
        return list(args)


@workflow.defn(name="SignalQueryWorkflow")
class SignalQueryWorkflow:
    def __init__(self) -> None:
        self._total = 0
        self._finished = False

    @workflow.run
    async def run(self) -> int:
        await workflow.wait_condition(lambda: self._finished)
        return self._total

    @workflow.signal(name="add")
    def add(self, amount: int) -> None:
        self._total += amount

    @workflow.signal(name="finish")
    def finish(self) -> None:
        self._finished = True

    @workflow.query(name="total")
    def total(self) -> int:
        return self._total


@workflow.defn(name="FailingWorkflow")
class FailingWorkflow:
    @workflow.run
    async def run(self, message: str) -> None:
        raise ApplicationError(message, "detail-1", 42, type="MyError", non_retryable=True)


@workflow.defn(name="LongWorkflow")
class LongWorkflow:
    @workflow.run
    async def run(self) -> str:
        try:
            await workflow.sleep(timedelta(hours=1))
        except asyncio.CancelledError:
            workflow.logger.info("LongWorkflow cancelled")
            raise
        return "slept"


WORKFLOWS = [EchoWorkflow, SignalQueryWorkflow, FailingWorkflow, LongWorkflow]


async def wait_until_polling(client: Client, task_queue: str) -> None:
    """Returns once the server lists this client's identity among the task queue's workflow pollers."""
    request = DescribeTaskQueueRequest(
        namespace=client.namespace,
        task_queue=TaskQueue(name=task_queue),
        task_queue_type=TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    )
    loop = asyncio.get_running_loop()
    deadline = loop.time() + READY_TIMEOUT_S
    while loop.time() < deadline:
        response = await client.workflow_service.describe_task_queue(request)
        if any(poller.identity == client.identity for poller in response.pollers):
            return
        await asyncio.sleep(0.1)
    raise RuntimeError(f"worker not seen polling {task_queue!r} after {READY_TIMEOUT_S}s")


async def serve(address: str, namespace: str, task_queue: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)

    client = await Client.connect(address, namespace=namespace)
    async with Worker(client, task_queue=task_queue, workflows=WORKFLOWS):
        await wait_until_polling(client, task_queue)
        print("worker ready", flush=True)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description="Interop test workflows (Python SDK worker)")
    parser.add_argument("--task-queue", required=True)
    args = parser.parse_args()
    address = os.environ.get("TEMPORAL_ADDRESS", "127.0.0.1:7233")
    namespace = os.environ.get("TEMPORAL_NAMESPACE", "default")
    code = 0
    try:
        asyncio.run(serve(address, namespace, args.task_queue))
    except Exception:
        traceback.print_exc()
        code = 1
    # Skip interpreter finalization: the SDK's Rust threads can still call into Python while it is torn
    # down and abort the process (temporalio/sdk-python#300), turning a clean stop into exit 134.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
