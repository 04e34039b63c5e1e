"""Scenario "interceptors": what registering interceptors costs a worker (issue 14).

A drain_variants comparison: "plain", and "intercepted", whose worker gets the --interceptors flag of
bench/workers/php_worker.php — no-op interceptors of every workflow and activity hook on its client and again on
its worker options, so every workflow, activity and timer call passes through two of them. Budget: intercepted
CPU per workflow at most 1.05× plain.
"""

from scenarios.drain_variants import Comparison, Settings  # noqa: F401  (Settings: run.py's)

SCENARIO = Comparison("interceptors", {"plain": (), "intercepted": ("--interceptors",)}, 1.05,
                      "two no-op interceptors (client + worker)")
