"""Scenario "replay": the same recorded histories replayed, with no server, by our WorkflowReplayer and by the
Python SDK's Replayer; µs per workflow task. Ours runs twice, with and without the non-determinism explainer
("php-noexplain"; the comparison: replay_explainer.py).

Recording (not measured): one dev server (CPU 0); the PHP worker (`php_worker.php --role replay`, CPU 1) runs N
BenchReplay workflows (5 sequential no-op activities, one 0.1 s timer, 5 more: 12 workflow tasks), then the
Python worker (`python_worker.py --role replay`) runs N more; this driver exports every history with the Python
SDK client (`WorkflowHistory.to_json()`, the proto3 JSON that `temporal workflow show --output json` writes too)
into one directory per recorder, checks each is clean (completed, no failed or timed-out task) and counts its
workflow tasks (WorkflowTaskCompleted events). The server is then stopped.

Replay: one fresh process per replayer (bench/replay/php_replay.php, bench/replay/python_replay.py), pinned to
CPU 1 like the workers, replays both sets (the PHP-recorded and the Python-recorded histories: the two
implementations emit the same commands, so each SDK replays the other's histories too). It parses the JSON, runs
the negative control (one history against BenchReplayChanged, the timer moved first: it must be reported
non-deterministic), replays every set once as a warm-up, prints "ready" and waits; this driver reads the
process's utime+stime from /proc and lets it run the measured loop (every set, K times), timing each replay call
inside the process; at "done" /proc is read again, with VmHWM. The replayers run one after the other (REPLAYERS).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from temporalio.api.enums.v1 import EventType
from temporalio.client import Client

from harness import proc
from harness.paths import BENCH, PYTHON, php_cmd
from harness.server import DevServer
from harness.stats import fmt_cell, fmt_num, fmt_ratio, markdown_table, median, ratio
from harness.workers import WORKER_CPU, WorkerProcess, replay_worker_command
from scenarios.activities import InvalidRun

WORKFLOW = "BenchReplay"
RECORDERS = ("php", "python")  # whose worker recorded a set of histories
REPLAYERS = ("php", "php-noexplain", "python")  # run in this order
REPLAYER_LABEL = {"php": "PHP WorkflowReplayer (ours)", "php-noexplain": "PHP WorkflowReplayer (ours), explainer off",
                  "python": "Python SDK Replayer"}
EXPLAINER = {"php": True, "php-noexplain": False}  # our replayers: whether the non-determinism explainer is on
RECORDER_LABEL = {"php": "PHP-recorded", "python": "Python-recorded"}
SINGLE = "single"  # the replay programs' extra set: the first history of the first set alone, one call
CLEAN_WORKFLOW_TASKS = 12  # 10 activity completions + 1 timer + the first task
START_CONCURRENCY = 50
BAD_EVENTS = {
    "EVENT_TYPE_WORKFLOW_TASK_FAILED",
    "EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT",
    "EVENT_TYPE_ACTIVITY_TASK_FAILED",
    "EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT",
}


@dataclass
class Settings:
    histories: int = 50  # per recorder
    reps: int = 5  # measured replays of every set, in one process per replayer
    warmup_reps: int = 1
    timeout: float = 300.0  # per recording and per replay process


@dataclass
class Recording:
    recorder: str
    histories: int
    workflow_tasks: int  # WorkflowTaskCompleted events over the set
    events: int
    seconds: float  # to run the set on the dev server (start of the first to the last result): not a figure


@dataclass
class Rep:
    """One measured replay call over one set of histories, timed inside the replaying process."""
    replayer: str
    recorder: str
    rep: int
    histories: int
    workflow_tasks: int
    seconds: float
    cpu_seconds: float  # in-process: getrusage (PHP) / time.process_time (Python), every thread

    @property
    def us_per_task(self) -> float:
        return self.seconds / self.workflow_tasks * 1e6

    @property
    def us_per_history(self) -> float:
        return self.seconds / self.histories * 1e6

    @property
    def cpu_us_per_task(self) -> float:
        return self.cpu_seconds / self.workflow_tasks * 1e6


@dataclass
class Process:
    """One replaying process, measured from outside over its measured loop (every set, every rep)."""
    replayer: str
    startup_seconds: float  # spawn to "ready": interpreter, JSON parsing, the control, the warm-up (not measured)
    parse_seconds: float  # of every history, inside the process
    window_seconds: float  # "go" to "done"
    cpu_seconds: float  # /proc utime+stime over the window
    workflow_tasks: int  # replayed in the window
    peak_rss_mib: float
    control_detected: bool

    @property
    def cpu_us_per_task(self) -> float:
        return self.cpu_seconds / self.workflow_tasks * 1e6

    @property
    def busy(self) -> float:
        return self.cpu_seconds / self.window_seconds if self.window_seconds > 0 else 0.0


@dataclass
class Result:
    recordings: list[Recording] = field(default_factory=list)
    processes: list[Process] = field(default_factory=list)
    reps: list[Rep] = field(default_factory=list)


# ---- histories (pure) ----

def event_type_name(event: dict) -> str:
    """EVENT_TYPE_... of one event of a history's JSON: proto3 JSON writes the enum's name, older CLI exports
    a short "WorkflowTaskCompleted", a JSON without enum names its number."""
    value = event.get("eventType", "")
    if isinstance(value, int):
        return EventType.Name(value)
    if value.startswith("EVENT_TYPE_"):
        return value
    snake = "".join("_" + c if c.isupper() and i else c for i, c in enumerate(value)).upper()
    return f"EVENT_TYPE_{snake}"


@dataclass
class HistorySummary:
    events: int
    workflow_tasks: int
    problems: list[str]


def summarize_history(doc: dict) -> HistorySummary:
    """Counts the workflow tasks (WorkflowTaskCompleted) of one history and names what makes it unclean."""
    names = [event_type_name(e) for e in doc.get("events", [])]
    problems = sorted({n for n in names if n in BAD_EVENTS})
    if not names or names[-1] != "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED":
        problems.append(f"ends with {names[-1] if names else 'no event'}")
    return HistorySummary(len(names), names.count("EVENT_TYPE_WORKFLOW_TASK_COMPLETED"), problems)


def read_event(lines, name: str) -> dict:
    """The first JSON line {"event": name, ...} of a replay process's stdout (other lines are skipped)."""
    for line in lines:
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            doc = json.loads(line)
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("event") == name:
            return doc
    raise EOFError(f'no "{name}" line')


