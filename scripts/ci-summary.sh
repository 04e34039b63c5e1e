#!/usr/bin/env bash
# Where a `make test` run spent its time: each timed step, then the slowest PHPUnit tests (from the JUnit log).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
echo "== time per step"
cat "$ROOT/build/timings.txt" 2>/dev/null || echo "(no step finished)"
[ -f "$ROOT/build/phpunit-junit.xml" ] || exit 0
echo "== slowest PHPUnit tests"
python3 - "$ROOT/build/phpunit-junit.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET

cases = [(float(c.get("time", 0)), c.get("class", "").rsplit("\\", 1)[-1] + "::" + c.get("name", ""))
         for c in ET.parse(sys.argv[1]).iter("testcase")]
for seconds, name in sorted(cases, reverse=True)[:10]:
    print(f"{seconds:8.1f}s  {name}")
print(f"{sum(s for s, _ in cases):8.1f}s  all {len(cases)} tests")
PY
