"""Python (temporalio) worker hosting the demo's OrderWorkflow until the PHP worker exists.

    TEMPORAL_ADDRESS=127.0.0.1:7233 python3 demo/python_worker.py [--task-queue Q]

The task queue comes from --task-queue, else TEMPORAL_TASK_QUEUE, else "php-temporal-demo"; the namespace
from TEMPORAL_NAMESPACE (default "default"). SIGINT/SIGTERM shut the worker down and exit 0.

OrderWorkflow(order) with order = {"id": str, "items": [{"sku": str, "qty": int, "price": number}]}:
reserve inventory (activity) -> a short timer -> wait for the `approve` signal (approved anyway once
APPROVAL_TIMEOUT passes) -> charge payment (activity) -> {"order_id", "total", "status": "completed", ...}.
The `status` query returns the current step.
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

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.worker import Worker

COOL_OFF = timedelta(seconds=2)
APPROVAL_TIMEOUT = timedelta(seconds=30)
ACTIVITY_TIMEOUT = timedelta(seconds=10)


def order_total(order: dict[str, Any]) -> float:
    return round(sum(item["qty"] * item["price"] for item in order["items"]), 2)


@activity.defn(name="ReserveInventory")
async def reserve_inventory(order: dict[str, Any]) -> dict[str, Any]:
    units = sum(item["qty"] for item in order["items"])
    activity.logger.info("reserving %d units for order %s", units, order["id"])
    return {"reservation_id": f"res-{order['id']}", "units": units}


@activity.defn(name="ChargePayment")
async def charge_payment(order_id: str, amount: float) -> dict[str, Any]:
    activity.logger.info("charging %.2f for order %s", amount, order_id)
    return {"payment_id": f"pay-{order_id}", "amount": amount}


@workflow.defn(name="OrderWorkflow")
class OrderWorkflow:
    def __init__(self) -> None:
        self._status = "received"
        self._approved_by: str | None = None

    @workflow.run
    async def run(self, order: dict[str, Any]) -> dict[str, Any]:
        total = order_total(order)

        self._status = "reserving"
        reservation = await workflow.execute_activity(
            reserve_inventory, order, start_to_close_timeout=ACTIVITY_TIMEOUT
        )

        self._status = "reserved"
        await workflow.sleep(COOL_OFF)

        self._status = "awaiting_approval"
        try:
            await workflow.wait_condition(lambda: self._approved_by is not None, timeout=APPROVAL_TIMEOUT)
        except TimeoutError:
            # Nobody approved in time: the demo approves on its own rather than hang forever.
            self._approved_by = "timeout"

        self._status = "charging"
        payment = await workflow.execute_activity(
            charge_payment, args=[order["id"], total], start_to_close_timeout=ACTIVITY_TIMEOUT
        )

        self._status = "completed"
        return {
            "order_id": order["id"],
            "total": total,
            "status": self._status,
            "approved_by": self._approved_by,
            "reservation_id": reservation["reservation_id"],
            "payment_id": payment["payment_id"],
        }

    @workflow.signal(name="approve")
    def approve(self, approver: str = "signal") -> None:
        if self._approved_by is None:
            self._approved_by = approver

    @workflow.query(name="status")
    def status(self) -> str:
        return self._status


async def serve(address: str, namespace: str, task_queue: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)

    client = await Client.connect(address, namespace=namespace)
    worker = Worker(
        client,
        task_queue=task_queue,
        workflows=[OrderWorkflow],
        activities=[reserve_inventory, charge_payment],
    )
    async with worker:
        print(f"demo worker polling {task_queue!r} on {address}", flush=True)
        await stop.wait()
    print("demo worker stopped", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Demo OrderWorkflow worker (Python SDK)")
    parser.add_argument("--task-queue", default=os.environ.get("TEMPORAL_TASK_QUEUE", "php-temporal-demo"))
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
