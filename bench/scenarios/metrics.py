"""Scenario "metrics": what exporting the core's metrics to Prometheus costs a worker (issue 15).

A drain_variants comparison: "off", and "prometheus", whose worker gets the --prometheus flag of
bench/workers/php_worker.php — Runtime::configure() with a Prometheus endpoint on a free port (nothing scrapes it:
the cost measured is recording). Budget: CPU per workflow at most 1.05× off.
"""

from scenarios.drain_variants import Comparison, Settings  # noqa: F401  (Settings: run.py's)

SCENARIO = Comparison("metrics", {"off": (), "prometheus": ("--prometheus",)}, 1.05,
                      "the core's metrics served to Prometheus")
