import io
import json
import sys

import pytest

from harness.stats import linear_fit
from harness.workers import Tuning, replay_worker_command
from scenarios import replay, replay_explainer, soak
from scenarios.activities import InvalidRun
from scenarios.replay import Process, Recording, Rep, Result, event_type_name, read_event, summarize_history


def _history(*types):
    return {"events": [{"eventId": str(i + 1), "eventType": t} for i, t in enumerate(types)]}


CLEAN = ["EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
         "EVENT_TYPE_WORKFLOW_TASK_STARTED", "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
         "EVENT_TYPE_TIMER_STARTED", "EVENT_TYPE_TIMER_FIRED", "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED",
         "EVENT_TYPE_WORKFLOW_TASK_STARTED", "EVENT_TYPE_WORKFLOW_TASK_COMPLETED",
         "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"]


def test_event_type_names_in_every_json_spelling():
    assert event_type_name({"eventType": "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"}) == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"
    assert event_type_name({"eventType": "WorkflowTaskCompleted"}) == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"
    assert event_type_name({"eventType": "ActivityTaskTimedOut"}) == "EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT"
    assert event_type_name({"eventType": 7}) == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"


def test_summarize_history_counts_workflow_tasks_of_a_clean_history():
    s = summarize_history(_history(*CLEAN))
    assert (s.events, s.workflow_tasks, s.problems) == (10, 2, [])


def test_summarize_history_names_what_is_unclean():
    failed = CLEAN[:4] + ["EVENT_TYPE_WORKFLOW_TASK_SCHEDULED", "EVENT_TYPE_WORKFLOW_TASK_STARTED",
                          "WorkflowTaskFailed"] + CLEAN[4:]
    s = summarize_history(_history(*failed))
    assert s.problems == ["EVENT_TYPE_WORKFLOW_TASK_FAILED"] and s.workflow_tasks == 2
    running = summarize_history(_history(*CLEAN[:4]))
    assert running.problems == ["ends with EVENT_TYPE_WORKFLOW_TASK_COMPLETED"]
    assert summarize_history({}).problems == ["ends with no event"]


def test_read_event_skips_log_lines_and_other_events():
    out = io.StringIO('\x1b[2m2026 WARN core: Failing workflow task\n{"event": "ready", "n": 1}\n'
                      'not json {\n{"event": "done", "runs": []}\n')
    assert read_event(out, "ready") == {"event": "ready", "n": 1}
    assert read_event(out, "done") == {"event": "done", "runs": []}
    with pytest.raises(EOFError):
        read_event(out, "done")


def test_replayer_and_recorder_commands():
    sets = {"php": "/h/php", "python": "/h/python"}
    php = replay.replayer_command("php", sets, 5, 1)
    assert php[-4:] == ["--reps=5", "--warmup=1", "php=/h/php", "python=/h/python"]
    assert php[-5].endswith("bench/replay/php_replay.php")
    assert replay.replayer_command("python", sets, 2, 0)[1].endswith("bench/replay/python_replay.py")
    off = replay.replayer_command("php-noexplain", sets, 5, 1)
    assert off[-5:] == ["--no-explainer", *php[-4:]] and off[:-5] == php[:-4]  # the same program, one flag more
    with pytest.raises(ValueError):
        replay.replayer_command("go", sets, 1, 1)
    cmd = " ".join(replay_worker_command("php", "127.0.0.1:1", "q", Tuning(max_cached_workflows=7)))
    assert "--role replay" in cmd and "--max-cached-workflows 7" in cmd and "php_worker.php" in cmd
    assert "--role replay" in " ".join(replay_worker_command("python", "a", "q"))


def _result():
    r = Result(recordings=[Recording("php", 10, 120, 700, 1.0), Recording("python", 10, 120, 700, 1.0)])
    for rep in range(3):
        for recorder in ("php", "python"):
            r.reps.append(Rep("php", recorder, rep, 10, 120, 0.012 * (1 + rep / 10), 0.006))
            r.reps.append(Rep("python", recorder, rep, 10, 120, 0.048, 0.048))
        r.reps.append(Rep("php", replay.SINGLE, rep, 1, 12, 0.1, 0.003))
        r.reps.append(Rep("python", replay.SINGLE, rep, 1, 12, 0.005, 0.005))
    r.processes = [Process("php", 0.4, 0.01, 0.2, 0.05, 2 * 3 * 120 + 36, 48.0, True),
                   Process("python", 0.4, 0.04, 0.3, 0.3, 2 * 3 * 120 + 36, 60.0, True)]
    return r


