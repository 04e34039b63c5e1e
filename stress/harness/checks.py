"""The verdict of a scenario run: lost workflows, repeats, retries and workflow-task timeouts with their
cause, from the client's results, the server's histories and the workers' logs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .logs import Activations, ActivityStats, read_jsonl
from .php import Logs
from .report import Report
from .workload import Workload, repeated_signals, workflow_number

MAX_LISTED = 10  # examples kept in the notes per kind
MAX_TIMEOUTS_KEPT = 500  # timed-out tasks listed in the details


@dataclass
class TimedOutTask:
    workflow_id: str
    run_id: str
    event_id: int
    started: int  # WorkflowTaskStarted event id (0 for a schedule-to-start timeout: it never started)
    type: str  # START_TO_CLOSE or SCHEDULE_TO_START
    started_by: int | None = None  # pid of the worker whose poll took it (from the WorkflowTaskStarted identity)
    started_at: float | None = None  # epoch seconds, the server's clock
    timed_out_at: float | None = None
    cause: str = ""
    kind: str = ""  # the cause in one word, for the counts
    reached_php: bool = False
    received_at: float | None = None  # wall-clock, from the activation log
    completed_at: float | None = None


def worker_pid(identity: str | None) -> int | None:
    """The pid in a stress worker's identity (stress-worker-PID), None for any other."""
    prefix = "stress-worker-"
    return int(identity[len(prefix):]) if identity and identity.startswith(prefix) else None


def timed_out_tasks(histories: list[dict]) -> list[TimedOutTask]:
    return [TimedOutTask(h["id"], h["run_id"] or "", t["event_id"], t["started"], t["type"],
                         worker_pid(t.get("started_by")), t.get("started_at"), t.get("at"))
            for h in histories for t in h["wft_timeouts"]]


def attribute(task: TimedOutTask, activations: Activations) -> None:
    """Sets task.cause: did the timed-out task reach PHP, and did PHP complete it?"""
    if task.type == "SCHEDULE_TO_START":
        task.kind = "never_started"
        task.cause = "never started: no worker took it from the sticky queue in time (it never reached PHP)"
        return
    seen = activations.of(task.run_id, task.started)
    if not seen:
        task.kind = "never_reached_php"
        task.cause = (f"the poll of worker pid {task.started_by} took it, but it never reached PHP: lost between "
                      "the server and that worker's core, or in the core")
        return
    task.reached_php, task.received_at = True, seen[0].received
    late = f" {task.received_at - task.started_at:.3f} s after the server started it" if task.started_at else ""
    done = [a.completed for a in seen if a.completed is not None]
    if done:
        task.kind = "completed_by_php"
        task.completed_at = min(done)
        task.cause = (f"reached PHP (pid {seen[0].pid}){late}, and PHP completed it "
                      f"{task.completed_at - task.received_at:.3f} s later; the server never recorded the completion "
                      "(lost after the core took it)")
    else:
        task.kind = "not_completed_by_php"
        task.cause = f"reached PHP (pid {seen[0].pid}){late}, but PHP never completed it"


def delivery_delays(histories: list[dict], activations: Activations) -> list[float]:
    """Seconds from each WorkflowTaskStarted to the first activation of that task PHP received (tasks that never
    reached PHP left out)."""
    out = []
    for h in histories:
        for event_id, started_at in h["wft_started"]:
            seen = activations.of(h["run_id"] or "", event_id)
            if seen:
                out.append(min(a.received for a in seen) - started_at)
    return out


def percentile(sorted_values: list[float], p: float) -> float | None:
    if not sorted_values:
        return None
    return round(sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))], 3)


