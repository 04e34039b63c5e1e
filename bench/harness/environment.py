"""The machine, the versions and the placement, for the header of bench/results/latest.md."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from importlib import metadata

from . import paths
from .paths import GO_WORKER, PHP, ROOT


def _run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unknown ({e})"


def cpu_model() -> str:
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def ram_gib() -> float:
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    return 0.0


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine() -> dict[str, str]:
    return {
        "nproc": str(os.cpu_count()),
        "CPU": cpu_model(),
        "RAM": f"{ram_gib():.1f} GiB",
        "kernel": platform.release(),
    }


def versions() -> dict[str, str]:
    ext = _run([PHP, "-d", f"extension={paths.EXT_SO}", "--ri", "temporal"])
    ext_version = re.search(r"extension version => (.+)", ext)
    bridge_version = re.search(r"bridge version => (.+)", ext)
    go_sdk = re.search(r"go\.temporal\.io/sdk\s+(\S+)", _run(["go", "version", "-m", str(GO_WORKER)]))
    cli = _run([_run([str(ROOT / "scripts/temporal-cli.sh")]), "--version"])
    commit = _run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = _run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"])
    return {
        "php-temporal": commit + (" (+ uncommitted changes)" if dirty else ""),
        "PHP": _run([PHP, "-r", "echo PHP_VERSION;"]),
        "ext": ext_version.group(1) if ext_version else "unknown",
        "bridge": bridge_version.group(1) if bridge_version else "unknown",
        "temporalio (Python)": f"{metadata.version('temporalio')} on Python {platform.python_version()}",
        "Go SDK": f"{go_sdk.group(1) if go_sdk else 'unknown'} ({_run(['go', 'env', 'GOVERSION'])})",
        "server/CLI": cli.removeprefix("temporal version "),
    }


def placement() -> list[str]:
    return [
        "CPU 0: the dev server (in-memory `temporal server start-dev --headless`), the driver (bench/run.py and "
        "the client processes; in drain and latency the starts, from bench/run.py itself), and in the activities "
        "scenario the Python workflow worker hosting BenchFanOut",
        "CPU 1: the worker under test (`taskset -c 1`), run directly so its PID is the worker's: "
        "activities — the PHP / Python / Go activity worker; drain and latency — the PHP / Python / Go worker "
        "hosting BenchOneActivity and its activity in one process; client — the one Python SDK worker hosting "
        "BenchEcho; replay — the PHP / Python worker recording the BenchReplay histories, then, with no server, "
        "the PHP / Python replaying process; soak — the one worker hosting BenchOneActivity",
        "a fresh dev server per activities, drain and latency cell (peer × repetition, peers in a rotated order); "
        "one server for the client scenario, one for the replay scenario's recording (stopped before the replays), "
        "one per soak peer; servers are in-memory and stopped with SIGKILL",
        "CPU-s = utime+stime of /proc/<pid>/stat (all threads) at both ends of the window; peak RSS = VmHWM",
    ]
