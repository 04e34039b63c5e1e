"""The one JSON line every scenario prints last, read by run.py (stress/README.md describes the fields)."""

from __future__ import annotations

import json
import sys
import traceback
from dataclasses import asdict, dataclass, field
from typing import Callable


@dataclass
class Report:
    scenario: str
    ok: bool = True  # until fail()
    workflows: int = 0
    lost: int = 0  # workflows that did not complete with the fault-free result
    duplicated: int = 0  # executions repeated beyond the first (activities, signals): at-least-once delivery
    retried: int = 0  # activity attempts after the first, from the histories
    task_timeouts: int = 0  # WorkflowTaskTimedOut events, every type
    task_timeouts_attributed: int = 0  # of those, how many the activation logs explain
    details: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def fail(self, why: str) -> None:
        self.ok = False
        self.notes.append(f"FAILED: {why}")

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=False)


def main(scenario: str, body: Callable[[Report], None]) -> None:
    """Runs body(report) and prints the report as the last stdout line whatever happens; exit 0 when ok."""
    report = Report(scenario)
    try:
        body(report)
    except BaseException as e:  # noqa: BLE001 - the report must be printed for any failure, Ctrl-C included
        report.fail(f"{type(e).__name__}: {e}")
        traceback.print_exc(file=sys.stderr)
    sys.stderr.flush()
    print(report.to_json(), flush=True)
    sys.exit(0 if report.ok else 1)
