import datetime

import pytest

from harness.workers import Tuning, one_activity_command
from scenarios import drain, latency
from scenarios.drain import CLEAN_HISTORY_LENGTH, Cell, Execution, check_executions

T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def _ex(wid, status="COMPLETED", length=CLEAN_HISTORY_LENGTH, ms=100.0):
    return Execution(wid, status, T0, T0 + datetime.timedelta(milliseconds=ms), length)


def test_check_executions_accepts_a_clean_run_and_ignores_other_workflows():
    execs = [_ex("a"), _ex("b"), _ex("warm-x", status="FAILED")]
    assert check_executions(execs, ["a", "b"]) == []


def test_check_executions_names_every_kind_of_problem():
    execs = [_ex("a", status="FAILED"), _ex("b", length=CLEAN_HISTORY_LENGTH + 4), _ex("c")]
    problems = check_executions(execs, ["a", "b", "c", "d"])
    assert len(problems) == 3
    assert "1 workflows missing" in problems[0] and "d" in problems[0]
    assert "not completed" in problems[1] and "a: FAILED" in problems[1]
    assert "b: 15" in problems[2]


def test_drain_cell_figures():
    c = Cell("php", 0, 1000, seconds=10.0, cpu_seconds=2.0, peak_rss_mib=50.0, ready_rss_mib=40.0,
             cpu0_seconds=9.0)
    assert c.per_second == 100 and c.cpu_per_1k == 2.0 and c.rss_growth_per_1k == 10.0
    assert c.busy == pytest.approx(0.2) and c.cpu0_busy == pytest.approx(0.9)
    assert Cell("go", 0, 500, 5.0, 1.0, 30.0, 35.0).rss_growth_per_1k == 0.0  # RSS at ready above the peak


def _drain_cells():
    cells = []
    for rep in range(3):
        cells += [Cell("php", rep, 1000, 10.0 + rep, 2.0, 50.0, 40.0, 9.0),
                  Cell("python", rep, 1000, 10.0, 4.0, 70.0, 60.0, 9.0),
                  Cell("go", rep, 1000, 8.0, 1.0, 30.0, 25.0, 7.0)]
    return cells


def test_drain_tables_and_ratios():
    out = drain.tables(_drain_cells(), drain.Settings())
    php_row = next(line for line in out.splitlines() if line.startswith("| PHP (ours)"))
    assert "90.9 (83.3–100) (server-bound)" in php_row  # 1000/11 median, busy ~18%
    cpu_row = next(line for line in out.splitlines() if line.startswith("| CPU-s / 1k"))
    assert "0.50x" in cpu_row and "2.00x" in cpu_row
    rate_row = next(line for line in out.splitlines() if line.startswith("| workflows/s"))
    assert "0.91x" in rate_row and "0.73x" in rate_row  # 90.9/100, 90.9/125


def test_slowest_ceiling_and_latency_rate():
    assert drain.slowest_ceiling(_drain_cells()) == pytest.approx(1000 / 11)
    assert drain.slowest_ceiling([]) is None
    assert latency.rate_from_drain(1000 / 11, fallback=40.0) == 45.0  # floor(90.9 * 0.5)
    assert latency.rate_from_drain(None, fallback=40.0) == 40.0
    assert latency.rate_from_drain(1.5, fallback=40.0) == 1.0


def test_send_offsets_are_evenly_spaced_from_zero():
    assert latency.send_offsets(4, 2.0) == [0.0, 0.5, 1.0, 1.5]
    assert latency.send_offsets(0, 10.0) == []


def test_latency_settings_counts():
    s = latency.Settings(rate=25.0, seconds=10.0, warmup_seconds=1.0)
    assert s.measured == 250 and s.warmup == 25