def test_rep_figures():
    rep = Rep("php", "php", 0, 50, 600, 0.3, 0.06)
    assert rep.us_per_task == pytest.approx(500) and rep.us_per_history == pytest.approx(6000)
    assert rep.cpu_us_per_task == pytest.approx(100)
    p = Process("php", 1.0, 0.1, 2.0, 0.5, 1000, 40.0, True)
    assert p.cpu_us_per_task == pytest.approx(500) and p.busy == pytest.approx(0.25)


def test_replay_tables_medians_and_ratios():
    out = replay.tables(_result(), replay.Settings(histories=10, reps=3))
    lines = out.splitlines()
    php_rows = [line for line in lines if line.startswith("| PHP WorkflowReplayer (ours) | PHP-recorded ")]
    assert len(php_rows) == 1 and "| 110 (100–120) " in php_rows[0]  # 12 ms / 120 tasks, +10 % per rep
    alone = next(line for line in lines if "1 PHP-recorded alone" in line and line.startswith("| PHP"))
    assert "| 8333 " in alone and "| 100000 " in alone  # 100 ms / 12 tasks, per call
    ratio_row = next(line for line in lines if line.startswith("| µs / workflow task, Python-recorded"))
    assert "| 110 " in ratio_row and "0.28x" in ratio_row  # 110 / 400
    single_row = next(line for line in lines if line.startswith("| ms per call replaying 1 history"))
    assert "20.00x" in single_row
    cpu_row = next(line for line in lines if line.startswith("| /proc CPU"))
    assert "0.17x" in cpu_row  # 0.05 / 0.3
    assert "detected" in out and "MISSED" not in out


def test_linear_fit():
    slope, intercept = linear_fit([1, 2, 3, 4], [3, 5, 7, 9])
    assert slope == pytest.approx(2) and intercept == pytest.approx(1)
    slope, _ = linear_fit([0, 1, 2], [1, 2, 1])
    assert slope == pytest.approx(0)
    for xs, ys in (([1], [1]), ([1, 1], [1, 2]), ([1, 2], [1])):
        with pytest.raises(ValueError):
            linear_fit(xs, ys)


def test_batch_marks():
    assert soak.batch_marks(10_000, 1_000) == list(range(1_000, 10_001, 1_000))
    assert soak.batch_marks(250, 100) == [100, 200, 250]
    assert soak.batch_marks(50, 100) == [50]
    with pytest.raises(ValueError):
        soak.batch_marks(10, 0)


def test_growth_fits_from_the_end_of_the_warm_up():
    samples = [[1000, 80.0], [2000, 50.0], [3000, 50.5], [4000, 51.0], [5000, 51.5]]
    assert soak.growth_per_1k(samples, warmup_batches=2) == pytest.approx(0.5)  # the 80 MiB sample is left out
    assert soak.growth_per_1k(samples, warmup_batches=0) < 0  # with it, the first sample dominates
    assert soak.growth_per_1k(samples[:2], warmup_batches=2) is None
    assert soak.verdict(0.5) == "flat" and soak.verdict(1.5) == "GROWING" and soak.verdict(None).startswith("n/a")


def _soak(peer, growth):
    samples = [[1000 * (i + 1), 50.0 + (growth * i if i else -1.0)] for i in range(10)]
    return soak.Soak(peer, 10_000, 200.0, 20.0, 40.0, 51.0, samples)


def test_soak_figures_and_tables():
    k = _soak("php", 0.25)
    assert k.per_second == 50 and k.cpu_per_1k == 2.0 and k.end_rss_mib == pytest.approx(52.25)
    assert k.growth_per_1k == pytest.approx(0.25)
    out = soak.tables([_soak("python", 2.0), k], soak.Settings())
    lines = out.splitlines()
    assert "after 1,000" in lines[2] and "after 2,000" in lines[2] and "after 10,000" in lines[2]
    php_row = next(line for line in lines if line.startswith("| PHP (ours)"))
    assert "| 49.0 " in php_row and "| 50.2 " in php_row and "| 52.2 " in php_row  # at 1k, 2k, 10k
    assert "| 0.25 " in php_row and "| flat " in php_row
    py_row = next(line for line in lines if line.startswith("| Python SDK"))
    assert "| 2.0 " in py_row and "GROWING" in py_row
    assert lines.index(php_row) < lines.index(py_row)  # peers in their usual order
    end_row = next(line for line in lines if line.startswith("| VmRSS MiB after 10,000"))
    assert "0.77x" in end_row  # 52.25 / 68
    single = soak.tables([k], soak.Settings())
    assert "PHP/Python" not in single  # no ratio table for one peer


def _with_noexplain(off_seconds, off_cpu=0.0055):
    r = _result()
    for rep in range(3):
        for recorder in ("php", "python"):
            r.reps.append(Rep("php-noexplain", recorder, rep, 10, 120, off_seconds, off_cpu))
        r.reps.append(Rep("php-noexplain", replay.SINGLE, rep, 1, 12, 0.099, 0.003))
    r.processes.append(Process("php-noexplain", 0.4, 0.01, 0.2, 0.04, 2 * 3 * 120 + 36, 47.0, True))
    return r


