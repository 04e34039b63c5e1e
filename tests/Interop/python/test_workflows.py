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
  ActivityFailingWorkflow(m)   runs activity failing_activity(m), which raises ApplicationError(m, "card",
                               type "CardError", non-retryable); the workflow fails with that ActivityError
  ChildFailingWorkflow(m)      runs FailingWorkflow(m) as child "<workflow id>-child"; fails with the
                               ChildWorkflowError
  UpdateWorkflow()             update add(int) -> new total, its validator rejects negative numbers;
                               signal finish; query total; returns the total
  ContinueAsNewWorkflow(n, v)  continues as new with (n - 1, v + 1) until n is 0, then returns v
  MemoWorkflow()               returns {"memo": its memo, "search_attributes": its typed search attributes
                               as {name: value}} (datetimes as ISO strings)
  AsyncActivityWorkflow()      runs activity async_activity, which signals the workflow its task token
                               (base64, signal "token"; query "token" reads it) and completes asynchronously;
                               returns {"result": the activity's result} or {"error": the failure's message,
                               "type": its type, "cancelled": bool} when the activity failed; cancelling
                               the workflow waits until the activity reports its cancellation

A second worker on the task queue "<Q>-encoded" hosts the same workflows with a data converter whose failure
converter encodes common attributes (message and stack trace in an encoded payload); a third, on "<Q>-codec",
with the payload codec XorCodec of payload_vectors.py (every payload XOR-wrapped).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import signal
import sys
import traceback
from datetime import datetime, timedelta
from typing import Any

from temporalio import activity, workflow
from temporalio.workflow import ActivityCancellationType
from temporalio.common import RetryPolicy
from temporalio.converter import DataConverter, DefaultFailureConverterWithEncodedAttributes
from temporalio.api.enums.v1 import TaskQueueType
from temporalio.api.taskqueue.v1 import TaskQueue
from temporalio.api.workflowservice.v1 import DescribeTaskQueueRequest
from temporalio.client import Client
from temporalio.exceptions import ActivityError, ApplicationError, CancelledError, FailureError
from temporalio.worker import Worker

from payload_vectors import XorCodec

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


NO_RETRY = RetryPolicy(maximum_attempts=1)


@activity.defn(name="failing_activity")
async def failing_activity(message: str) -> None:
    raise ApplicationError(message, "card", type="CardError", non_retryable=True)


@activity.defn(name="py_shout")
async def py_shout(text: str) -> str:
    """Called from PHP workflows (interop)."""
    return text.upper() + "!"


@activity.defn(name="async_activity")
async def async_activity() -> Any:
    info = activity.info()
    token = base64.b64encode(info.task_token).decode()
    await activity.client().get_workflow_handle(info.workflow_id, run_id=info.workflow_run_id).signal(
        "token", token
    )
    activity.raise_complete_async()


@workflow.defn(name="ActivityFailingWorkflow")
class ActivityFailingWorkflow:
    @workflow.run
    async def run(self, message: str) -> None:
        await workflow.execute_activity(
            failing_activity, message, start_to_close_timeout=timedelta(seconds=10), retry_policy=NO_RETRY
        )


@workflow.defn(name="ChildFailingWorkflow")
class ChildFailingWorkflow:
    @workflow.run
    async def run(self, message: str) -> None:
        await workflow.execute_child_workflow(
            "FailingWorkflow", message, id=f"{workflow.info().workflow_id}-child", retry_policy=NO_RETRY
        )


@workflow.defn(name="UpdateWorkflow")
class UpdateWorkflow:
    def __init__(self) -> None:
        self._total = 0
        self._finished = False

    @workflow.run
    async def run(self) -> int:
        await workflow.wait_condition(lambda: self._finished)
        return self._total

    @workflow.update(name="add")
    async def add(self, amount: int) -> int:
        self._total += amount
        return self._total

    @add.validator
    def validate_add(self, amount: int) -> None:
        if amount < 0:
            raise ValueError(f"negative amount {amount}")

    @workflow.signal(name="finish")
    def finish(self) -> None:
        self._finished = True

    @workflow.query(name="total")
    def total(self) -> int:
        return self._total


@workflow.defn(name="ContinueAsNewWorkflow")
class ContinueAsNewWorkflow:
    @workflow.run
    async def run(self, remaining: int, value: int) -> int:
        if remaining > 0:
            workflow.continue_as_new(args=[remaining - 1, value + 1])
        return value


@workflow.defn(name="MemoWorkflow")
class MemoWorkflow:
    @workflow.run
    async def run(self) -> dict[str, Any]:
        attributes: dict[str, Any] = {}
        for pair in workflow.info().typed_search_attributes:
            value = pair.value
            attributes[pair.key.name] = value.isoformat() if isinstance(value, datetime) else value
        return {"memo": dict(workflow.memo()), "search_attributes": attributes}


@workflow.defn(name="AsyncActivityWorkflow")
class AsyncActivityWorkflow:
    def __init__(self) -> None:
        self._token = ""

    @workflow.run
    async def run(self) -> dict[str, Any]:
        try:
            result = await workflow.execute_activity(
                async_activity,
                start_to_close_timeout=timedelta(seconds=60),
                heartbeat_timeout=timedelta(seconds=60),
                retry_policy=NO_RETRY,
                cancellation_type=ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
            )
            return {"result": result}
        except ActivityError as e:
            cause = e.cause
            kind = cause.type if isinstance(cause, ApplicationError) else type(cause).__name__
            message = cause.message if isinstance(cause, FailureError) else str(cause)
            return {"error": message, "type": kind, "cancelled": isinstance(cause, CancelledError)}

    @workflow.signal(name="token")
    def set_token(self, token: str) -> None:
        self._token = token

    @workflow.query(name="token")
    def token(self) -> str:
        return self._token


WORKFLOWS = [
    EchoWorkflow,
    SignalQueryWorkflow,
    FailingWorkflow,
    LongWorkflow,
    ActivityFailingWorkflow,
    ChildFailingWorkflow,
    UpdateWorkflow,
    ContinueAsNewWorkflow,
    MemoWorkflow,
    AsyncActivityWorkflow,
]
ACTIVITIES = [py_shout, failing_activity, async_activity]


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
    encoded = await Client.connect(
        address,
        namespace=namespace,
        data_converter=DataConverter(failure_converter_class=DefaultFailureConverterWithEncodedAttributes),
    )
    codec = await Client.connect(address, namespace=namespace, data_converter=DataConverter(payload_codec=XorCodec()))
    encoded_queue = f"{task_queue}-encoded"
    codec_queue = f"{task_queue}-codec"
    async with Worker(client, task_queue=task_queue, workflows=WORKFLOWS, activities=ACTIVITIES), Worker(
        encoded, task_queue=encoded_queue, workflows=WORKFLOWS, activities=ACTIVITIES
    ), Worker(codec, task_queue=codec_queue, workflows=WORKFLOWS, activities=ACTIVITIES):
        await wait_until_polling(client, task_queue)
        await wait_until_polling(encoded, encoded_queue)
        await wait_until_polling(codec, codec_queue)
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
