"""The stress harness's own logic, no server: `python3 -m pytest -q stress/tests`."""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from stress.harness.checks import TimedOutTask, attribute, delivery_delays, worker_pid  # noqa: E402
from stress.harness.logs import Activations, ActivityStats, Tail  # noqa: E402
from stress.harness.proxy import CuttingProxy  # noqa: E402
from stress.harness.workload import Workload, compute, repeated_signals, signal_value  # noqa: E402


def activity(e: str, wf: str, step: int, attempt: int, pid: int = 1) -> dict:
    return {"e": e, "wf": wf, "step": step, "attempt": attempt, "pid": pid, "t": 0.0}


def test_activity_stats_count_repeats_retries_and_unfinished_starts():
    records = [activity("start", "a", 0, 1), activity("end", "a", 0, 1),
               activity("start", "a", 1, 1, pid=7),  # its worker died: no end
               activity("start", "a", 1, 2), activity("end", "a", 1, 2),  # the server retried it
               activity("start", "b", 0, 1), activity("end", "b", 0, 1)]
    stats = ActivityStats.from_records(records)
    assert (stats.executions, stats.distinct, stats.repeated, stats.later_attempts) == (4, 3, 1, 1)
    assert [(r["wf"], r["pid"]) for r in stats.unfinished] == [("a", 7)]
    assert stats.same_attempt_repeats == []


def test_one_attempt_run_twice_is_reported():
    records = [activity("start", "a", 0, 1), activity("start", "a", 0, 1, pid=2)]
    assert ActivityStats.from_records(records).same_attempt_repeats == ["a step 0 attempt 1 x2"]


def activation(e: str, run: str, length: int, t: float, pid: int = 5, jobs=("fire_timer",)) -> dict:
    return {"e": f"workflow activation {e}", "pid": pid, "run_id": run, "history_length": length, "t": t,
            "jobs": list(jobs)}


def test_a_timed_out_task_is_attributed_by_whether_php_received_and_completed_it():
    activations = Activations([activation("received", "r", 8, 10.0), activation("completed", "r", 8, 10.5),
                               activation("received", "r", 14, 20.0)])
    completed = TimedOutTask("wf", "r", 9, 8, "START_TO_CLOSE", started_by=5, started_at=9.75)
    stuck = TimedOutTask("wf", "r", 15, 14, "START_TO_CLOSE", started_by=5)
    lost = TimedOutTask("wf", "r", 21, 19, "START_TO_CLOSE", started_by=5)
    sticky = TimedOutTask("wf", "r", 25, 0, "SCHEDULE_TO_START")
    for task in (completed, stuck, lost, sticky):
        attribute(task, activations)
    assert completed.reached_php and "0.250 s after the server started it" in completed.cause
    assert "completed it 0.500 s later" in completed.cause
    assert stuck.reached_php and "never completed it" in stuck.cause
    assert not lost.reached_php and "never reached PHP" in lost.cause
    assert not sticky.reached_php and "sticky queue" in sticky.cause
    assert activations.uncompleted == [(("r", 14), activations.of("r", 14)[0])]


def test_delivery_delays_and_worker_pids():
    activations = Activations([activation("received", "r", 3, 10.2), activation("received", "r", 3, 10.9)])
    assert delivery_delays([{"run_id": "r", "wft_started": [[3, 10.0], [8, 11.0]]}], activations) == \
        pytest.approx([0.2])
    assert worker_pid("stress-worker-42") == 42 and worker_pid("1234@host") is None


def test_expected_results_leave_repeated_signals_aside():
    w = Workload("p", 3, steps=2, signals=2)
    result = {"id": 1, "acc": compute(1, 0) + compute(1, 1), "signals": [signal_value(1, 0), signal_value(1, 1)],
              "repeated_signals": 1}
    assert w.same_result(1, result) and repeated_signals(result) == 1
    assert not w.same_result(2, result)
    assert Workload("p", 1, one_activity=True).same_result(0, compute(0, 0))


def test_tail_reads_only_whole_new_lines(tmp_path):
    f = tmp_path / "log.jsonl"
    f.write_text('{"a": 1}\n')
    tail = Tail(f)
    with open(f, "a") as out:
        out.write('{"b": 2}\n{"c"')
    assert tail.read() == [{"b": 2}]
    with open(f, "a") as out:
        out.write(': 3}\n')
    assert tail.read() == [{"c": 3}]


def test_the_proxy_forwards_and_cut_resets_every_connection():
    upstream = socket.create_server(("127.0.0.1", 0))
    upstream_saw: list[BaseException] = []

    def echo() -> None:
        conn, _ = upstream.accept()
        with conn:
            try:
                while data := conn.recv(1024):
                    conn.sendall(data)
            except OSError as e:
                upstream_saw.append(e)

    server = threading.Thread(target=echo, daemon=True)
    server.start()
    with CuttingProxy("127.0.0.1:%d" % upstream.getsockname()[1]) as proxy:
        host, port = proxy.address.split(":")
        client = socket.create_connection((host, int(port)), timeout=10)
        client.sendall(b"ping")
        assert client.recv(4) == b"ping"
        assert proxy.cut_all() == 1
        with pytest.raises((ConnectionResetError, BrokenPipeError)):
            client.sendall(b"x")
            if client.recv(1) == b"":  # an orderly close would be a failure to reset
                raise AssertionError("closed with a FIN, not reset")
        assert proxy.connections == 1 and len(proxy.cuts) == 1
    server.join(10)
    assert [type(e) for e in upstream_saw] == [ConnectionResetError], "the server's side is reset too"
    upstream.close()
