"""A fresh in-memory dev server per measurement, through scripts/dev-server.sh, pinned to CPU 0."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Sequence

from .paths import ROOT

DEV_SERVER = ROOT / "scripts/dev-server.sh"
SERVER_CPU = "0"


def _alive(pid: int) -> bool:
    """True while pid exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


class DevServer:
    def __init__(self, extra_flags: Sequence[str] = ()) -> None:
        self.state_dir = Path(tempfile.mkdtemp(prefix="php-temporal-bench-server."))
        self.extra_flags = list(extra_flags)  # more `temporal server start-dev` flags
        self.address = ""
        self.pid = 0

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("TEMPORAL_ADDRESS", None)  # always our own server, never an external one
        env.pop("TEMPORAL_UI", None)
        return env

    def start(self) -> "DevServer":
        out = subprocess.run(
            ["taskset", "-c", SERVER_CPU, str(DEV_SERVER), "start", "--state-dir", str(self.state_dir),
             *(["--", *self.extra_flags] if self.extra_flags else [])],
            env=self._env(), check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ).stdout
        for line in out.splitlines():
            if line.startswith("TEMPORAL_ADDRESS="):
                self.address = line.split("=", 1)[1].strip()
        if not self.address:
            raise RuntimeError(f"dev-server.sh printed no address: {out!r}")
        self.pid = int((self.state_dir / "server.pid").read_text().strip())
        return self

    def stop(self) -> None:
        # In-memory state, nothing to keep: SIGKILL its own process group (setsid by dev-server.sh) instead of
        # the script's graceful SIGTERM, which takes ~3 s per server; the script then only cleans up.
        if self.pid:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and _alive(self.pid):
                time.sleep(0.05)
        subprocess.run([str(DEV_SERVER), "stop", "--state-dir", str(self.state_dir)], env=self._env(),
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.state_dir, ignore_errors=True)

    def __enter__(self) -> "DevServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
