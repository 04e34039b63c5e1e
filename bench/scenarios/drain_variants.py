"""Two variants of the PHP worker draining the same backlog, compared in one run: what a worker option costs.

The drain scenario's cell (drain.py: a backlog of one-activity workflows drained by one worker process, CPU read
at both ends), PHP only, once per variant per rep on a fresh dev server; the variants alternate which goes first.
A variant is the extra flags of bench/workers/php_worker.php. The figure is the worker's CPU-s per 1,000
workflows, the second variant over the first, against a budget. The interceptors and metrics scenarios are two
such comparisons.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from harness.server import DevServer
from harness.stats import fmt_cell, fmt_ratio, markdown_table, median, ratio
from harness.workers import Tuning
from scenarios import drain


@dataclass
class Settings:
    workflows: int = 1000
    reps: int = 3
    tuning: Tuning = field(default_factory=Tuning)


@dataclass(frozen=True)
class Comparison:
    name: str
    variants: dict[str, tuple[str, ...]]  # exactly two: the baseline first
    budget: float  # the second's CPU per workflow over the first's, at most
    describes: str  # what the second variant adds, for the table's heading

    def orders(self, reps: int) -> list[tuple[str, ...]]:
        names = tuple(self.variants)
        return [names if rep % 2 == 0 else tuple(reversed(names)) for rep in range(reps)]

    def run(self, s: Settings, log=print) -> list[drain.Cell]:
        ds = drain.Settings(workflows=s.workflows, reps=s.reps, tuning=s.tuning)
        cells = []
        for rep, order in enumerate(self.orders(s.reps)):
            for variant in order:
                with DevServer() as server:
                    cells.append(asyncio.run(drain.measure(server.address, server.pid, f"php+{variant}", rep, ds,
                                                           log, self.variants[variant])))
        return cells

    def overhead(self, cells: list[drain.Cell]) -> float | None:
        """Median CPU-s per 1,000 workflows, the second variant over the first."""
        base, test = self.variants
        by = {v: [c.cpu_per_1k for c in cells if c.peer == f"php+{v}"] for v in (base, test)}
        if not all(by.values()):
            return None
        return ratio(median(by[test]), median(by[base]))

    def tables(self, cells: list[drain.Cell], s: Settings) -> str:
        rows = []
        for variant in self.variants:
            mine = [c for c in cells if c.peer == f"php+{variant}"]
            rows.append([variant, fmt_cell([c.per_second for c in mine]), fmt_cell([c.cpu_per_1k for c in mine]),
                         fmt_cell([c.peak_rss_mib for c in mine])])
        table = markdown_table(["PHP worker", "workflows/s", "CPU-s / 1k workflows", "peak RSS MiB"], rows)
        found = self.overhead(cells)
        verdict = "no figure" if found is None else ("within budget" if found <= self.budget else "OVER BUDGET")
        base, test = self.variants
        head = (f"### {self.name}: the drain of {s.workflows} one-activity workflows, PHP worker without and with "
                f"{self.describes}; {s.tuning.describe()}; median of {s.reps} (min–max)")
        note = (f"CPU-s per 1,000 workflows, {test} / {base}: {fmt_ratio(found)} (budget {self.budget:.2f}: "
                f"{verdict}). Validity and window as in the drain scenario. Where the dev server bounds the drain "
                "(a worker core busy well under 70 %), the worker's CPU per workflow moves with the rate the server "
                "allows, so the spread of each row can exceed the budget: then only an overhead wider than that "
                "spread shows.")
        return f"{head}\n\n{table}\n\n{note}\n"
