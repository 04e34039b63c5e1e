"""The TLS scenario's PHP processes: a worker (worker.php) and the client (client.php run|probe), each with the
connection settings of one case. Every byte they print is kept, so the scenario can search it for the API key."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from harness.paths import php_cmd

HERE = Path(__file__).resolve().parent
API_KEY_VARIABLE = "TLS_SCENARIO_API_KEY"
READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Endpoint:
    """How one case connects: the proxy's address and the TLS settings the PHP side passes to TlsOptions."""
    address: str
    ca: Path
    domain: str
    client_cert: Path | None = None
    client_key: Path | None = None

    def flags(self) -> list[str]:
        flags = ["--address", self.address, "--ca", str(self.ca), "--domain", self.domain]
        if self.client_cert is not None and self.client_key is not None:
            flags += ["--client-cert", str(self.client_cert), "--client-key", str(self.client_key)]
        return flags


def _env(api_key: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
    env[API_KEY_VARIABLE] = api_key
    return env


class Output:
    """Everything the scenario's PHP processes printed, by name, for the API-key search."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def add(self, name: str, text: str) -> None:
        self.texts[name] = self.texts.get(name, "") + text

    def names_containing(self, secret: str) -> list[str]:
        return sorted(name for name, text in self.texts.items() if secret in text)


class Worker:
    """worker.php on one endpoint; stdout and stderr go to a log file that is read back into Output at stop."""

    def __init__(self, name: str, endpoint: Endpoint, task_queue: str, api_key: str, log: Path) -> None:
        self.name, self.log = name, log
        self.cmd = php_cmd(HERE / "worker.php", "--task-queue", task_queue, *endpoint.flags())
        self.env = _env(api_key)
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Worker":
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(self.cmd, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT)
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if "worker ready" in self.text():
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} worker exited ({self.proc.returncode}):\n{self.text()[-3000:]}")
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} worker not ready after {READY_TIMEOUT_S} s:\n{self.text()[-3000:]}")

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> int | None:
        """SIGTERM (a graceful shutdown); the exit code, or None if it had to be killed."""
        if self.proc is None:
            return None
        if self.proc.poll() is not None:
            return self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def activity_executions(self) -> dict[str, int]:
        """workflow id -> how many times its activity ran in this worker."""
        counts: dict[str, int] = {}
        for line in self.text().splitlines():
            if line.startswith("activity tls.greet workflow="):
                workflow_id = line.split("workflow=", 1)[1].split()[0]
                counts[workflow_id] = counts.get(workflow_id, 0) + 1
        return counts


def run_client(name: str, mode: str, endpoint: Endpoint, api_key: str, output: Output, timeout: float,
               *extra: str) -> dict:
    """client.php in one mode (run, probe); its JSON report (its last stdout line). Raises when it printed none."""
    cmd = php_cmd(HERE / "client.php", "--mode", mode, *endpoint.flags(), *extra)
    try:
        done = subprocess.run(cmd, env=_env(api_key), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        output.add(name, f"{e.stdout or ''}{e.stderr or ''}")
        raise RuntimeError(f"client {name} did not finish within {timeout} s") from e
    output.add(name, done.stdout + done.stderr)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"client {name} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])