# ---- recording ----

async def _record(address: str, recorder: str, out: Path, s: Settings, log) -> Recording:
    client = await Client.connect(address)
    run = uuid.uuid4().hex[:8]
    queue = f"bench-replay-{recorder}-{run}"
    ids = [f"replay-{recorder}-{run}-{i:04d}" for i in range(s.histories)]
    sem = asyncio.Semaphore(START_CONCURRENCY)

    async def one(wid: str) -> None:
        async with sem:
            await client.execute_workflow(WORKFLOW, id=wid, task_queue=queue,
                                          execution_timeout=timedelta(seconds=s.timeout))

    with WorkerProcess(f"{recorder}-recorder", replay_worker_command(recorder, address, queue), WORKER_CPU) as worker:
        t = time.perf_counter()
        results = await asyncio.gather(*(one(w) for w in ids), return_exceptions=True)
        seconds = time.perf_counter() - t
        failed = [(w, r) for w, r in zip(ids, results) if isinstance(r, BaseException)]
        if failed:
            raise InvalidRun(f"{len(failed)} of {len(ids)} BenchReplay workflows on the {recorder} worker failed, "
                             f"e.g. {failed[0][0]}: {failed[0][1]!r}")
        code = worker.stop()
        if code not in (0, None):
            raise InvalidRun(f"{recorder} recorder exited with {code} on SIGTERM:\n{worker.tail()}")

    out.mkdir(parents=True)
    tasks = events = 0
    for wid in ids:
        text = (await client.get_workflow_handle(wid).fetch_history()).to_json()
        summary = summarize_history(json.loads(text))
        if summary.problems:
            raise InvalidRun(f"history {wid} recorded by the {recorder} worker is not clean: "
                             + ", ".join(summary.problems))
        tasks, events = tasks + summary.workflow_tasks, events + summary.events
        (out / f"{wid}.json").write_text(text)
    rec = Recording(recorder, len(ids), tasks, events, seconds)
    log(f"  replay: recorded {rec.histories} histories on the {recorder} worker in {seconds:.1f} s, "
        f"{tasks / rec.histories:.1f} workflow tasks and {events / rec.histories:.1f} events each")
    return rec


