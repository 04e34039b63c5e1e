#!/usr/bin/env python3
"""Where a PHP worker's memory goes: drives bench/memory/breakdown.php and prints the tables.

    scripts/with-dev-server.sh python3 bench/memory/breakdown.py [--variants base,opcache,jit,...]
        [--drain 1000] [--hold 1000] [--idle-settle 5] [--replay-reps 0] [--json FILE] [--output FILE]

Uses the server TEMPORAL_ADDRESS names (with-dev-server.sh exports it), else starts a dev server of its own.
Per variant (a PHP command line and environment, VARIANTS below), one worker process (breakdown.php --mode
worker: the drain peer's tuning, harness.workers.Tuning, pinned to CPU 1 as `make bench` runs it) is measured
from inside (Zend, classes, opcache) and through its own /proc/self/smaps at each step:
  start-up (bare PHP, autoloader, client, worker configured) → idle (polling, --idle-settle s after ready) →
  drained (--drain one-activity BenchMemory workflows started while it polls, all closed; `make bench`'s drain
  starts them before the worker) → H/5 then H runs held in the workflow cache (--hold) → released (all closed,
  the cache empty) → gc_mem_caches() → malloc_trim(0).
Then the classes mode (no server) loads the class lists the idle and drained workers had, every generated
class, and the descriptors of a first workflow activation in three parts, with opcache off and on. With
--replay-reps N, the replay scenario's histories (bench/scenarios/replay.py) are recorded once and replayed
N times per opcache setting, alternating. The whole default run takes about 20 minutes on 2 cores. Memory
figures hardly move with load; the replay's times do (2 cores shared with other work): read them as indications.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from temporalio.client import Client  # noqa: E402

from harness.paths import EXT_SO, PHP  # noqa: E402
from harness.server import DevServer  # noqa: E402
from harness.stats import fmt_num, markdown_table, median  # noqa: E402
from harness.workers import WORKER_CPU, Tuning, WorkerProcess  # noqa: E402
from scenarios import replay  # noqa: E402
from scenarios.drain import START_CONCURRENCY, wait_closed  # noqa: E402

SCRIPT = Path(__file__).resolve().parent / "breakdown.php"
OPCACHE = ["-d", "opcache.enable_cli=1"]
JIT = [*OPCACHE, "-d", "opcache.jit=tracing", "-d", "opcache.jit_buffer_size=64M"]
# Only what the worker needs (pcntl is built in): Debian's CLI loads 28 shared extensions and their libraries.
MINIMAL_EXTENSIONS = ["-n", "-d", "extension=protobuf", "-d", "extension=posix", "-d", "extension=sockets",
                      "-d", "extension=ffi"]
VARIANTS: dict[str, tuple[list[str], dict[str, str]]] = {  # name: (php flags, environment)
    "base": ([], {}),
    "opcache": (OPCACHE, {}),
    "jit": (JIT, {}),
    "arena1": ([], {"MALLOC_ARENA_MAX": "1"}),
    "arena2": ([], {"MALLOC_ARENA_MAX": "2"}),
    # Pinned to one CPU, Tokio starts one worker thread (it counts the CPUs it may run on); an unpinned worker
    # starts one per CPU. 4 forced threads show what each more costs.
    "tokio4": ([], {"TOKIO_WORKER_THREADS": "4"}),
    "tokio4-arena2": ([], {"TOKIO_WORKER_THREADS": "4", "MALLOC_ARENA_MAX": "2"}),
    # The Zend allocator off (every emalloc a malloc): its chunks keep freed pages, malloc_trim() returns them.
    "system-malloc": ([], {"USE_ZEND_ALLOC": "0"}),
    "minimal-ext": (MINIMAL_EXTENSIONS, {}),
    "combined": (MINIMAL_EXTENSIONS, {"MALLOC_ARENA_MAX": "2"}),  # the configuration-only savings together
}
KIB = 1024


def php_command(flags: list[str], *args: str) -> list[str]:
    return [PHP, *flags, "-d", f"extension={EXT_SO}", str(SCRIPT), *args]


class Probe:
    """The worker process and its snapshot file: command() asks for one snapshot and returns it."""

    def __init__(self, worker: WorkerProcess, out: Path):
        self.worker, self.out = worker, out

    def lines(self) -> list[dict]:
        text = self.out.read_text() if self.out.exists() else ""
        return [json.loads(line) for line in text.splitlines() if line.endswith("}")]

    def command(self, command: str, label: str, timeout: float = 20.0) -> dict:
        before = len(self.lines())
        Path(f"{self.out}.cmd").write_text(command)
        os.kill(self.worker.pid, signal.SIGUSR1)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            snaps = self.lines()
            if len(snaps) > before:
                snaps[-1]["label"] = label
                return snaps[-1]
            time.sleep(0.05)
        raise RuntimeError(f"no snapshot for {command!r} after {timeout} s:\n{self.worker.tail()}")

    def wait_held(self, n: int, timeout: float = 300.0) -> None:
        # Blocks the driver's event loop on purpose: nothing else of ours runs meanwhile.
        deadline = time.monotonic() + timeout
        while self.command("snapshot", "poll")["held"] < n:
            if time.monotonic() > deadline:
                raise RuntimeError(f"fewer than {n} runs held after {timeout} s")
            time.sleep(0.5)


async def start(client: Client, queue: str, ids: list[str], hold: bool) -> None:
    sem = asyncio.Semaphore(START_CONCURRENCY)

    async def one(wid: str) -> None:
        async with sem:
            await client.start_workflow("BenchMemory", hold, id=wid, task_queue=queue)

    await asyncio.gather(*(one(w) for w in ids))


async def release(client: Client, ids: list[str]) -> None:
    sem = asyncio.Semaphore(START_CONCURRENCY)

    async def one(wid: str) -> None:
        async with sem:
            await client.get_workflow_handle(wid).signal("release")

    await asyncio.gather(*(one(w) for w in ids))


def measure_variant(address: str, name: str, args: argparse.Namespace, workdir: Path) -> list[dict]:
    """Every snapshot of one variant's worker, start-up to malloc_trim(), each with its "label"."""
    flags, env = VARIANTS[name]
    t = Tuning()
    queue = f"memory-{name}-{uuid.uuid4().hex[:8]}"
    out = workdir / f"{name}.jsonl"
    cmd = php_command(flags, "--mode", "worker", "--out", str(out), "--address", address, "--task-queue", queue,
                      "--max-activities", str(t.max_activities), "--pollers", str(t.activity_pollers),
                      "--max-workflow-tasks", str(t.max_workflow_tasks), "--workflow-pollers", str(t.workflow_pollers),
                      "--max-cached-workflows", str(t.max_cached_workflows))
    saved = dict(os.environ)
    os.environ.update(env)  # WorkerProcess passes this process's environment on
    try:
        worker = WorkerProcess(f"memory-{name}", cmd, WORKER_CPU).start()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    probe = Probe(worker, out)
    try:
        steps = asyncio.run(_steps(address, queue, probe, args, workdir / name))
    finally:
        code = worker.stop()
    if code not in (0, None):
        raise RuntimeError(f"the {name} worker exited with {code}:\n{worker.tail()}")
    startup = [s for s in probe.lines() if "command" not in s]
    return startup + steps


