#!/usr/bin/env python3
"""`make stress`: runs each fault scenario (stress/scenarios/<name>.py) as a process of its own, in sequence,
and writes their verdicts to bench/results/stress.md (a table and the notes) and bench/results/stress.json.

    python3 stress/run.py [--scenarios restart,dropped_connections,shutdown,soak,tls] [--quick]

Each scenario prints its progress on stderr and, as its last stdout line, one JSON report (stress/README.md).
A scenario whose script does not exist yet is reported as missing. Exits 1 when any scenario is not ok or is
missing. Needs `make build` done; pins nothing itself (the scenarios place their processes).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STRESS = Path(__file__).resolve().parent
sys.path.insert(0, str(STRESS.parent))

from bench.harness import environment  # noqa: E402
from bench.harness.stats import markdown_table  # noqa: E402
from stress.harness.paths import RESULTS, ROOT  # noqa: E402

SCENARIOS = ("restart", "dropped_connections", "shutdown", "soak", "tls")
# Far above what each takes (see stress/README.md); `make stress` as a whole must stay under 30 minutes.
SCENARIO_TIMEOUT_S = 20 * 60
COLUMNS = ("workflows", "lost", "duplicated", "retried", "task_timeouts", "task_timeouts_attributed")


def log(msg: str) -> None:
    print(msg, flush=True)


def private_extension() -> Path:
    """A copy of the extension for this run, so a rebuild of build/ meanwhile cannot pull it away."""
    built = Path(os.environ.get("TEMPORAL_EXT_SO") or ROOT / "build/ext/modules/temporal.so")
    if not built.exists() or not (ROOT / "vendor/autoload.php").exists():
        sys.exit(f"stress: {built} or vendor/ is missing: run `make build` first")
    copy = Path(tempfile.mkdtemp(prefix="php-temporal-stress-ext.")) / "temporal.so"
    shutil.copy2(built, copy)
    return copy


def run_scenario(name: str, quick: bool, ext: Path) -> dict:
    script = STRESS / "scenarios" / f"{name}.py"
    if not script.exists():
        return {"scenario": name, "ok": False, "missing": True, "notes": [f"{script.relative_to(ROOT)} does not exist"]}
    cmd = [sys.executable, str(script)] + (["--quick"] if quick else [])
    started = time.monotonic()
    # stderr (progress) goes straight to the terminal; stdout is kept for the report line.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env={**os.environ, "TEMPORAL_EXT_SO": str(ext)})
    try:
        out, _ = proc.communicate(timeout=SCENARIO_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        return {"scenario": name, "ok": False, "seconds": round(time.monotonic() - started),
                "notes": [f"killed after {SCENARIO_TIMEOUT_S} s"]}
    seconds = round(time.monotonic() - started)
    lines = [line for line in out.splitlines() if line.strip()]
    try:
        report = json.loads(lines[-1])
    except (IndexError, ValueError):
        return {"scenario": name, "ok": False, "seconds": seconds,
                "notes": [f"exited {proc.returncode} without a report line; stdout: {out[-2000:]!r}"]}
    report["seconds"] = seconds
    if proc.returncode != 0 and report.get("ok"):
        report["ok"] = False
        report.setdefault("notes", []).append(f"exited {proc.returncode} with an ok report")
    return report


def cell(report: dict, column: str) -> str:
    if report.get("missing"):
        return "–"
    value = report.get(column)
    return "?" if value is None else str(value)


def markdown(reports: list[dict], quick: bool, wall: float, load_before: str) -> str:
    rows = [[r["scenario"], "missing" if r.get("missing") else ("ok" if r["ok"] else "FAILED")]
            + [cell(r, c) for c in COLUMNS] + [str(r.get("seconds", "–"))] for r in reports]
    table = markdown_table(["scenario", "verdict", "workflows", "lost", "duplicated", "retried", "task timeouts",
                            "attributed", "seconds"], rows)
    m = environment.machine()
    out = [f"# make stress{' --quick' if quick else ''}: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
           "", f"Machine: {m['nproc']} × {m['CPU']}, {m['RAM']}, kernel {m['kernel']}; load average before the "
           f"run {load_before}; whole run {wall / 60:.1f} min.", "", table, "",
           "lost = workflows that did not complete with the fault-free result; duplicated = executions repeated "
           "beyond the first (activities run again, signals sent again): what at-least-once delivery allows; "
           "retried = activity attempts after the first (histories); task timeouts = WorkflowTaskTimedOut events "
           "(every type); attributed = those the workers' activation logs explain (did the task reach PHP).", ""]
    for r in reports:
        out.append(f"## {r['scenario']}")
        out.append("")
        details = r.get("details") or {}
        if details:
            out.append("Details: " + ", ".join(f"{k} {json.dumps(v)}" for k, v in details.items()
                                               if not k.endswith("_list")))
            out.append("")
        out += [f"- {n}" for n in r.get("notes") or []] or ["- (no notes)"]
        out.append("")
    return "\n".join(out)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scenarios", default=",".join(SCENARIOS))
    p.add_argument("--quick", action="store_true", help="each scenario at its small sizes (a smoke run)")
    args = p.parse_args()
    names = [n for n in args.scenarios.split(",") if n]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        p.error(f"unknown scenarios {unknown}; known: {', '.join(SCENARIOS)}")
    ext = private_extension()
    started, reports, load_before = time.monotonic(), [], environment.load_average()
    try:
        for name in names:
            log(f"== stress scenario {name}{' (quick)' if args.quick else ''}")
            reports.append(run_scenario(name, args.quick, ext))
            r = reports[-1]
            log(f"== {name}: {'missing' if r.get('missing') else 'ok' if r['ok'] else 'FAILED'}"
                + "".join(f", {c} {r[c]}" for c in COLUMNS if c in r))
    finally:
        shutil.rmtree(ext.parent, ignore_errors=True)
    wall = time.monotonic() - started
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stress.md").write_text(markdown(reports, args.quick, wall, load_before))
    (RESULTS / "stress.json").write_text(json.dumps({"quick": args.quick, "seconds": round(wall),
                                                     "scenarios": reports}, indent=2) + "\n")
    log(f"wrote {(RESULTS / 'stress.md').relative_to(ROOT)} ({wall / 60:.1f} min)")
    return 0 if all(r["ok"] for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
