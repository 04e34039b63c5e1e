"""The stress scenarios' PHP programs (stress/workers/): the worker, the client and the history reader."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.harness.workers import WORKER_CPU, WorkerProcess

from .paths import php_cmd
from .workload import Workload


class Logs:
    """The files the workers of one scenario append to (every worker the scenario starts shares them)."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.activities = directory / "activities.jsonl"
        self.activations = directory / "activations.jsonl"
        for f in (self.activities, self.activations):
            f.touch()

    def keep_server_log(self, state_dir: Path) -> None:
        """Copies a dev server's log (scripts/dev-server.sh writes STATE_DIR/server.log) next to the other logs."""
        if (state_dir / "server.log").exists():
            shutil.copy(state_dir / "server.log", self.dir / "server.log")

    def keep_worker_log(self, worker: WorkerProcess) -> None:
        """Moves a stopped worker's output next to the other logs (kept with the scratch directory)."""
        if worker.log.exists():
            shutil.move(worker.log, self.dir / f"worker-{worker.pid}.log")


def worker(name: str, address: str, task_queue: str, logs: Logs, *extra: str) -> WorkerProcess:
    """A stress worker (stress/workers/worker.php) on CPU 1, not started yet; extra = more worker.php options."""
    cmd = php_cmd("worker.php", "--address", address, "--task-queue", task_queue,
                  "--activity-log", str(logs.activities), "--activation-log", str(logs.activations), *extra)
    return WorkerProcess(name, cmd, WORKER_CPU, poll_interval=0.02)


class Client:
    """client.php running a workload in the background; result() waits for its JSON line."""

    def __init__(self, workload: Workload, address: str, task_queue: str, timeout: float):
        self.timeout = timeout
        self.out = Path(tempfile.mkstemp(prefix="php-temporal-stress-client.", suffix=".log")[1])
        with open(self.out, "w") as out:
            self.proc = subprocess.Popen(php_cmd("client.php", *workload.client_args(address, task_queue, timeout)),
                                         stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def running(self) -> bool:
        return self.proc.poll() is None

    def result(self) -> dict:
        """{results: {id: result}, failures: {id: message}, retries, errors}; raises if the client crashed."""
        try:
            code = self.proc.wait(self.timeout + 60)  # its own deadline comes first
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise RuntimeError(f"the client did not finish within {self.timeout + 60:.0f} s:\n{self.tail()}")
        lines = self.out.read_text(errors="replace").strip().splitlines()
        try:
            doc = json.loads(lines[-1])
        except (IndexError, ValueError):
            raise RuntimeError(f"the client exited ({code}) without its JSON line:\n{self.tail()}") from None
        self.out.unlink(missing_ok=True)
        return {"results": doc["results"] or {}, "failures": doc["failures"] or {}, "retries": doc["retries"],
                "errors": doc["errors"]}

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.out.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.running():
            self.proc.kill()
            self.proc.wait()


def histories(address: str, ids: list[str], timeout: float = 600) -> list[dict]:
    """One summary per workflow id (histories.php), in the order of ids."""
    with tempfile.NamedTemporaryFile("w", prefix="php-temporal-stress-ids.", suffix=".txt") as f:
        f.write("\n".join(ids) + "\n")
        f.flush()
        started = time.monotonic()
        out = subprocess.run(php_cmd("histories.php", "--address", address, "--ids", f.name), capture_output=True,
                             text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"histories.php exited {out.returncode} after {time.monotonic() - started:.0f} s:\n"
                           f"{out.stderr[-3000:]}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
