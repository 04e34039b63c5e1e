"""Scenario "interceptors": what registering interceptors costs a worker.

The drain scenario's cell (bench/scenarios/drain.py: a backlog of one-activity workflows drained by one
worker process, CPU read at both ends), PHP only, in two variants on the same machine in the same run:
"plain", and "intercepted", whose worker gets the --interceptors flag of bench/workers/php_worker.php — no-op
interceptors of every workflow and activity hook on its client and again on its worker options, so every
workflow, activity and timer call passes through two of them. The figure is the worker's CPU-s
per 1,000 workflows, intercepted over plain: issue 14 allows at most 1.05. The variants alternate first.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from harness.server import DevServer
from harness.stats import fmt_cell, fmt_ratio, markdown_table, median, ratio
from harness.workers import Tuning
from scenarios import drain

VARIANTS = {"plain": (), "intercepted": ("--interceptors",)}
BUDGET = 1.05  # intercepted CPU per workflow over plain, at most


@dataclass
class Settings:
    workflows: int = 1000
    reps: int = 3
    tuning: Tuning = field(default_factory=Tuning)


def orders(reps: int) -> list[tuple[str, ...]]:
    names = tuple(VARIANTS)
    return [names if rep % 2 == 0 else tuple(reversed(names)) for rep in range(reps)]


def run(s: Settings, log=print) -> list[drain.Cell]:
    ds = drain.Settings(workflows=s.workflows, reps=s.reps, tuning=s.tuning)
    cells = []
    for rep, order in enumerate(orders(s.reps)):
        for variant in order:
            with DevServer() as server:
                cells.append(asyncio.run(drain.measure(server.address, server.pid, f"php+{variant}", rep, ds, log,
                                                       VARIANTS[variant])))
    return cells


def overhead(cells: list[drain.Cell]) -> float | None:
    """Median CPU-s per 1,000 workflows, intercepted over plain."""
    by = {v: [c.cpu_per_1k for c in cells if c.peer == f"php+{v}"] for v in VARIANTS}
    if not all(by.values()):
        return None
    return ratio(median(by["intercepted"]), median(by["plain"]))


def tables(cells: list[drain.Cell], s: Settings) -> str:
    rows = []
    for variant in VARIANTS:
        mine = [c for c in cells if c.peer == f"php+{variant}"]
        rows.append([variant, fmt_cell([c.per_second for c in mine]), fmt_cell([c.cpu_per_1k for c in mine]),
                     fmt_cell([c.peak_rss_mib for c in mine])])
    table = markdown_table(["PHP worker", "workflows/s", "CPU-s / 1k workflows", "peak RSS MiB"], rows)
    found = overhead(cells)
    verdict = "no figure" if found is None else ("within budget" if found <= BUDGET else "OVER BUDGET")
    head = (f"### interceptors: the drain of {s.workflows} one-activity workflows, PHP worker without and with two "
            f"no-op interceptors (client + worker); {s.tuning.describe()}; median of {s.reps} (min–max)")
    note = (f"CPU-s per 1,000 workflows, intercepted / plain: {fmt_ratio(found)} (budget {BUDGET:.2f}: {verdict}). "
            "Validity and window as in the drain scenario. Where the dev server bounds the drain (a worker core "
            "busy well under 70 %), the worker's CPU per workflow moves with the rate the server allows, so the "
            "spread of each row can exceed the budget: then only an overhead wider than that spread shows.")
    return f"{head}\n\n{table}\n\n{note}\n"
