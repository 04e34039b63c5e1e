"""Medians, percentiles, spreads, ratios and the markdown tables the scenarios print."""

from __future__ import annotations

import math
from typing import Iterable, Sequence


def median(values: Iterable[float]) -> float:
    data = sorted(values)
    if not data:
        raise ValueError("median of no values")
    mid = len(data) // 2
    return data[mid] if len(data) % 2 else (data[mid - 1] + data[mid]) / 2


def percentile(values: Iterable[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation between closest ranks (numpy's default)."""
    data = sorted(values)
    if not data:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError("p must be within 0..100")
    rank = (len(data) - 1) * p / 100
    lo, hi = math.floor(rank), math.ceil(rank)
    return data[lo] + (data[hi] - data[lo]) * (rank - lo)


def spread_pct(values: Sequence[float]) -> float:
    """(max - min) / median, in percent: how far apart the repetitions of one cell are."""
    m = median(values)
    return 0.0 if m == 0 else (max(values) - min(values)) / abs(m) * 100


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt_num(value: float | None, digits: int = 3) -> str:
    """A figure with `digits` significant digits (no exponent for everyday magnitudes)."""
    if value is None:
        return "n/a"
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    return f"{value:.{decimals}f}"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def fmt_cell(values: Sequence[float], digits: int = 3) -> str:
    """The median of the repetitions and their range, e.g. "412 (398–421)"."""
    if not values:
        return "n/a"
    if len(values) == 1:
        return fmt_num(values[0], digits)
    return f"{fmt_num(median(values), digits)} ({fmt_num(min(values), digits)}–{fmt_num(max(values), digits)})"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(str(h))
              for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(r) for r in rows)
    return "\n".join(out)


def linear_fit(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """Least-squares slope and intercept of ys over xs."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys differ in length")
    if len(xs) < 2:
        raise ValueError("a fit needs at least 2 points")
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        raise ValueError("a fit needs at least 2 distinct xs")
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    return slope, my - slope * mx


def by_peer(cells: Iterable, keys: Iterable[str]) -> dict[str, dict[str, list[float]]]:
    """peer => figure => its values over the repetitions, from cells with a .peer and the keys as attributes."""
    keys = list(keys)
    out: dict[str, dict[str, list[float]]] = {}
    for c in cells:
        d = out.setdefault(c.peer, {})
        for key in keys:
            d.setdefault(key, []).append(getattr(c, key))
    return out
