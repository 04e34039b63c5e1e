import hashlib

import pytest

from harness import paths
from harness.paths import LEAN_EXTENSIONS, php_cmd
from harness.workers import Tuning, one_activity_command, peer_command
from scenarios import cache_bytes, drain, idle, memory_targets
from scenarios.cache_bytes import Cell as CacheCell
from scenarios.idle import Cell as IdleCell


def test_php_cmd_lean_runs_php_n_with_the_lean_extensions_then_ours(monkeypatch):
    monkeypatch.setattr(paths, "EXT_SO", paths.Path("/x/temporal.so"))
    assert php_cmd(paths.Path("w.php"), "--a") == [paths.PHP, "-d", "extension=/x/temporal.so", "w.php", "--a"]
    lean = php_cmd(paths.Path("w.php"), "--a", lean=True)
    assert lean[:2] == [paths.PHP, "-n"] and lean[-4:] == ["-d", "extension=/x/temporal.so", "w.php", "--a"]
    defines = [lean[i + 1] for i, flag in enumerate(lean) if flag == "-d"]
    assert defines[-1] == "extension=/x/temporal.so"  # after protobuf: ours needs it loaded first
    assert [d for d in defines if d.startswith("extension=")][:-1] == [f"extension={e}" for e in LEAN_EXTENSIONS]
    assert {"memory_limit=-1", "zend.assertions=-1"} <= set(defines)  # as Debian's php.ini: no 128M cap
    assert {"protobuf", "ctype", "posix", "sockets"} == set(LEAN_EXTENSIONS)


def test_php_lean_worker_commands_differ_from_php_only_in_the_interpreter_options():
    t = Tuning()
    php = one_activity_command("php", "127.0.0.1:1", "q", t)
    lean = one_activity_command("php-lean", "127.0.0.1:1", "q", t)
    script = next(i for i, arg in enumerate(php) if arg.endswith("php_worker.php"))
    assert "-n" in lean and "-n" not in php
    assert lean[lean.index(php[script]):] == php[script:]
    assert "-n" in peer_command("php-lean", "a", "q", 10, 2)
    with pytest.raises(ValueError):
        one_activity_command("php-fat", "a", "q", t)


def test_peer_orders_cover_both_php_peers_in_varying_order():
    orders = memory_targets.peer_orders(4)
    assert len(set(orders)) == 4
    assert all(sorted(o) == sorted(memory_targets.PEERS) for o in orders)
    assert memory_targets.peer_orders(2, ("php", "go")) == [("php", "go"), ("go", "php")]


def test_target_lines():
    assert memory_targets.idle_targets({"php": 48.2, "php-lean": 35.6, "python": 30.0}) == (
        "Targets (issue 18): idle RSS ≤ 40 MiB: PHP 48.2 MiB NOT met; PHP lean 35.6 MiB met")
    assert memory_targets.drain_peak_targets({"php": 57.1, "php-lean": 44.5, "python": 80.5}) == (
        "Targets (issue 18): drain peak RSS ≤ 0.7× Python's: PHP 0.709x NOT met; PHP lean 0.553x met")
    assert "PHP n/a no figure" in memory_targets.drain_peak_targets({"php": 57.1})
    assert memory_targets.idle_targets({"go": 20.0}).endswith("no PHP figure")


def _idle_cells():
    cells = []
    for rep in range(3):
        cells += [IdleCell("php", rep, 42.0, 48.0 + rep, 48.5 + rep),
                  IdleCell("php-lean", rep, 30.0, 36.0, 36.5),
                  IdleCell("python", rep, 60.0, 60.0, 61.0),
                  IdleCell("go", rep, 20.0, 24.0, 24.0)]
    return cells


def test_idle_tables_ratios_and_targets():
    out = idle.tables(_idle_cells(), idle.Settings())
    php_row = next(line for line in out.splitlines() if line.startswith("| PHP (ours)"))
    assert "| 49.0 (48.0–50.0) " in php_row and "| 7.0 (6.0–8.0) " in php_row  # idle, growth while idle
    headers = next(line for line in out.splitlines() if line.startswith("| figure"))
    assert "| PHP lean " in headers and "| lean/Python " in headers
    idle_row = next(line for line in out.splitlines() if line.startswith("| idle VmRSS"))
    assert "0.82x" in idle_row and "2.04x" in idle_row  # 49/60, 49/24
    assert "0.60x" in idle_row and "1.50x" in idle_row  # 36/60, 36/24
    assert "PHP 49.0 MiB NOT met; PHP lean 36.0 MiB met" in out


