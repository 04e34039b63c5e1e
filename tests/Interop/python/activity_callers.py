"""Python (temporalio) worker hosting workflows that call activities served by a PHP worker, and report
exactly what the Python side saw (result, failure type/message/details, cancellation, timeout).

    TEMPORAL_ADDRESS=127.0.0.1:PORT python3 tests/Interop/python/activity_callers.py --task-queue Q

Prints "worker ready" once polling. Workflow `RunActivity(spec)`, spec keys:
  name, task_queue, args (list), start_to_close (s, default 10), heartbeat_timeout (s, optional),
  max_attempts (default 1), cancel_after (s, optional: cancel the activity then wait for it),
  headers ({name: value}, optional: sent in the activity's Temporal header by a workflow interceptor)
Returns {"result": value} or {"error": {"kind", "type", "message", "details", "non_retryable", "timeout_type"}}.
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
from temporalio.client import Client
from temporalio.common import RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError, CancelledError, TimeoutError
from temporalio.worker import (Interceptor, StartActivityInput, Worker, WorkflowInboundInterceptor,
                               WorkflowInterceptorClassInput, WorkflowOutboundInterceptor)

with workflow.unsafe.imports_passed_through():
    from test_workflows import wait_until_polling


def describe(error: BaseException) -> dict:
    cause = error.cause if isinstance(error, ActivityError) else error
    if isinstance(cause, ApplicationError):
        return {"kind": "application", "type": cause.type, "message": cause.message,
                "details": list(cause.details), "non_retryable": cause.non_retryable}
    if isinstance(cause, CancelledError):
        return {"kind": "cancelled", "message": cause.message}
    if isinstance(cause, TimeoutError):
        return {"kind": "timeout", "timeout_type": cause.type.name if cause.type else None}
    return {"kind": type(cause).__name__, "message": str(cause)}


class SpecHeaders(Interceptor):
    """Sends the spec's "headers" with the activity: the Python SDK's way to fill Temporal's header."""

    def workflow_interceptor_class(self, input: WorkflowInterceptorClassInput):
        return _ReadSpecHeaders


class _ReadSpecHeaders(WorkflowInboundInterceptor):
    headers: dict = {}

    def init(self, outbound: WorkflowOutboundInterceptor) -> None:
        super().init(_AddSpecHeaders(outbound, self))

    async def execute_workflow(self, input):
        spec = input.args[0] if input.args else {}
        self.headers = (spec.get("headers") or {}) if isinstance(spec, dict) else {}
        return await super().execute_workflow(input)


class _AddSpecHeaders(WorkflowOutboundInterceptor):
    def __init__(self, next: WorkflowOutboundInterceptor, inbound: _ReadSpecHeaders) -> None:
        super().__init__(next)
        self._inbound = inbound

    def start_activity(self, input: StartActivityInput):
        converter = workflow.payload_converter()
        added = {name: converter.to_payload(value) for name, value in self._inbound.headers.items()}
        input.headers = {**input.headers, **added}
        return super().start_activity(input)


@workflow.defn(name="RunActivity")
class RunActivity:
    @workflow.run
    async def run(self, spec: dict) -> dict:
        heartbeat = spec.get("heartbeat_timeout")
        handle = workflow.start_activity(
            spec["name"],
            args=spec.get("args", []),
            task_queue=spec["task_queue"],
            start_to_close_timeout=timedelta(seconds=spec.get("start_to_close", 10)),
            heartbeat_timeout=timedelta(seconds=heartbeat) if heartbeat else None,
            retry_policy=RetryPolicy(maximum_attempts=spec.get("max_attempts", 1),
                                     initial_interval=timedelta(milliseconds=100)),
            cancellation_type=workflow.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
        )
        if spec.get("cancel_after") is not None:
            await workflow.sleep(spec["cancel_after"])
            handle.cancel()
        try:
            return {"result": await handle}
        except ActivityError as error:
            return {"error": describe(error)}


async def serve(address: str, namespace: str, task_queue: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    client = await Client.connect(address, namespace=namespace)
    async with Worker(client, task_queue=task_queue, workflows=[RunActivity], interceptors=[SpecHeaders()]):
        await wait_until_polling(client, task_queue)
        print("worker ready", flush=True)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description="Workflows calling PHP activities (Python SDK worker)")
    parser.add_argument("--task-queue", required=True)
    args = parser.parse_args()
    code = 0
    try:
        asyncio.run(serve(os.environ.get("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
                          os.environ.get("TEMPORAL_NAMESPACE", "default"), args.task_queue))
    except Exception:
        traceback.print_exc()
        code = 1
    # Skip interpreter finalization (temporalio/sdk-python#300), as test_workflows.py does.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
