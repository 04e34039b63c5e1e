"""What every scenario script shares: its command line, its scratch directory, its log."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

_started = time.monotonic()


def log(msg: str) -> None:
    """Progress on stderr (stdout's last line is the report), with the seconds since the scenario started."""
    print(f"[{time.monotonic() - _started:6.1f} s] {msg}", file=sys.stderr, flush=True)


def parser(doc: str | None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes: a smoke run of the scenario")
    p.add_argument("--keep", action="store_true", help="keep the scratch directory (logs) and print its path")
    return p


class Scratch:
    """A directory for the scenario's logs and database, removed at the end unless kept (or on failure)."""

    def __init__(self, name: str, keep: bool):
        self.path = Path(tempfile.mkdtemp(prefix=f"php-temporal-stress-{name}."))
        self.keep = keep
        self.run_id = uuid.uuid4().hex[:8]

    def __enter__(self) -> "Scratch":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if self.keep or exc_type is not None:
            log(f"scratch directory kept: {self.path}")
        else:
            shutil.rmtree(self.path, ignore_errors=True)
