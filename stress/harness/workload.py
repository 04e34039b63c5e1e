"""The workflows a scenario runs and the result each must return: the same pure functions as
stress/workers/workflows.php and client.php compute, so any result a fault changed is caught."""

from __future__ import annotations

from dataclasses import dataclass


def compute(workflow_number: int, step: int) -> int:
    """What activity `stress.compute` returns (workflows.php: compute())."""
    return (workflow_number * 7919 + step * 104729) % 1000003


def signal_value(workflow_number: int, k: int) -> int:
    """The value of the k-th "add" signal the client sends (client.php: signalValue())."""
    return workflow_number * 100 + k + 1


@dataclass
class Workload:
    """`count` workflows named PREFIX-0 ... PREFIX-(count-1): StressWorkflow (steps activities of `work` seconds,
    a `timer` after each, then `signals` signals) or, with one_activity, StressOneActivity."""
    prefix: str
    count: int
    steps: int = 3
    timer: float = 1.0
    signals: int = 2
    work: float = 0.0
    one_activity: bool = False
    batch: int = 0  # 0: all at once

    @property
    def workflow_type(self) -> str:
        return "StressOneActivity" if self.one_activity else "StressWorkflow"

    @property
    def activities_per_workflow(self) -> int:
        return 1 if self.one_activity else self.steps

    def ids(self) -> list[str]:
        return [f"{self.prefix}-{n}" for n in range(self.count)]

    def client_args(self, address: str, task_queue: str, timeout: float) -> list[str]:
        return ["--address", address, "--task-queue", task_queue, "--prefix", self.prefix,
                "--count", str(self.count), "--workflow", self.workflow_type, "--batch", str(self.batch or self.count),
                "--steps", str(self.steps), "--timer", str(self.timer), "--signals", str(self.signals),
                "--work", str(self.work), "--timeout", str(timeout)]

    def expected(self, workflow_number: int) -> object:
        """The result a fault-free run returns, repeated_signals aside (compared separately: see same_result)."""
        if self.one_activity:
            return compute(workflow_number, 0)
        return {"id": workflow_number, "acc": sum(compute(workflow_number, s) for s in range(self.steps)),
                "signals": sorted(signal_value(workflow_number, k) for k in range(self.signals))}

    def same_result(self, workflow_number: int, result: object) -> bool:
        """True when result is the fault-free one. A StressWorkflow counts a signal the client repeated after a
        fault in repeated_signals (at-least-once delivery, reported as duplicated), not in its result."""
        if isinstance(result, dict):
            result = {k: v for k, v in result.items() if k != "repeated_signals"}
        return result == self.expected(workflow_number)


def repeated_signals(result: object) -> int:
    return int(result.get("repeated_signals", 0)) if isinstance(result, dict) else 0


def workflow_number(workflow_id: str) -> int:
    return int(workflow_id.rsplit("-", 1)[1])
