"""The dev servers of the stress scenarios: bench's in-memory one, and a persistent one that can be killed and
restarted on the same port (scenario restart)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

from bench.harness.server import SERVER_CPU

from .paths import ROOT
from .waiting import wait_until

HOST = "127.0.0.1"

# The server completes a shutting-down worker's in-flight polls itself (namespace capability
# workerPollCompleteOnShutdown), so the core lets them finish instead of cancelling them: a task the server
# matched to a poll just as the worker shut down then reaches the worker instead of timing out. Off by default
# in server 1.32; the shutdown scenario's --without-poll-complete shows what happens then.
POLL_COMPLETE_ON_SHUTDOWN = ("--dynamic-config-value", "frontend.enableCancelWorkerPollsOnShutdown=true")


class PersistentServer:
    """`temporal server start-dev --db-filename FILE` on ports fixed for its lifetime (CPU 0): kill() SIGKILLs it,
    start() brings it back on the same ports with the same database, so clients and workers can reconnect."""

    def __init__(self, state_dir: Path):
        self.state_dir = state_dir
        self.db = state_dir / "temporal.db"
        self.log = state_dir / "server.log"
        self.ports = _free_ports(3)  # gRPC, HTTP, metrics
        self.address = f"{HOST}:{self.ports[0]}"
        self.cli = subprocess.run([str(ROOT / "scripts/temporal-cli.sh")], check=True, capture_output=True,
                                  text=True).stdout.strip()
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 90.0) -> "PersistentServer":
        grpc, http, metrics = self.ports
        cmd = ["taskset", "-c", SERVER_CPU, self.cli, "server", "start-dev", "--headless", "--ip", HOST,
               "--port", str(grpc), "--http-port", str(http), "--metrics-port", str(metrics),
               "--db-filename", str(self.db), "--disable-config-file", "--disable-config-env",
               *POLL_COMPLETE_ON_SHUTDOWN]
        with open(self.log, "a") as log:
            # Its own session: kill() signals the whole group, nothing of ours.
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)
        wait_until(self._serving, timeout, f"the dev server on {self.address}", interval=0.5)
        return self

    def _serving(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            raise RuntimeError(f"the dev server exited:\n{self.log.read_text(errors='replace')[-3000:]}")
        isolated = ["--address", self.address, "--disable-config-file", "--disable-config-env",
                    "--command-timeout", "3s"]
        health = subprocess.run([self.cli, "operator", "cluster", "health", *isolated], capture_output=True, text=True)
        if "SERVING" not in health.stdout:
            return False
        return subprocess.run([self.cli, "operator", "namespace", "describe", "--namespace", "default", *isolated],
                              capture_output=True).returncode == 0

    def kill(self) -> None:
        """SIGKILL, no shutdown of any kind; returns once the process is gone."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def __enter__(self) -> "PersistentServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.kill()


def _free_ports(n: int) -> list[int]:
    """n distinct ports free on HOST now (held open together so they differ)."""
    sockets = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind((HOST, 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()
