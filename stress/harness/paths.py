"""Where things are, and the import path every scenario script sets up first."""

from __future__ import annotations

import os
import sys
from pathlib import Path

STRESS = Path(__file__).resolve().parent.parent
ROOT = STRESS.parent
WORKERS = STRESS / "workers"
RESULTS = ROOT / "bench/results"


def setup() -> None:
    """Puts the repository root first on sys.path, so `stress.harness` and `bench.harness` import."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def php_cmd(script: str, *args: str) -> list[str]:
    """php with the extension (run.py points TEMPORAL_EXT_SO at its private copy) running stress/workers/script."""
    from bench.harness import paths as bench_paths  # reads TEMPORAL_EXT_SO when first imported

    return [bench_paths.PHP, "-d", f"extension={os.environ.get('TEMPORAL_EXT_SO') or bench_paths.EXT_SO}",
            str(WORKERS / script), *args]
