"""The Python side of the replay scenario: replays recorded BenchReplay histories with the Python SDK's Replayer.

    python3 bench/replay/python_replay.py [--reps=5] [--warmup=1] NAME=DIR [NAME=DIR...]

The same protocol as php_replay.php: parse every history (WorkflowHistory.from_json), replay the first one
against BenchReplayChanged (the negative control: it must be reported non-deterministic), replay every set
--warmup times, print {"event":"ready",...}, wait for a line on stdin, replay every set and the first history
alone (set "single") --reps times timing each replay call (perf_counter and process_time around
replay_workflows() only), print {"event":"done",...}
and wait for stdin to close. Workflows run unsandboxed, as in the other scenarios (PHP and Go have no sandbox).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "workers"))

from temporalio.client import WorkflowHistory  # noqa: E402
from temporalio.worker import Replayer, UnsandboxedWorkflowRunner  # noqa: E402
from temporalio.workflow import NondeterminismError  # noqa: E402

from python_worker import BenchReplay, BenchReplayChanged  # noqa: E402

SINGLE = "single"  # the first history alone: what one call costs beside its histories
USAGE = "usage: python_replay.py [--reps=N] [--warmup=N] NAME=DIR [NAME=DIR...]"


def emit(event: dict) -> None:
    print(json.dumps(event), flush=True)


async def _iterate(histories: list[WorkflowHistory]):
    for h in histories:
        yield h


async def replay(replayer: Replayer, histories: list[WorkflowHistory]) -> list[str]:
    """One message per failed history."""
    results = await replayer.replay_workflows(_iterate(histories), raise_on_replay_failure=False)
    return [f"{run_id}: {failure}" for run_id, failure in results.replay_failures.items()]


async def main(argv: list[str]) -> None:
    reps, warmup, sets = 5, 1, {}
    for arg in argv:
        m = re.fullmatch(r"--(reps|warmup)=(\d+)", arg)
        if m:
            reps, warmup = (int(m[2]), warmup) if m[1] == "reps" else (reps, int(m[2]))
            continue
        m = re.fullmatch(r"([\w-]+)=(.+)", arg)
        if not m or not Path(m[2]).is_dir():
            sys.exit(USAGE)
        sets[m[1]] = Path(m[2])
    if not sets:
        sys.exit(USAGE)

    t = time.perf_counter()
    histories = {name: [WorkflowHistory.from_json(f.stem, f.read_text()) for f in sorted(d.glob("*.json"))]
                 for name, d in sets.items()}
    parse_seconds = time.perf_counter() - t

    runner = UnsandboxedWorkflowRunner()
    first = next(iter(histories.values()))[0]
    control = await Replayer(workflows=[BenchReplayChanged], workflow_runner=runner).replay_workflow(
        first, raise_on_replay_failure=False)
    control_detected = isinstance(control.replay_failure, NondeterminismError)

    replayer = Replayer(workflows=[BenchReplay], workflow_runner=runner)
    warmup_failures: list[str] = []
    for _ in range(warmup):
        for hs in histories.values():
            warmup_failures += await replay(replayer, hs)
    emit({"event": "ready", "histories": {n: len(hs) for n, hs in histories.items()}, "parse_seconds": parse_seconds,
          "control_detected": control_detected, "warmup_failures": warmup_failures[:3]})

    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.readline)
    runs = []
    for rep in range(reps):
        for name, hs in [*histories.items(), (SINGLE, [first])]:
            cpu, t = time.process_time(), time.perf_counter()
            failures = await replay(replayer, hs)
            seconds = time.perf_counter() - t
            runs.append({"set": name, "rep": rep, "histories": len(hs), "seconds": seconds,
                         "cpu_seconds": time.process_time() - cpu, "failures": len(failures),
                         "failure": failures[0] if failures else None})
    emit({"event": "done", "runs": runs})
    await loop.run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
    # Skip interpreter finalization, which temporalio's Rust runtime threads can abort (see python_worker.py).
    sys.stdout.flush()
    os._exit(0)