def test_latency_tables_ratios():
    runs = []
    for rep in range(3):
        runs += [latency.Run("php", rep, [100.0] * 99 + [300.0], 4.0, 0.3, 45.0),
                 latency.Run("python", rep, [100.0] * 99 + [150.0], 4.0, 0.4, 65.0),
                 latency.Run("go", rep, [50.0] * 100, 4.0, 0.2, 30.0)]
    out = latency.tables(runs, latency.Settings(rate=25.0, reps=3))
    p50_row = next(line for line in out.splitlines() if line.startswith("| start→close p50"))
    assert "| 100 " in p50_row and "1.00x" in p50_row and "2.00x" in p50_row
    p99_row = next(line for line in out.splitlines() if line.startswith("| start→close p99"))
    assert "| 102 " in p99_row and "1.01x" in p99_row and "2.04x" in p99_row  # 102 / 100.5, 102 / 50
    assert runs[0].achieved_rate == 25.0 and runs[0].cpu_per_1k == 3.0


def test_one_activity_commands_carry_the_same_tuning():
    t = Tuning(max_cached_workflows=7, max_workflow_tasks=8, max_activities=9, workflow_pollers=3,
               activity_pollers=4)
    cmds = {p: one_activity_command(p, "127.0.0.1:1", "q", t) for p in ("php", "python", "go")}
    for cmd in cmds.values():
        joined = " ".join(cmd)
        for flag, value in (("max-cached-workflows", 7), ("max-workflow-tasks", 8), ("max-activities", 9),
                            ("workflow-pollers", 3), ("pollers", 4)):
            assert f"-{flag} {value}" in joined
    assert "-one-activity" in cmds["go"] and "one-activity" in cmds["php"] and "one-activity" in cmds["python"]
    with pytest.raises(ValueError):
        one_activity_command("ruby", "a", "q", t)


def test_interceptors_overhead_and_table():
    from scenarios import drain_variants, interceptors
    scenario, settings = interceptors.SCENARIO, drain_variants.Settings()
    cells = []
    for rep in range(3):
        cells += [Cell("php+plain", rep, 1000, 10.0, 2.0, 50.0, 40.0),
                  Cell("php+intercepted", rep, 1000, 10.0, 2.0 + 0.05 * rep, 51.0, 40.0)]
    assert scenario.overhead(cells) == pytest.approx(2.05 / 2.0)
    out = scenario.tables(cells, settings)
    assert "1.02x" in out and "within budget" in out and "intercepted / plain" in out
    over = [c if c.peer == "php+plain" else Cell(c.peer, c.rep, 1000, 10.0, 2.2, 50.0, 40.0) for c in cells]
    assert "OVER BUDGET" in scenario.tables(over, settings)
    assert scenario.overhead(cells[:1]) is None
    assert scenario.orders(2) == [("plain", "intercepted"), ("intercepted", "plain")]


def test_metrics_compares_prometheus_with_off():
    from scenarios import metrics
    cells = [Cell("php+off", 0, 1000, 10.0, 2.0, 50.0, 40.0), Cell("php+prometheus", 0, 1000, 10.0, 2.5, 50.0, 40.0)]
    assert metrics.SCENARIO.overhead(cells) == pytest.approx(1.25)
    assert metrics.SCENARIO.variants["prometheus"] == ("--prometheus",)
    assert "OVER BUDGET" in metrics.SCENARIO.tables(cells, metrics.Settings())



def test_explainer_compares_on_with_off():
    from scenarios import explainer
    scenario = explainer.SCENARIO
    assert list(scenario.variants) == ["off", "on"]  # the baseline first: the figure is on / off
    assert scenario.variants == {"off": ("--no-explainer",), "on": ()}  # on is the worker's default
    assert scenario.orders(2) == [("off", "on"), ("on", "off")]
    cells = [Cell("php+off", 0, 1000, 10.0, 2.0, 50.0, 40.0), Cell("php+on", 0, 1000, 10.0, 2.06, 50.0, 40.0)]
    assert scenario.overhead(cells) == pytest.approx(1.03)
    out = scenario.tables(cells, explainer.Settings())
    assert "on / off: 1.03x" in out and "within budget" in out and "non-determinism explainer" in out


def test_every_comparison_is_a_scenario_of_run_py():
    import run
    from scenarios import explainer, interceptors, metrics
    for module in (interceptors, metrics, explainer):
        assert module.SCENARIO.name in run.SCENARIOS
