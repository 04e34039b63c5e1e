"""Python (temporalio) worker hosting a workflow that runs an activity on another task queue, so a test can
act as that activity's worker (ext/tests/Worker/startCompleteActivityTask.phpt does, with Core\\Worker).

    TEMPORAL_ADDRESS=127.0.0.1:PORT python3 tests/Interop/python/activity_workflows.py --task-queue Q

Prints "worker ready" once the server sees this worker polling Q, so a harness can wait for that line.
SIGINT/SIGTERM shut it down and exit 0. Namespace from TEMPORAL_NAMESPACE (default "default").

Workflows (registered names = class names):
  CallActivity(activity_name, task_queue, arg)   executes activity `activity_name` with the one argument
                                                 `arg` on `task_queue` (10 s start-to-close, one attempt)
                                                 and returns its result
  CallHeartbeatingActivity(activity_name, task_queue, arg, heartbeat_timeout_ms)
                                                 as CallActivity, with that heartbeat timeout and 5 min
                                                 start-to-close: a heartbeat timeout fails the workflow
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
from temporalio.common import RetryPolicy
from temporalio.worker import Worker

READY_TIMEOUT_S = 30


@workflow.defn(name="CallActivity")
class CallActivity:
    @workflow.run
    async def run(self, activity_name: str, task_queue: str, arg: Any) -> Any:
        return await workflow.execute_activity(
            activity_name,
            arg,
            task_queue=task_queue,
            start_to_close_timeout=timedelta(seconds=10),
            retry_policy=RetryPolicy(maximum_attempts=1),
        )


@workflow.defn(name="CallHeartbeatingActivity")
class CallHeartbeatingActivity:
    @workflow.run
    async def run(self, activity_name: str, task_queue: str, arg: Any, heartbeat_timeout_ms: int) -> Any:
        return await workflow.execute_activity(
            activity_name,
            arg,
            task_queue=task_queue,
            start_to_close_timeout=timedelta(minutes=5),
            heartbeat_timeout=timedelta(milliseconds=heartbeat_timeout_ms),
            retry_policy=RetryPolicy(maximum_attempts=1),
        )


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
    async with Worker(client, task_queue=task_queue, workflows=[CallActivity, CallHeartbeatingActivity]):
        await wait_until_polling(client, task_queue)
        print("worker ready", flush=True)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description="Interop activity workflows (Python SDK worker)")
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
    # As in test_workflows.py: skip interpreter finalization (temporalio/sdk-python#300).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