def test_drain_tables_add_php_lean_and_the_peak_target():
    cells = [drain.Cell("php", 0, 1000, 10.0, 2.0, 60.0, 48.0), drain.Cell("php-lean", 0, 1000, 10.0, 2.0, 44.0, 36.0),
             drain.Cell("python", 0, 1000, 10.0, 4.0, 80.0, 60.0), drain.Cell("go", 0, 1000, 8.0, 1.0, 30.0, 25.0)]
    out = drain.tables(cells, drain.Settings())
    assert "| PHP lean ext. set (ours) " in out
    peak_row = next(line for line in out.splitlines() if line.startswith("| peak RSS MiB"))
    assert "0.75x" in peak_row and "0.55x" in peak_row  # 60/80, 44/80
    assert "PHP 0.750x NOT met; PHP lean 0.550x met" in out
    assert "PHP 0.700x met" in memory_targets.drain_peak_targets({"php": 56.0, "python": 80.0})  # at most 0.7
    assert drain.slowest_ceiling(cells + [drain.Cell("php-lean", 1, 1000, 100.0, 2.0, 44.0, 36.0)]) == 100.0


def test_drain_ratio_table_without_php_lean_keeps_its_columns():
    summary = {"php": {"x": [2.0]}, "python": {"x": [4.0]}, "go": {"x": [1.0]}}
    head = drain.ratio_table(summary, [("x", "x", 3)]).splitlines()[0]
    assert [c.strip() for c in head.strip("|").split("|")] == ["figure", "PHP", "PHP/Python", "PHP/Go"]


def test_cache_bytes_worker_command_and_expected_results():
    cmd = cache_bytes.worker_command("php-lean", "127.0.0.1:1", "q", Tuning(), 40 << 20)
    assert "-n" in cmd and cmd[cmd.index("--role") + 1] == "big-state"
    assert cmd[cmd.index("--max-cached-workflow-bytes") + 1] == str(40 << 20)
    assert cache_bytes.fill(0) == "a" and cache_bytes.fill(27) == "b"
    assert cache_bytes.expected_result(1, 1) == [1 << 20, hashlib.md5(b"b" * (1 << 20)).hexdigest()]


def test_cache_bytes_check_results_names_the_first_wrong_run():
    good = [cache_bytes.expected_result(i, 1) for i in range(3)]
    assert cache_bytes.check_results(good, 1) == []
    problems = cache_bytes.check_results([good[0], RuntimeError("boom"), [0, "x"]], 1)
    assert len(problems) == 1 and "2 of 3 runs" in problems[0] and "run 1: RuntimeError('boom')" in problems[0]


def test_cache_bytes_counts_the_eviction_records():
    output = "\n".join(["worker ready", cache_bytes.EVICTION_ASKED + ' {"run_id":"r1"}',
                        cache_bytes.EVICTION_DONE + ' {"run_id":"r1"}', cache_bytes.EVICTION_DONE + ' {"run_id":"r2"}'])
    assert cache_bytes.count_evictions(output) == (1, 2)


def test_cache_bytes_tables():
    cells = []
    for rep in range(3):
        cells += [CacheCell("capped", rep, 40, 44.0, 87.0 + rep, 98.0, 104.0, 13, 13, 0.4),
                  CacheCell("uncapped", rep, 0, 46.0, 153.0, 153.0, 154.0, 0, 0, 0.4)]
    s = cache_bytes.Settings(reps=3)
    out = cache_bytes.tables(cells, s)
    capped = next(line for line in out.splitlines() if line.startswith("| capped"))
    assert "| 40 MiB " in capped and "| 88.0 (87.0–89.0) " in capped and "| 44.0 (43.0–45.0) " in capped
    assert "| 13 (13–13) " in capped
    assert "| none " in next(line for line in out.splitlines() if line.startswith("| uncapped"))
    assert "waiting 0.58x" in out and "beyond its 40 MiB cap: +4.0 MiB" in out  # 88/153, 44 - 40
    assert "100 MiB if all stay cached" in out
    assert cache_bytes.orders(3) == [("capped", "uncapped"), ("uncapped", "capped"), ("capped", "uncapped")]


def test_the_new_scenarios_are_scenarios_of_run_py():
    import run
    assert {"idle", "cache_bytes"} <= set(run.SCENARIOS)