def test_explainer_overhead_leaves_the_single_call_out():
    r = _with_noexplain(107 * 120 / 1e6)  # 107 µs per task; ours: 100, 110, 120 per rep
    assert replay_explainer.overhead(r) == pytest.approx(110 / 107)  # with the 8,333 µs single calls: 120 / 107
    assert replay_explainer.overhead(_result()) is None and replay_explainer.section(_result()) == ""


def test_explainer_section_rows_and_verdict():
    out = replay_explainer.section(_with_noexplain(107 * 120 / 1e6))
    lines = out.splitlines()
    pooled = next(line for line in lines if line.startswith("| µs / workflow task, every recorded set"))
    assert "| 110 " in pooled and "| 107 " in pooled and "1.03x" in pooled
    cpu = next(line for line in lines if line.startswith("| in-process CPU µs / workflow task, every"))
    assert "| 50.0 " in cpu and "| 45.8 " in cpu and "1.09x" in cpu  # 6 ms vs 5.5 ms / 120 tasks
    proc_row = next(line for line in lines if line.startswith("| /proc CPU"))
    assert "1.25x" in proc_row  # 0.05 / 0.04 s over the same tasks
    fastest = next(line for line in lines if line.startswith("| µs / workflow task, every recorded set, fastest"))
    assert "| 100 " in fastest and "| 107 " in fastest and "0.93x" in fastest  # ours' first rep
    assert "median 1.03x, fastest call 0.93x (target under 1.05: within target)" in out
    assert "OVER TARGET" in replay_explainer.section(_with_noexplain(90 * 120 / 1e6))  # 1.22x, 1.11x
    assert "inconclusive" in replay_explainer.section(_with_noexplain(100 * 120 / 1e6))  # 1.10x, 1.00x


def test_explainer_verdict_needs_the_median_and_the_fastest_call_to_agree():
    assert replay_explainer.verdict(1.04, 1.01) == "within target"
    assert replay_explainer.verdict(1.04, None) == "within target"
    assert replay_explainer.verdict(1.05, 1.12) == "OVER TARGET"  # the target is "under 5 %"
    assert replay_explainer.verdict(0.79, 1.12).startswith("inconclusive")
    assert replay_explainer.verdict(1.10, 1.00).startswith("inconclusive")


def test_replay_tables_list_the_explainer_off_rows_apart():
    out = replay.tables(_with_noexplain(0.0107), replay.Settings(histories=10, reps=3))
    off_rows = [line for line in out.splitlines() if line.startswith("| PHP WorkflowReplayer (ours), explainer off")]
    assert len(off_rows) == 4  # 2 sets, the single call, the process
    ratio_row = next(line for line in out.splitlines() if line.startswith("| µs / workflow task, Python-recorded"))
    assert "0.28x" in ratio_row  # still ours with the explainer over Python


FAKE_REPLAYER = """
import json, sys
ready = {"event": "ready", "histories": {"php": 1}, "parse_seconds": 0.0, "control_detected": True,
         "warmup_failures": [], **json.loads(sys.argv[1])}
print(json.dumps(ready), flush=True)
sys.stdin.readline()
runs = [{"set": s, "rep": 0, "histories": 1, "seconds": 0.01, "cpu_seconds": 0.01, "failures": 0, "failure": None}
        for s in ("php", "single")]
print(json.dumps({"event": "done", "runs": runs}), flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize("replayer,said,valid", [
    ("php-noexplain", {"explainer": False, "control_explained": False}, True),
    ("php-noexplain", {"explainer": False, "control_explained": True}, False),  # the flag did not take
    ("php-noexplain", {}, False),
    ("php", {"explainer": True, "control_explained": True}, True),
    ("php", {"explainer": True, "control_explained": False}, False),
    ("python", {}, True),
])
def test_replay_checks_the_explainer_took_effect(monkeypatch, tmp_path, replayer, said, valid):
    (tmp_path / "h.json").write_text("{}")
    monkeypatch.setattr(replay, "replayer_command",
                        lambda *_: [sys.executable, "-c", FAKE_REPLAYER, json.dumps(said)])
    tasks = {"php": 12, replay.SINGLE: 12}
    if valid:
        process, reps = replay._replay(replayer, {"php": tmp_path}, tasks, replay.Settings(timeout=60), lambda _: None)
        assert process.replayer == replayer and len(reps) == 2
    else:
        with pytest.raises(InvalidRun, match="explain"):
            replay._replay(replayer, {"php": tmp_path}, tasks, replay.Settings(timeout=60), lambda _: None)