# ---- replaying ----

def replayer_command(replayer: str, sets: dict[str, Path], reps: int, warmup: int) -> list[str]:
    args = [f"--reps={reps}", f"--warmup={warmup}", *(f"{name}={d}" for name, d in sets.items())]
    if replayer == "php":
        return php_cmd(BENCH / "replay/php_replay.php", *args)
    if replayer == "php-noexplain":
        return php_cmd(BENCH / "replay/php_replay.php", "--no-explainer", *args)
    if replayer == "python":
        return [PYTHON, str(BENCH / "replay/python_replay.py"), *args]
    raise ValueError(replayer)


def _replay(replayer: str, sets: dict[str, Path], tasks: dict[str, int], s: Settings,
            log) -> tuple[Process, list[Rep]]:
    stderr = Path(tempfile.mkstemp(prefix=f"php-temporal-bench-replay-{replayer}.", suffix=".log")[1])

    def tail() -> str:
        return "\n".join(stderr.read_text(errors="replace").splitlines()[-30:])

    spawned = time.perf_counter()
    with open(stderr, "w") as err:
        p = subprocess.Popen(["taskset", "-c", WORKER_CPU, *replayer_command(replayer, sets, s.reps, s.warmup_reps)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True)
    watchdog = threading.Timer(s.timeout, p.kill)
    watchdog.start()
    try:
        try:
            ready = read_event(p.stdout, "ready")
            startup = time.perf_counter() - spawned
            if os.sched_getaffinity(p.pid) != {int(WORKER_CPU)}:
                raise InvalidRun(f"the {replayer} replayer runs on CPUs {os.sched_getaffinity(p.pid)}")
            cpu0, t0 = proc.cpu_seconds(p.pid), time.perf_counter()
            p.stdin.write("go\n")
            p.stdin.flush()
            done = read_event(p.stdout, "done")
            t1, cpu1 = time.perf_counter(), proc.cpu_seconds(p.pid)
            peak = proc.peak_rss_mib(p.pid)
        except (EOFError, OSError) as e:
            raise InvalidRun(f"the {replayer} replayer stopped early ({e}, exit {p.poll()}):\n{tail()}") from None
        p.stdin.close()
        code = p.wait(30)
        if code != 0:
            raise InvalidRun(f"the {replayer} replayer exited with {code}:\n{tail()}")
    finally:
        watchdog.cancel()
        if p.poll() is None:
            p.kill()
            p.wait()

    expected = {name: len(list(d.glob("*.json"))) for name, d in sets.items()}
    if ready["histories"] != expected:
        raise InvalidRun(f"the {replayer} replayer read {ready['histories']} histories, not {expected}")
    if ready["warmup_failures"]:
        raise InvalidRun(f"the {replayer} replayer failed to replay: {ready['warmup_failures'][0]}")
    if not ready["control_detected"]:
        raise InvalidRun(f"the {replayer} replayer did not report the changed workflow (the negative control) "
                         "as non-deterministic: its replays prove nothing")
    if replayer in EXPLAINER and {ready.get("explainer"), ready.get("control_explained")} != {EXPLAINER[replayer]}:
        raise InvalidRun(f"the {replayer} replayer ran with the explainer {ready.get('explainer')} and explained the "
                         f"control {ready.get('control_explained')}: expected {EXPLAINER[replayer]} for both")
    reps = []
    for r in done["runs"]:
        if r["failures"]:
            raise InvalidRun(f"the {replayer} replayer failed {r['failures']} of {r['histories']} "
                             f"{r['set']} histories, e.g. {r['failure']}")
        reps.append(Rep(replayer, r["set"], r["rep"], r["histories"], tasks[r["set"]], r["seconds"],
                        r["cpu_seconds"]))
    stderr.unlink(missing_ok=True)
    process = Process(replayer, startup, ready["parse_seconds"], t1 - t0, cpu1 - cpu0,
                      sum(r.workflow_tasks for r in reps), peak, ready["control_detected"])
    per_set = ", ".join(f"{RECORDER_LABEL[k]} {median(r.us_per_task for r in reps if r.recorder == k):.0f}"
                        for k in sets)
    single = median(r.seconds for r in reps if r.recorder == SINGLE) * 1e3
    log(f"  replay {replayer}: µs / workflow task {per_set}; one history alone {single:.1f} ms; /proc {process.cpu_us_per_task:.0f} CPU-µs / task, "
        f"busy {process.busy:.0%}, peak RSS {peak:.1f} MiB; ready after {startup:.1f} s "
        f"(parse {process.parse_seconds:.2f} s)")
    return process, reps


def run(s: Settings, log=print) -> Result:
    result = Result()
    workdir = Path(tempfile.mkdtemp(prefix="php-temporal-bench-histories."))
    try:
        sets = {recorder: workdir / recorder for recorder in RECORDERS}
        with DevServer() as server:
            for recorder in RECORDERS:
                result.recordings.append(asyncio.run(_record(server.address, recorder, sets[recorder], s, log)))
        tasks = {r.recorder: r.workflow_tasks for r in result.recordings}
        first = sorted(sets[RECORDERS[0]].glob("*.json"))[0]
        tasks[SINGLE] = summarize_history(json.loads(first.read_text())).workflow_tasks
        for replayer in REPLAYERS:  # the server is gone: nothing else of ours runs now
            process, reps = _replay(replayer, sets, tasks, s, log)
            result.processes.append(process)
            result.reps.extend(reps)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


# ---- tables ----

def _reps(result: Result, replayer: str, recorder: str) -> list[Rep]:
    return [r for r in result.reps if r.replayer == replayer and r.recorder == recorder]


def tables(result: Result, s: Settings) -> str:
    recorders = [r.recorder for r in result.recordings]
    rows = []
    for replayer in REPLAYERS:
        for recorder in recorders:
            reps = _reps(result, replayer, recorder)
            if reps:
                rows.append([REPLAYER_LABEL[replayer], RECORDER_LABEL[recorder],
                             fmt_cell([r.us_per_task for r in reps]), fmt_cell([r.us_per_history for r in reps]),
                             fmt_cell([r.cpu_us_per_task for r in reps])])
        reps = _reps(result, replayer, SINGLE)
        if reps and recorders:
            rows.append([REPLAYER_LABEL[replayer], f"1 {RECORDER_LABEL[recorders[0]]} alone",
                         fmt_cell([r.us_per_task for r in reps]), fmt_cell([r.us_per_history for r in reps]),
                         fmt_cell([r.cpu_us_per_task for r in reps])])
    main = markdown_table(["replayer", "histories", "µs / workflow task", "µs / history",
                           "in-process CPU µs / workflow task"], rows)

    by = {p.replayer: p for p in result.processes}
    process_rows = [[REPLAYER_LABEL[p.replayer], fmt_num(p.cpu_us_per_task), f"{p.busy * 100:.0f} %",
                     fmt_num(p.peak_rss_mib), fmt_num(p.startup_seconds), fmt_num(p.parse_seconds),
                     "detected" if p.control_detected else "MISSED"]
                    for p in (by[r] for r in REPLAYERS if r in by)]
    processes = markdown_table(["replayer", "/proc CPU µs / workflow task", "core busy (CPU 1)", "peak RSS MiB",
                                "spawn→ready s (not measured)", "JSON parsing s (in it)", "negative control"],
                               process_rows)

    ratios = markdown_table(["figure", "PHP", "PHP/Python"], [[label, fmt_num(a), fmt_ratio(ratio(a, b))]
                                                              for label, a, b in figures(result, "php", "python")])

    per_history = ", ".join(f"{RECORDER_LABEL[r.recorder]} {fmt_num(r.workflow_tasks / r.histories)}"
                            for r in result.recordings)
    head = (f"### replay: {s.histories} recorded BenchReplay histories per recorder (10 sequential no-op "
            f"activities around one 0.1 s timer; workflow tasks per history: {per_history}), replayed with no "
            f"server by one fresh process per replayer (CPU 1; ours twice, with and without the non-determinism "
            f"explainer); median of {s.reps} replays of each set (min–max), after {s.warmup_reps} warm-up")
    note = ("One replay = one `WorkflowReplayer::replayHistories()` / `Replayer.replay_workflows()` call over a set: "
            "it creates the core's replay worker, feeds it every history, runs the workflow code to the end of "
            "each, checks every command against the history and shuts the worker down. The histories are parsed "
            "from JSON before (not timed; \"JSON parsing\"); process start, parsing, the control and the warm-up "
            "are before the measured loop (\"spawn→ready\"). µs / workflow task = the call's wall time (timed inside "
            "the process) / the set's WorkflowTaskCompleted events; µs / history = wall time / histories. \"alone\": one "
            "call with the set's first history only, each rep: the cost of one call beside its histories (a test "
            "that replays one history per call pays it every time). /proc CPU "
            "= utime+stime of the replaying process (every thread: the Rust core's included) over the whole measured "
            "loop, read from outside; peak RSS = VmHWM. The histories were recorded once by the PHP worker and once "
            "by the Python worker on a dev server (exported with the Python client as the CLI's JSON), both sets "
            "replayed by every replayer. Valid only if every replay succeeded (no non-determinism, no failure) and "
            "every replayer reported the negative control (the timer moved first) non-deterministic, ours with the "
            "explainer's report exactly when it was on. Python replays unsandboxed (as the other scenarios run it).")
    return f"{head}\n\n{main}\n\n{processes}\n\n{ratios}\n\n{note}\n"


def figures(result: Result, a: str, b: str) -> list[tuple[str, float | None, float | None]]:
    """The figures of the ratio tables, (label, replayer a's, replayer b's): per set, one call alone, /proc."""
    by = {p.replayer: p for p in result.processes}

    def med(replayer: str, recorder: str) -> float | None:
        reps = _reps(result, replayer, recorder)
        return median(r.us_per_task for r in reps) if reps else None

    def single_ms(replayer: str) -> float | None:
        reps = _reps(result, replayer, SINGLE)
        return median(r.seconds for r in reps) * 1e3 if reps else None

    def process(replayer: str, figure: str) -> float | None:
        return getattr(by[replayer], figure) if replayer in by else None

    return ([(f"µs / workflow task, {RECORDER_LABEL[k.recorder]} histories (lower is better)", med(a, k.recorder),
              med(b, k.recorder)) for k in result.recordings]
            + [("ms per call replaying 1 history alone (lower is better)", single_ms(a), single_ms(b)),
               ("/proc CPU µs / workflow task (lower is better)", process(a, "cpu_us_per_task"),
                process(b, "cpu_us_per_task")),
               ("peak RSS MiB (lower is better)", process(a, "peak_rss_mib"), process(b, "peak_rss_mib"))])
