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


def php_cmd(script: Path, *args: str) -> list[str]:
    return [PHP, "-d", f"extension={EXT_SO}", str(script), *args]
