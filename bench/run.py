#!/usr/bin/env python3
"""`make bench`: runs the benchmark scenarios, prints one table per scenario and writes them, with the
machine, the versions and the placement, to bench/results/latest.md (raw figures: latest.json).

    python3 bench/run.py [--scenarios client,eager,activities,drain,interceptors,metrics,explainer,latency,replay,soak,blocking,idle,cache_bytes]
        [--reps 3] [--quick] [--output bench/results/latest.md]
        [--workflows 75] [--activities-per-workflow 40] [--max-activities 100] [--pollers 5]
        [--latency 200] [--starts 1000]
        [--drain-workflows 1000] [--latency-rate 40] [--latency-seconds 8] [--latency-warmup 1]
        [--replay-histories 50] [--replay-reps 5] [--soak-workflows 10000] [--soak-batch 1000] [--soak-peers php]
        [--blocking-activities 1000] [--blocking-fibers-activities 100] [--blocking-concurrency 8,32]
        [--eager-rounds 200]
        [--idle-settle 5] [--cache-runs 20] [--cache-state-mib 5] [--cache-cap-mib 40] [--cache-peer php]

Needs `make build` done (the extension, gen/ and vendor/), the temporalio Python package and Go (the Go
worker in bench/go is built here when missing or older than its sources). Pins itself to CPU 0.
Exits 1 when a run is invalid (a failed workflow, a failed workflow or activity task, a worker that crashed).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import environment, paths  # noqa: E402
from harness.paths import EXT_SO, GO_DIR, GO_WORKER, RESULTS, ROOT  # noqa: E402
from harness.workers import PHP_PEERS, Tuning  # noqa: E402
from scenarios import (activities, blocking, cache_bytes, client, drain, drain_variants, eager,  # noqa: E402
                       explainer, idle, interceptors, latency, memory_targets, metrics, replay, replay_explainer,
                       soak)


SCENARIOS = ("client", "eager", "activities", "drain", "interceptors", "metrics", "explainer", "latency", "replay",
             "soak", "blocking", "idle", "cache_bytes")


def log(msg: str) -> None:
    print(msg, flush=True)


def build_go_worker() -> None:
    sources = [p for p in GO_DIR.iterdir() if p.suffix in (".go", ".mod", ".sum")]
    if GO_WORKER.exists() and GO_WORKER.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return
    log("building the Go worker (bench/go)")
    subprocess.run(["go", "build", "-o", str(GO_WORKER), "."], cwd=GO_DIR, check=True)


def preflight() -> Path:
    if (os.cpu_count() or 1) < 2:
        sys.exit("bench: needs at least 2 CPUs (the worker on CPU 1, everything else on CPU 0)")
    if not EXT_SO.exists() or not (ROOT / "vendor/autoload.php").exists():
        sys.exit(f"bench: {EXT_SO} or vendor/ is missing: run `make build` first")
    os.sched_setaffinity(0, {0})  # the driver, and everything it starts unless pinned elsewhere
    # Run a private copy of the extension, so a rebuild of build/ during the run cannot pull it away.
    copy = Path(tempfile.mkdtemp(prefix="php-temporal-bench-ext.")) / "temporal.so"
    shutil.copy2(EXT_SO, copy)
    paths.EXT_SO = copy
    return copy.parent


def blocking_settings(a: argparse.Namespace) -> blocking.Settings:
    return blocking.Settings(activities=a.blocking_activities, fibers_activities=a.blocking_fibers_activities,
                             concurrency=a.blocking_concurrency, pollers=a.pollers, reps=a.reps,
                             cost_processes=3 if a.quick else 10)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scenarios", default=",".join(SCENARIOS))
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--quick", action="store_true", help="1 repetition, small sizes: a smoke test")
    p.add_argument("--workflows", type=int, default=75)
    p.add_argument("--activities-per-workflow", type=int, default=40)
    p.add_argument("--max-activities", type=int, default=100)
    p.add_argument("--pollers", type=int, default=5)
    p.add_argument("--latency", type=int, default=200)
    p.add_argument("--starts", type=int, default=1000)
    p.add_argument("--drain-workflows", type=int, default=1000)
    p.add_argument("--latency-rate", type=float, default=40.0,
                   help="workflows/s offered in the latency scenario when the drain did not run in this "
                        "invocation (else 50%% of the slowest peer's drain rate)")
    p.add_argument("--latency-seconds", type=float, default=8.0)
    p.add_argument("--latency-warmup", type=float, default=1.0, help="seconds offered before the measured window")
    p.add_argument("--replay-histories", type=int, default=50, help="histories recorded per recorder (PHP, Python)")
    p.add_argument("--replay-reps", type=int, default=5, help="measured replays of every set, in one process each")
    p.add_argument("--soak-workflows", type=int, default=10_000)
    p.add_argument("--soak-batch", type=int, default=1_000, help="workflows per batch: one RSS sample after each")
    p.add_argument("--soak-peers", default="php", help="comma-separated: php, php-lean, python, go")
    p.add_argument("--blocking-activities", type=int, default=1000, help="blocking activities per cell")
    p.add_argument("--blocking-fibers-activities", type=int, default=100,
                   help="blocking activities per Fiber-executor cell (it runs them one at a time)")
    p.add_argument("--blocking-concurrency", default="8,32", help="comma-separated: concurrent activities N")
    p.add_argument("--eager-rounds", type=int, default=200, help="sequential starts per eager/plain run")
    p.add_argument("--idle-settle", type=float, default=5.0,
                   help="seconds the idle scenario's worker polls with no work between \"worker ready\" and its reading")
    p.add_argument("--cache-runs", type=int, default=20, help="runs started at once in the cache_bytes scenario")
    p.add_argument("--cache-state-mib", type=int, default=5, help="MiB of state each cache_bytes run holds")
    p.add_argument("--cache-cap-mib", type=int, default=40, help="the capped cache_bytes worker's byte cap, MiB")
    p.add_argument("--cache-peer", default="php", choices=PHP_PEERS, help="the cache_bytes scenario's PHP worker")
    p.add_argument("--output", type=Path, default=RESULTS / "latest.md",
                   help="the markdown report; the raw figures go beside it, with the suffix .json")
    a = p.parse_args()
    if a.quick:
        a.reps, a.workflows, a.activities_per_workflow, a.latency, a.starts = 1, 10, 20, 30, 50
        a.drain_workflows, a.latency_seconds, a.latency_warmup = 100, 3.0, 0.5
        a.replay_histories, a.replay_reps, a.soak_workflows, a.soak_batch = 10, 3, 500, 50
        a.blocking_activities, a.blocking_fibers_activities, a.blocking_concurrency = 100, 20, "8"
        a.eager_rounds = 30
        a.idle_settle, a.cache_runs = 2.0, 10
    scenarios = [s.strip() for s in a.scenarios.split(",") if s.strip()]
    unknown = set(scenarios) - set(SCENARIOS)
    if unknown:
        sys.exit(f"bench: unknown scenario(s) {', '.join(sorted(unknown))}")
    try:
        a.blocking_concurrency = tuple(int(x) for x in a.blocking_concurrency.split(",") if x.strip())
        blocking_settings(a).check()
    except ValueError as e:
        sys.exit(f"bench: {e} (--blocking-activities, --blocking-fibers-activities, --blocking-concurrency)")
    if min(a.cache_runs, a.cache_state_mib, a.cache_cap_mib) < 1 or a.idle_settle < 0:
        sys.exit("bench: --cache-runs, --cache-state-mib and --cache-cap-mib take a positive number, --idle-settle "
                 "seconds")
    a.soak_peers = tuple(x.strip() for x in a.soak_peers.split(",") if x.strip())
    if not a.soak_peers or set(a.soak_peers) - set(memory_targets.PEERS):
        sys.exit(f"bench: --soak-peers takes some of {', '.join(memory_targets.PEERS)}")

    ext_copy = preflight()
    try:
        return run(a, scenarios)
    finally:
        shutil.rmtree(ext_copy, ignore_errors=True)


def run(a: argparse.Namespace, scenarios: list[str]) -> int:
    build_go_worker()
    load_before = environment.load_average()
    started = time.monotonic()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sections, raw = [], {}

    def record(name: str, settings, section: str, **figures) -> None:
        sections.append(section)
        raw[name] = {"settings": dataclasses.asdict(settings), **figures}
        log("\n" + section)
        log(f"(scenario done at {time.monotonic() - started:.0f} s)")

    def asdicts(items) -> list[dict]:
        return [dataclasses.asdict(x) for x in items]

    try:
        if "client" in scenarios:
            cs = client.Settings(latency=a.latency, starts=a.starts, reps=a.reps)
            log(f"scenario client: {cs}")
            runs = client.run(cs, log)
            record("client", cs, client.tables(runs, cs), runs=asdicts(runs))
        if "eager" in scenarios:
            es = eager.Settings(rounds=a.eager_rounds, warmup=min(20, a.eager_rounds), reps=a.reps)
            log(f"scenario eager: {es}")
            eager_runs = eager.run(es, log)
            record("eager", es, eager.tables(eager_runs, es), runs=asdicts(eager_runs))
        if "activities" in scenarios:
            acs = activities.Settings(workflows=a.workflows, activities_per_workflow=a.activities_per_workflow,
                                      max_activities=a.max_activities, pollers=a.pollers, reps=a.reps)
            log(f"scenario activities: {acs}")
            cells = activities.run(acs, log)
            record("activities", acs, activities.tables(cells, acs), cells=asdicts(cells))
        drain_cells: list[drain.Cell] = []
        tuning = Tuning(max_activities=a.max_activities, activity_pollers=a.pollers)
        if "drain" in scenarios:
            ds = drain.Settings(workflows=a.drain_workflows, reps=a.reps, tuning=tuning)
            log(f"scenario drain: {ds}")
            drain_cells = drain.run(ds, log)
            record("drain", ds, drain.tables(drain_cells, ds), cells=asdicts(drain_cells))
        for comparison in (interceptors.SCENARIO, metrics.SCENARIO, explainer.SCENARIO):
            if comparison.name in scenarios:
                cs = drain_variants.Settings(workflows=a.drain_workflows, reps=a.reps, tuning=tuning)
                log(f"scenario {comparison.name}: {cs}")
                cells = comparison.run(cs, log)
                record(comparison.name, cs, comparison.tables(cells, cs), cells=asdicts(cells),
                       overhead=comparison.overhead(cells))
        if "latency" in scenarios:
            slowest = drain.slowest_ceiling(drain_cells)
            ls = latency.Settings(rate=latency.rate_from_drain(slowest, a.latency_rate), seconds=a.latency_seconds,
                                  warmup_seconds=a.latency_warmup, reps=a.reps, tuning=tuning)
            ls.rate_source = (f"{latency.RATE_FRACTION:.0%} of the slowest peer's median drain rate, "
                              f"{slowest:.1f}/s" if slowest else "fixed: --latency-rate, the drain did not run")
            log(f"scenario latency: {ls}")
            runs = latency.run(ls, log)
            record("latency", ls, latency.tables(runs, ls), runs=asdicts(runs))
        if "replay" in scenarios:
            rs = replay.Settings(histories=a.replay_histories, reps=a.replay_reps)
            log(f"scenario replay: {rs}")
            result = replay.run(rs, log)
            record("replay", rs, replay.tables(result, rs) + replay_explainer.section(result),
                   **dataclasses.asdict(result), explainer_overhead=replay_explainer.overhead(result),
                   explainer_fastest_overhead=replay_explainer.overhead(result, min))
        if "soak" in scenarios:
            ss = soak.Settings(workflows=a.soak_workflows, batch=a.soak_batch, peers=a.soak_peers, tuning=tuning)
            log(f"scenario soak: {ss}")
            soaks = soak.run(ss, log)
            record("soak", ss, soak.tables(soaks, ss), soaks=[
                {**dataclasses.asdict(k), "growth_per_1k": k.growth_per_1k, "verdict": soak.verdict(k.growth_per_1k)}
                for k in soaks])
        if "blocking" in scenarios:
            bs = blocking_settings(a)
            log(f"scenario blocking: {bs}")
            cells, costs = blocking.run(bs, log)
            record("blocking", bs, blocking.tables(cells, costs, bs), cells=asdicts(cells),
                   pool_costs=dataclasses.asdict(costs))
        if "idle" in scenarios:
            idle_settings = idle.Settings(reps=a.reps, settle_seconds=a.idle_settle, tuning=tuning)
            log(f"scenario idle: {idle_settings}")
            cells = idle.run(idle_settings, log)
            record("idle", idle_settings, idle.tables(cells, idle_settings), cells=asdicts(cells))
        if "cache_bytes" in scenarios:
            cache_settings = cache_bytes.Settings(runs=a.cache_runs, state_mib=a.cache_state_mib,
                                                  cap_mib=a.cache_cap_mib, reps=a.reps, peer=a.cache_peer,
                                                  tuning=tuning)
            log(f"scenario cache_bytes: {cache_settings}")
            cells = cache_bytes.run(cache_settings, log)
            record("cache_bytes", cache_settings, cache_bytes.tables(cells, cache_settings), cells=asdicts(cells))
    except activities.InvalidRun as e:
        log(f"bench: INVALID RUN: {e}")
        return 1

    elapsed = time.monotonic() - started
    machine, versions = environment.machine(), environment.versions()
    lines = [f"# php-temporal benchmarks ({when}, {elapsed:.0f} s)", "",
             "Only the ratios of one run mean anything: peers share one noisy machine. A difference smaller "
             "than the spread is no difference.", "", "## Machine", ""]
    lines += [f"- {k}: {v}" for k, v in machine.items()]
    lines += [f"- load average (1/5/15 min) before: {load_before}, after: {environment.load_average()} "
              "(anything above what this run adds is another tenant of the box)"]
    lines += ["", "## Versions", ""] + [f"- {k}: {v}" for k, v in versions.items()]
    lines += ["", "## Placement", ""] + [f"- {x}" for x in environment.placement()]
    lines += ["", "## Results", ""] + sections
    a.output.parent.mkdir(parents=True, exist_ok=True)
    a.output.write_text("\n".join(lines))
    a.output.with_suffix(".json").write_text(json.dumps(
        {"when": when, "seconds": elapsed, "machine": machine, "versions": versions, **raw}, separators=(",", ":")))
    log(f"bench: {elapsed:.0f} s; wrote {a.output.relative_to(ROOT) if a.output.is_relative_to(ROOT) else a.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
