"""Scenario "explainer": what the non-determinism explainer costs a worker's drain (issue 17).

A drain_variants comparison: "off", whose worker gets the --no-explainer flag of bench/workers/php_worker.php
(WorkerOptions::withNondeterminismExplainer(false)), and "on", the default: each command a workflow emits is
recorded with the file:line of the user's call (one debug_backtrace per command; BenchOneActivity emits two, its
activity and its completion). Budget: CPU per workflow at most 1.05× off. The overhead on replay is the replay
scenario's (replay_explainer.py).
"""

from scenarios.drain_variants import Comparison, Settings  # noqa: F401  (Settings: run.py's)

SCENARIO = Comparison("explainer", {"off": ("--no-explainer",), "on": ()}, 1.05,
                      "the non-determinism explainer (a backtrace per command, the default)")
