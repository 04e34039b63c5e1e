"""Starting a worker process (pinned with taskset, run directly so its PID is the worker's) and stopping it."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from .paths import BENCH, GO_WORKER, PYTHON, php_cmd

WORKER_CPU = "1"
DRIVER_CPU = "0"
READY_LINE = "worker ready"


def peer_command(peer: str, address: str, task_queue: str, max_activities: int, pollers: int) -> list[str]:
    """The activity worker of one peer (php, python, go), serving "noop" on task_queue."""
    common = ["--address", address, "--task-queue", task_queue]
    if peer == "php":
        return php_cmd(BENCH / "workers/php_worker.php", *common,
                       "--max-activities", str(max_activities), "--pollers", str(pollers))
    if peer == "python":
        return [PYTHON, str(BENCH / "workers/python_worker.py"), "--role", "activities", *common,
                "--max-activities", str(max_activities), "--pollers", str(pollers)]
    if peer == "go":
        return [str(GO_WORKER), "-address", address, "-task-queue", task_queue,
                "-max-activities", str(max_activities), "-pollers", str(pollers)]
    raise ValueError(peer)


def python_workflow_worker_command(address: str, task_queue: str) -> list[str]:
    return [PYTHON, str(BENCH / "workers/python_worker.py"), "--role", "workflows",
            "--address", address, "--task-queue", task_queue]


class WorkerProcess:
    """`taskset -c CPU cmd...`: taskset execs the command, so the Popen PID is the worker's own."""

    def __init__(self, name: str, cmd: list[str], cpu: str, ready_timeout: float = 60.0):
        self.name, self.cmd, self.cpu, self.ready_timeout = name, cmd, cpu, ready_timeout
        self.log = Path(tempfile.mkstemp(prefix=f"php-temporal-bench-{name}.", suffix=".log")[1])
        self.proc: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> "WorkerProcess":
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(["taskset", "-c", self.cpu, *self.cmd], stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} worker exited ({self.proc.returncode}):\n{self.tail()}")
            if READY_LINE in self.log.read_text(errors="replace"):
                affinity = os.sched_getaffinity(self.pid)
                if affinity != {int(self.cpu)}:
                    raise RuntimeError(f"{self.name} worker runs on CPUs {affinity}, not {self.cpu}")
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} worker not ready after {self.ready_timeout}s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 20.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def __enter__(self) -> "WorkerProcess":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        if exc[0] is None:
            self.log.unlink(missing_ok=True)
