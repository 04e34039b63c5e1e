"""Starting a worker process (pinned with taskset, run directly so its PID is the worker's) and stopping it."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .paths import BENCH, GO_WORKER, PYTHON, php_cmd

WORKER_CPU = "1"
DRIVER_CPU = "0"
READY_LINE = "worker ready"
# bench/workers/php_worker.php on the system's ini ("php") or on `php -n` + harness.paths.LEAN_EXTENSIONS.
PHP_PEERS = ("php", "php-lean")


def peer_command(peer: str, address: str, task_queue: str, max_activities: int, pollers: int) -> list[str]:
    """The activity worker of one peer (php, php-lean, python, go), serving "noop" on task_queue."""
    common = ["--address", address, "--task-queue", task_queue]
    if peer in PHP_PEERS:
        return php_worker_command(peer, *common, "--max-activities", str(max_activities), "--pollers", str(pollers))
    if peer == "python":
        return [PYTHON, str(BENCH / "workers/python_worker.py"), "--role", "activities", *common,
                "--max-activities", str(max_activities), "--pollers", str(pollers)]
    if peer == "go":
        return [str(GO_WORKER), "-address", address, "-task-queue", task_queue,
                "-max-activities", str(max_activities), "-pollers", str(pollers)]
    raise ValueError(peer)


@dataclass
class Tuning:
    """The worker settings every peer of the drain and latency scenarios gets (one process, one task queue)."""
    max_cached_workflows: int = 1000
    max_workflow_tasks: int = 100
    max_activities: int = 100
    workflow_pollers: int = 5
    activity_pollers: int = 5

    def describe(self) -> str:
        return (f"workflow cache {self.max_cached_workflows}, {self.max_workflow_tasks} workflow-task slots, "
                f"{self.max_activities} activity slots, {self.workflow_pollers} workflow-task pollers, "
                f"{self.activity_pollers} activity pollers")


def one_activity_command(peer: str, address: str, task_queue: str, t: Tuning) -> list[str]:
    """The worker of one peer (php, php-lean, python, go) hosting BenchOneActivity and "noop" on task_queue."""
    if peer == "go":
        return [str(GO_WORKER), "-address", address, "-task-queue", task_queue, "-one-activity",
                "-max-activities", str(t.max_activities), "-pollers", str(t.activity_pollers),
                "-max-workflow-tasks", str(t.max_workflow_tasks), "-workflow-pollers", str(t.workflow_pollers),
                "-max-cached-workflows", str(t.max_cached_workflows)]
    return workflow_worker_command(peer, "one-activity", address, task_queue, t)


def replay_worker_command(peer: str, address: str, task_queue: str, t: Tuning | None = None) -> list[str]:
    """The worker of one peer (php, python) hosting BenchReplay and "noop": the replay scenario's recorder."""
    return workflow_worker_command(peer, "replay", address, task_queue, t or Tuning())


def workflow_worker_command(peer: str, role: str, address: str, task_queue: str, t: Tuning,
                            *extra: str) -> list[str]:
    """php_worker.php or python_worker.py in `role` with tuning t; extra: more flags of that worker."""
    args = ["--role", role, "--address", address, "--task-queue", task_queue,
            "--max-activities", str(t.max_activities), "--pollers", str(t.activity_pollers),
            "--max-workflow-tasks", str(t.max_workflow_tasks), "--workflow-pollers", str(t.workflow_pollers),
            "--max-cached-workflows", str(t.max_cached_workflows), *extra]
    if peer in PHP_PEERS:
        return php_worker_command(peer, *args)
    if peer == "python":
        return [PYTHON, str(BENCH / "workers/python_worker.py"), *args]
    raise ValueError(peer)


def php_worker_command(peer: str, *args: str) -> list[str]:
    """bench/workers/php_worker.php with args, on the interpreter line of peer "php" or "php-lean"."""
    if peer not in PHP_PEERS:
        raise ValueError(peer)
    return php_cmd(BENCH / "workers/php_worker.php", *args, lean=peer == "php-lean")


def python_workflow_worker_command(address: str, task_queue: str) -> list[str]:
    return [PYTHON, str(BENCH / "workers/python_worker.py"), "--role", "workflows",
            "--address", address, "--task-queue", task_queue]


class WorkerProcess:
    """`taskset -c CPU cmd...`: taskset execs the command, so the Popen PID is the worker's own."""

    def __init__(self, name: str, cmd: list[str], cpu: str, ready_timeout: float = 60.0,
                 poll_interval: float = 0.05):
        self.name, self.cmd, self.cpu, self.ready_timeout = name, cmd, cpu, ready_timeout
        self.poll_interval = poll_interval  # how often the log is read for the ready line
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
            time.sleep(self.poll_interval)
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
