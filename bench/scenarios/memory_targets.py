"""Issue 18's memory targets, and the peers they compare: both PHP configurations beside Python and Go.

"php" runs on Debian's CLI ini (28 shared extensions); "php-lean" on `php -n` with only the extensions a worker
needs (harness.paths.LEAN_EXTENSIONS). results/memory.md measured the difference at about 12.6 MiB of RSS, idle
and at the drain's peak: the targets are met or missed by configuration alone, so both are reported.
"""

from __future__ import annotations

from harness.paths import LEAN_EXTENSIONS
from harness.stats import fmt_num
from harness.workers import PHP_PEERS
from scenarios import activities

PEERS = ("php", "php-lean", "python", "go")
PEER_LABEL = {**activities.PEER_LABEL, "php-lean": "PHP lean ext. set (ours)"}
# The PHP peers' names in a ratio table's headers: the column of the figure, then of its ratios.
SHORT_NAME = {"php": ("PHP", "PHP"), "php-lean": ("PHP lean", "lean")}

# For the tables' notes: what tells the two PHP peers apart.
LEAN_NOTE = (f"PHP lean: the same worker on `php -n` with only {', '.join(LEAN_EXTENSIONS)} and ours loaded "
             "(harness.paths.LEAN_EXTENSIONS); PHP: Debian's CLI ini as installed (28 shared extensions).")

IDLE_TARGET_MIB = 40.0  # the worker's VmRSS once idle (polling, no work), at most
DRAIN_PEAK_TARGET = 0.7  # PHP's drain peak RSS over Python's, at most


def peer_orders(reps: int, peers: tuple[str, ...] = PEERS) -> list[tuple[str, ...]]:
    """A different peer order per repetition (rotations, then reversed rotations), as activities.peer_orders."""
    rotations = [peers[i:] + peers[:i] for i in range(len(peers))]
    orders = rotations + [tuple(reversed(r)) for r in rotations]
    return [orders[i % len(orders)] for i in range(reps)]


def verdict(met: bool | None) -> str:
    return "no figure" if met is None else ("met" if met else "NOT met")


def idle_targets(idle_mib: dict[str, float]) -> str:
    """The target line of the idle scenario: each PHP peer's median idle VmRSS against IDLE_TARGET_MIB."""
    parts = [f"{SHORT_NAME[p][0]} {fmt_num(idle_mib[p])} MiB {verdict(idle_mib[p] <= IDLE_TARGET_MIB)}"
             for p in PHP_PEERS if p in idle_mib]
    return f"Targets (issue 18): idle RSS ≤ {IDLE_TARGET_MIB:g} MiB: " + ("; ".join(parts) or "no PHP figure")


def drain_peak_targets(peak_mib: dict[str, float]) -> str:
    """The target line of the drain scenario: each PHP peer's median peak RSS over Python's."""
    python = peak_mib.get("python")
    parts = []
    for p in (p for p in PHP_PEERS if p in peak_mib):
        share = None if not python else peak_mib[p] / python
        shown = "n/a" if share is None else f"{share:.3f}x"  # fmt_ratio's 2 decimals would print 0.703 as "0.70x"
        parts.append(f"{SHORT_NAME[p][0]} {shown} {verdict(None if share is None else share <= DRAIN_PEAK_TARGET)}")
    return (f"Targets (issue 18): drain peak RSS ≤ {DRAIN_PEAK_TARGET:g}× Python's: "
            + ("; ".join(parts) or "no PHP figure"))