def check(report: Report, workload: Workload, histories: list[dict], logs: Logs, client: dict | None = None,
          expect_no_task_timeouts: bool = False,
          context: Callable[[TimedOutTask], str] | None = None) -> list[TimedOutTask]:
    """Fills the report's figures, fails it on any problem; returns the timed-out tasks with their causes.
    context(task) adds what the scenario knows (when its fault hit that worker) to a task's cause."""
    report.workflows = workload.count
    by_id = {h["id"]: h for h in histories}
    not_completed, wrong = [], []
    for wid in workload.ids():
        h = by_id.get(wid)
        if h is None or h["close"] != "WORKFLOW_EXECUTION_COMPLETED":
            not_completed.append(f"{wid}: {h['close'] if h else 'no history'}")
        elif not workload.same_result(workflow_number(wid), h["result"]):
            wrong.append(f"{wid}: {h['result']!r}")
    client_wrong = []
    if client is not None:
        client_wrong = [f"{wid}: {r!r}" for wid, r in client["results"].items()
                        if not workload.same_result(workflow_number(wid), r)]
        client_wrong += [f"{wid}: {msg}" for wid, msg in client["failures"].items()]
    report.lost = len(not_completed) + len(wrong)

    activities = ActivityStats.from_records(read_jsonl(logs.activities))
    signals_repeated = sum(repeated_signals(h["result"]) for h in histories)
    report.duplicated = activities.repeated + signals_repeated
    report.retried = sum(1 for h in histories for a in h["activity_attempts"] if a > 1)

    activations = Activations(read_jsonl(logs.activations))
    tasks = timed_out_tasks(histories)
    for t in tasks:
        attribute(t, activations)
        if context is not None:
            t.cause += context(t)
    report.task_timeouts = len(tasks)
    report.task_timeouts_attributed = sum(1 for t in tasks if t.cause)
    unmatched = [f"{h['id']} task {n}" for h in histories for n in activations.tasks_of(h["run_id"] or "")
                 if n not in {event_id for event_id, _ in h["wft_started"]}]
    delays = sorted(delivery_delays(histories, activations))

    report.details.update({
        "workflow_type": workload.workflow_type,
        "activity_executions": activities.executions,
        "activity_repeats": activities.repeated,
        "activity_later_attempts_logged": activities.later_attempts,
        "signals_repeated": signals_repeated,
        "activations_received": activations.received,
        "task_timeouts_by_type": dict(Counter(t.type for t in tasks)),
        "task_timeouts_by_cause": dict(Counter(t.kind for t in tasks)),
        "workflow_task_failures": sum(h["wft_failed"] for h in histories),
        # From the server starting a task (its WorkflowTaskStarted time) to PHP receiving its activation.
        "task_start_to_php_s": {"p50": percentile(delays, 50), "p99": percentile(delays, 99),
                                "max": round(delays[-1], 3) if delays else None},
    })
    # Every timeout, for stress.json (the notes list the first few in words).
    report.details["task_timeouts_list"] = [
        {"workflow_id": t.workflow_id, "run_id": t.run_id, "type": t.type, "started_event": t.started,
         "started_at": t.started_at, "timed_out_at": t.timed_out_at, "worker_pid": t.started_by, "cause": t.kind}
        for t in tasks[:MAX_TIMEOUTS_KEPT]]
    if client is not None:
        report.details["client_call_retries"] = client["retries"]
    problems = [("workflows not completed", not_completed), ("results that differ from the fault-free run", wrong),
                ("client results that differ or failed", client_wrong),
                ("one activity attempt executed twice", activities.same_attempt_repeats),
                ("activations PHP received that match no WorkflowTaskStarted event", unmatched)]
    if expect_no_task_timeouts:
        problems.append(("workflow-task timeouts", [f"{t.workflow_id} (run {t.run_id}) task started at event "
                                                    f"{t.started}, timed out at {t.event_id}, {t.type}: {t.cause}"
                                                    for t in tasks]))
    for what, items in problems:
        if items:
            report.fail(f"{len(items)} {what}: " + "; ".join(items[:MAX_LISTED]))
    if not expect_no_task_timeouts:
        for t in tasks[:MAX_LISTED]:
            report.notes.append(f"task timeout {t.workflow_id} (run {t.run_id}) task started at event {t.started}, "
                                f"timed out at {t.event_id}, {t.type}: {t.cause}")
    return tasks