async def _steps(address: str, queue: str, probe: Probe, args: argparse.Namespace, lists: Path) -> list[dict]:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:6]
    await asyncio.sleep(args.idle_settle)  # pollers connected, nothing to do
    steps = [probe.command(f"classes {lists}.idle", "idle")]
    drain_ids = [f"mem-{run}-d{i}" for i in range(args.drain)]
    await start(client, queue, drain_ids, hold=False)
    await wait_closed(client, queue, args.drain, timeout=600)
    await asyncio.sleep(1)
    steps.append(probe.command(f"classes {lists}.drained", f"drained {args.drain}"))
    hold_ids = [f"mem-{run}-h{i}" for i in range(args.hold)]
    started = 0
    for upto in (max(1, args.hold // 5), args.hold):  # two fillings: their difference is the slope per run
        await start(client, queue, hold_ids[started:upto], hold=True)
        started = upto
        probe.wait_held(upto)
        await asyncio.sleep(2)  # the last workflow tasks' completions sent
        steps.append(probe.command("snapshot", f"{upto} runs cached"))
    await release(client, hold_ids)
    await wait_closed(client, queue, args.drain + args.hold, timeout=600)
    await asyncio.sleep(1)
    steps.append(probe.command("snapshot", "released (cache empty)"))
    steps.append(probe.command("gc", "+ gc_mem_caches()"))
    steps.append(probe.command("trim", "+ malloc_trim(0)"))
    return steps


DELTAS = {  # name: path in a snapshot (bytes or kB as the source gives them; converted to MiB in the table)
    "zend_used": ("zend", "usage"), "zend_real": ("zend", "real"), "VmRSS": ("status", "VmRSS"),
    "RssAnon": ("status", "RssAnon"), "RssShmem": ("status", "RssShmem"), "opcache_used": ("opcache", "used_memory"),
}


def field(snap: dict, key: str) -> float:
    """MiB of one DELTAS figure (0 when absent, e.g. opcache off)."""
    section, name = DELTAS[key]
    value = (snap.get(section) or {}).get(name, 0)
    return value / KIB / KIB if section in ("zend", "opcache") else value / KIB


def after_minus(before: dict, after: dict, key: str) -> float:
    return field(after, key) - field(before, key)


def measure_classes(lists: dict[str, Path], workdir: Path) -> list[dict]:
    """The classes mode over each list, opcache off and on: per group, what loading it added."""
    rows = []
    for list_name, path in lists.items():
        for opcache in (False, True):
            out = workdir / f"classes-{list_name}-{int(opcache)}.jsonl"
            cmd = php_command(OPCACHE if opcache else [], "--mode", "classes", "--out", str(out), "--list", str(path))
            subprocess.run(["taskset", "-c", WORKER_CPU, *cmd], check=True)
            snaps = [json.loads(line) for line in out.read_text().splitlines()]
            for before, after in zip(snaps[1:], snaps[2:]):
                rows.append({"list": list_name, "opcache": opcache, "group": after["label"], "count": after["count"],
                             **{k: after_minus(before, after, k) for k in DELTAS}})
    return rows


def measure_replay(address: str, names: list[str], reps: int, workdir: Path, log) -> dict[str, list[dict]]:
    """The replay scenario's PHP replayer, once per rep per variant (alternating which goes first)."""
    s = replay.Settings()
    sets = {"php": workdir / "histories"}
    rec = asyncio.run(replay._record(address, "php", sets["php"], s, log))
    first = sorted(sets["php"].glob("*.json"))[0]
    single = replay.summarize_history(json.loads(first.read_text())).workflow_tasks
    tasks = {"php": rec.workflow_tasks, replay.SINGLE: single}
    original = replay.php_cmd
    out: dict[str, list[dict]] = {n: [] for n in names}
    try:
        for rep in range(reps):
            for name in names[rep % len(names):] + names[:rep % len(names)]:
                flags = VARIANTS[name][0]
                # The scenario builds its command with php_cmd(): the variant's flags go right after the binary.
                replay.php_cmd = lambda script, *a, f=flags: [PHP, *f, *original(script, *a)[1:]]
                log(f"  replay rep {rep + 1}, {name}:")
                process, runs = replay._replay("php", sets, tasks, s, log)
                out[name].append({"us_per_task": median(r.us_per_task for r in runs if r.recorder == "php"),
                                  "cpu_us_per_task": process.cpu_us_per_task, "peak_rss_mib": process.peak_rss_mib})
    finally:
        replay.php_cmd = original
    return out


# ---- tables ----

def mib(kib: float) -> str:
    return f"{kib / KIB:.1f}"


def category_rss(snap: dict, prefix: str) -> float:
    return sum(v["Rss"] for k, v in snap["maps"].items() if k.startswith(prefix))


def steps_table(snaps: list[dict]) -> str:
    rows = []
    for s in snaps:
        st, z, c, m = s["status"], s["zend"], s["classes"], s["maps"]
        fibers = m.get("anon: fiber stacks", {})
        oc = s.get("opcache") or {}
        rows.append([s["label"], mib(st["VmRSS"]), mib(st["VmHWM"]), mib(st["RssFile"]), mib(st["RssAnon"]),
                     mib(st["RssShmem"]), f"{z['usage'] / KIB / KIB:.1f}", f"{z['real'] / KIB / KIB:.1f}",
                     mib(category_rss(s, "ext temporal.so")), mib(category_rss(s, "anon: [heap]")),
                     mib(category_rss(s, "anon: malloc thread arenas")),
                     mib(category_rss(s, "anon: other")), f"{fibers.get('mappings', 0)} / {mib(fibers.get('Rss', 0))}",
                     f"{c['total']} ({c.get('gen_api', 0)}+{c.get('gen_metadata', 0)} gen)", str(st["Threads"]),
                     f"{oc.get('used_memory', 0) / KIB / KIB:.1f}" if oc else "off"])
    return markdown_table(["step", "VmRSS", "VmHWM", "RssFile", "RssAnon", "RssShmem", "Zend used", "Zend real",
                           "temporal.so RSS", "[heap]", "thread arenas", "other anon", "fibers n / RSS",
                           "classes (gen)", "threads", "opcache used"], rows)


def categories_table(results: dict[str, list[dict]], labels: tuple[str, ...]) -> str:
    picked = {(n, lab): next(s for s in snaps if s["label"].startswith(lab)) for n, snaps in results.items()
              for lab in labels}
    names = sorted({k for s in picked.values() for k in s["maps"]})
    rows = [[k, *(mib(picked[(n, lab)]["maps"].get(k, {}).get("Rss", 0)) for n in results for lab in labels)]
            for k in names]
    rows.append(["total (VmRSS)", *(mib(picked[(n, lab)]["status"]["VmRSS"]) for n in results for lab in labels)])
    return markdown_table(["smaps category (Rss MiB)", *(f"{n} {lab}" for n in results for lab in labels)], rows)


def variants_table(results: dict[str, list[dict]], args: argparse.Namespace) -> str:
    rows = []
    for name, snaps in results.items():
        by = {s["label"]: s for s in snaps}
        idle, drained = by["idle"], by[f"drained {args.drain}"]
        low, high = by[f"{max(1, args.hold // 5)} runs cached"], by[f"{args.hold} runs cached"]
        released, trimmed = by["released (cache empty)"], by["+ malloc_trim(0)"]
        n = args.hold - max(1, args.hold // 5)
        per_run = (high["status"]["VmRSS"] - low["status"]["VmRSS"]) / n
        zend_per_run = (high["zend"]["usage"] - released["zend"]["usage"]) / args.hold / KIB
        rows.append([name, mib(idle["status"]["VmRSS"]), mib(idle["status"]["RssFile"]), mib(idle["status"]["RssAnon"]),
                     mib(drained["status"]["VmHWM"]), mib(drained["status"]["VmRSS"]),
                     mib(high["status"]["VmRSS"]), f"{per_run:.1f}", f"{zend_per_run:.1f}",
                     mib(released["status"]["VmRSS"]), mib(trimmed["status"]["VmRSS"]), str(idle["status"]["Threads"])])
    return markdown_table(["variant", "idle VmRSS", "idle RssFile", "idle RssAnon", f"drain {args.drain} VmHWM",
                           "drained VmRSS", f"{args.hold} cached VmRSS", "KiB RSS / cached run (slope)",
                           "KiB Zend used / cached run", "released VmRSS", "after gc+trim VmRSS", "threads"], rows)


PER_RUN = [("Zend heap chunks", "anon: other"), ("fiber C stacks", "anon: fiber stacks"),
           ("malloc thread arenas (the core)", "anon: malloc thread arenas"), ("[heap]", "anon: [heap]")]


def per_run_table(results: dict[str, list[dict]], args: argparse.Namespace) -> str:
    """What one more cached run adds, by category: the slope between the two fillings of the cache."""
    low_n = max(1, args.hold // 5)
    rows = []
    for name, snaps in results.items():
        by = {s["label"]: s for s in snaps}
        low, high = by[f"{low_n} runs cached"], by[f"{args.hold} runs cached"]
        n = args.hold - low_n
        rows.append([name, *(f"{(category_rss(high, p) - category_rss(low, p)) / n:.1f}" for _, p in PER_RUN),
                     f"{(high['status']['VmRSS'] - low['status']['VmRSS']) / n:.1f}",
                     f"{(high['zend']['usage'] - low['zend']['usage']) / n / KIB:.1f}",
                     f"{(high['zend']['real'] - low['zend']['real']) / n / KIB:.1f}"])
    return markdown_table(["variant", *(label for label, _ in PER_RUN), "VmRSS", "Zend used", "Zend real"], rows)


def classes_table(rows: list[dict]) -> str:
    return markdown_table(["class list", "opcache", "group", "count", "Zend used", "Zend real", "VmRSS", "RssAnon",
                           "RssShmem", "opcache used"],
                          [[r["list"], "on" if r["opcache"] else "off", r["group"], str(r["count"]),
                            *(f"{r[k]:+.2f}" for k in DELTAS)] for r in rows])


def replay_table(results: dict[str, list[dict]]) -> str:
    rows = [[n, *(fmt_num(median(r[k] for r in runs)) + f" ({fmt_num(min(r[k] for r in runs))}–"
                  f"{fmt_num(max(r[k] for r in runs))})" for k in ("us_per_task", "cpu_us_per_task", "peak_rss_mib"))]
            for n, runs in results.items()]
    return markdown_table(["PHP replayer", "µs / workflow task", "/proc CPU µs / task", "peak RSS MiB"], rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated; empty: none")
    ap.add_argument("--drain", type=int, default=1000)
    ap.add_argument("--hold", type=int, default=1000)
    ap.add_argument("--idle-settle", type=float, default=5.0)
    ap.add_argument("--replay-reps", type=int, default=0, help="0: no replay measurement")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--output", type=Path)
    args = ap.parse_args()
    names = [n for n in args.variants.split(",") if n]
    unknown = set(names) - VARIANTS.keys()
    if unknown:
        ap.error(f"unknown variants {sorted(unknown)}; known: {', '.join(VARIANTS)}")
    server = None if os.environ.get("TEMPORAL_ADDRESS") else DevServer().start()
    address = os.environ.get("TEMPORAL_ADDRESS") or server.address
    workdir = Path(tempfile.mkdtemp(prefix="php-temporal-memory."))
    try:
        results = {}
        for name in names:
            print(f"variant {name} ...", flush=True)
            results[name] = measure_variant(address, name, args, workdir)
        lists = {"idle worker's": workdir / f"{names[0]}.idle", "drained worker's": workdir / f"{names[0]}.drained",
                 "all generated": Path("all-gen"),
                 "first activation's descriptors": Path("descriptors")} if names else {}
        classes = measure_classes(lists, workdir)
        replays = measure_replay(address, ["base", "opcache", "jit"], args.replay_reps, workdir,
                                 print) if args.replay_reps else {}
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    parts = [f"## variants (MiB unless said)\n\n{variants_table(results, args)}",
             f"## per cached run, KiB (the {args.hold // 5}→{args.hold} slope)\n\n{per_run_table(results, args)}",
             f"## smaps categories, idle and drained\n\n{categories_table(results, ('idle', 'drained'))}",
             *(f"## steps: {n}\n\n{steps_table(s)}" for n, s in results.items()),
             f"## classes (MiB added by each group, in a fresh process)\n\n{classes_table(classes)}"] if names else []
    if replays:
        parts.append(f"## replay (timings: 2 shared cores, indicative)\n\n{replay_table(replays)}")
    text = "\n\n".join(parts) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text)
    if args.json:
        args.json.write_text(json.dumps({"variants": results, "classes": classes, "replay": replays}, indent=1))


if __name__ == "__main__":
    main()
