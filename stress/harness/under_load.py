"""A fault injected while a worker and a client run a workload (scenarios restart and dropped_connections)."""

from __future__ import annotations

from typing import Callable

from . import php
from .logs import read_jsonl
from .report import Report
from .waiting import wait_until
from .workload import Workload

LOAD_TIMEOUT = 300.0  # for the workload to reach the point where the fault goes in


def run_with_fault(report: Report, workload: Workload, worker_address: str, client_address: str, queue: str,
                   logs: php.Logs, activities_before: int, fault: Callable[[], None],
                   client_timeout: float) -> dict:
    """Starts a worker (connected to worker_address) and the client (to client_address); once `activities_before`
    activities have ended, runs fault() and then waits for the client's results, which it returns. The worker
    must outlive it all: the report fails if it exited."""
    worker = php.worker(queue, worker_address, queue, logs).start()
    try:
        client = php.Client(workload, client_address, queue, timeout=client_timeout)
        try:
            wait_until(lambda: sum(r.get("e") == "end" for r in read_jsonl(logs.activities)) >= activities_before,
                       LOAD_TIMEOUT, f"{activities_before} activities run", interval=0.1)
            fault()
            outcome = client.result()
        finally:
            client.stop()
        if worker.proc.poll() is not None:
            report.fail(f"the worker exited ({worker.proc.returncode}):\n{worker.tail()}")
    finally:
        worker.stop()
        logs.keep_worker_log(worker)
    return outcome
