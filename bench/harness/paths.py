"""Where things are: the repository, the extension, the interpreters and the built Go worker."""

from __future__ import annotations

import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
EXT_SO = Path(os.environ.get("TEMPORAL_EXT_SO") or ROOT / "build/ext/modules/temporal.so")
PYTHON = os.environ.get("PYTHON") or sys.executable
PHP = os.environ.get("PHP_BIN") or "php"
GO_DIR = BENCH / "go"
GO_WORKER = GO_DIR / "bin/bench-go-worker"
RESULTS = BENCH / "results"

# The "php-lean" peer runs `php -n` (no php.ini, no conf.d: Debian's CLI ini loads 28 shared extensions, about
# 12.6 MiB of RSS, results/memory.md) plus only what a worker needs. pcntl (signals, the process pool's fork),
# json, hash and pcre are built into the php binary: `php -n -m` lists them.
LEAN_EXTENSIONS = (
    "protobuf",  # the native protobuf runtime: without it the SDK falls back to the pure-PHP one, 10x+ slower
    "ctype",     # ProcessPoolActivityExecutor's template process checks its arguments with ctype_digit()
    "posix",     # ProcessPoolActivityExecutor: process groups and signals for its activity processes
    "sockets",   # ProcessPoolActivityExecutor: hands each activity process its socket to the worker
)
# What Debian's php.ini (production) sets and `php -n` does not, where it changes what a worker does, so the two
# PHP peers differ in their extension set only: no memory limit (a worker's cache may hold more than 128M, the
# built-in default), assert() compiled out, no arguments kept in exceptions' traces.
LEAN_INI = ("memory_limit=-1", "zend.assertions=-1", "zend.exception_ignore_args=1")


def php_cmd(script: Path, *args: str, lean: bool = False) -> list[str]:
    """php running script with our extension: on the system's ini, or (lean) on `php -n` + LEAN_EXTENSIONS."""
    options = ["-n", *_defines(LEAN_INI), *_defines(f"extension={e}" for e in LEAN_EXTENSIONS)] if lean else []
    return [PHP, *options, "-d", f"extension={EXT_SO}", str(script), *args]


def _defines(settings) -> list[str]:
    return [flag for setting in settings for flag in ("-d", setting)]
