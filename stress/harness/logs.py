"""Reading what the stress workers logged: every activity execution (start, end) and every workflow
activation the SDK received and completed (its debug records, see WorkerOptions::withLogger())."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(errors="replace").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            pass  # a line a SIGKILLed worker left half-written
    return out


@dataclass
class ActivityStats:
    executions: int = 0  # activity starts logged, every attempt and repeat
    distinct: int = 0  # distinct (workflow, step)
    repeated: int = 0  # executions beyond the first per (workflow, step): at-least-once repeats
    later_attempts: int = 0  # executions with attempt > 1 (the server retried)
    same_attempt_repeats: list[str] = field(default_factory=list)  # one attempt run twice: never expected
    unfinished: list[dict] = field(default_factory=list)  # starts without an end from the same process

    @classmethod
    def from_records(cls, records: list[dict]) -> "ActivityStats":
        starts = [r for r in records if r.get("e") == "start"]
        ends = Counter((r["wf"], r["step"], r["attempt"], r["pid"]) for r in records if r.get("e") == "end")
        per_step = Counter((r["wf"], r["step"]) for r in starts)
        per_attempt = Counter((r["wf"], r["step"], r["attempt"]) for r in starts)
        unfinished = []
        for r in starts:
            key = (r["wf"], r["step"], r["attempt"], r["pid"])
            if ends[key] > 0:
                ends[key] -= 1
            else:
                unfinished.append(r)
        return cls(
            executions=len(starts),
            distinct=len(per_step),
            repeated=sum(n - 1 for n in per_step.values()),
            later_attempts=sum(1 for r in starts if r["attempt"] > 1),
            same_attempt_repeats=[f"{wf} step {step} attempt {a} x{n}" for (wf, step, a), n in per_attempt.items()
                                  if n > 1],
            unfinished=unfinished,
        )


@dataclass
class Activation:
    pid: int
    received: float
    completed: float | None = None
    jobs: tuple[str, ...] = ()


class Activations:
    """The activations PHP received, by (run id, history length): a task's history length is its
    WorkflowTaskStarted event id, so a timed-out task is found here if and only if it reached PHP."""

    def __init__(self, records: list[dict]):
        self.by_task: dict[tuple[str, int], list[Activation]] = {}
        open_: dict[tuple[str, int, int], list[Activation]] = {}
        for r in records:
            key = (r.get("run_id", ""), int(r.get("history_length", 0)))
            if r.get("e") == "workflow activation received":
                a = Activation(r["pid"], r["t"], jobs=tuple(r.get("jobs", ())))
                self.by_task.setdefault(key, []).append(a)
                open_.setdefault((*key, r["pid"]), []).append(a)
            elif r.get("e") == "workflow activation completed":
                pending = open_.get((*key, r["pid"]))
                if pending:
                    pending.pop(0).completed = r["t"]
        self.received = sum(len(v) for v in self.by_task.values())
        self.uncompleted = [(key, a) for key, v in self.by_task.items() for a in v if a.completed is None]

    def of(self, run_id: str, started_event_id: int) -> list[Activation]:
        return self.by_task.get((run_id, started_event_id), [])

    def tasks_of(self, run_id: str) -> set[int]:
        """History lengths of the activations of run_id that carried work (evictions left out)."""
        return {length for (rid, length), v in self.by_task.items() if rid == run_id
                and any(a.jobs != ("remove_from_cache",) for a in v)}


class Tail:
    """The records appended to a JSON-lines file since the last read (whole lines only)."""

    def __init__(self, path: Path):
        self.path, self.offset = path, path.stat().st_size if path.exists() else 0

    def read(self) -> list[dict]:
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read()
        end = chunk.rfind(b"\n") + 1
        self.offset += end
        return [json.loads(line) for line in chunk[:end].splitlines() if line.strip()]
