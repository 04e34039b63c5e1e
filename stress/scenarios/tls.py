#!/usr/bin/env python3
"""Stress scenario 5, TLS: a PHP worker and a PHP client reach the dev server through Debian's nginx, a real
TLS-terminating gRPC proxy, once with TLS and once with mutual TLS, and run workflows; connections with a wrong CA,
a wrong server name and (on the mTLS port) no client certificate fail at once with a typed TrueAsync\\Temporal
exception that says TLS or certificate; the API key reaches the proxy and appears in no output of the PHP side.

    python3 stress/scenarios/tls.py [--quick]

Run from anywhere after `make build`; needs Debian's nginx and openssl (scripts/install-deps.sh). The last stdout line is the scenario's JSON report (see stress/run.py).
--quick runs fewer workflows and skips the idle long-poll round (the full run keeps a worker idle for longer than
a long poll, about 70 s, then runs workflows on it again: the proxy must not cut the polls it holds).
"""

from __future__ import annotations

import argparse
import json
import re
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "stress")]

from harness.paths import EXT_SO  # noqa: E402
from harness.server import DevServer  # noqa: E402
from tls import access_log  # noqa: E402
from tls.certs import SERVER_NAME, make_pki  # noqa: E402
from tls.php import Endpoint, Output, Worker, run_client  # noqa: E402
from tls.proxy import NginxProxy  # noqa: E402

# A failed handshake must be reported at once; a hang would last as long as a long poll (about 70 s) or more.
PROMPT_S = 30.0
# Longer than a long poll (the server answers an empty one after about 60 s, the client gives up at about 70 s):
# the idle worker's polls are held open across the proxy to their end.
IDLE_S = 80.0
# The server holds an empty long poll for about 60 s (the client gives up at about 70 s), as long as nginx's
# default grpc_read_timeout: the idle round must see polls held about that long and answered, none cut (504).
HELD_POLL_S = 50.0
CLIENT_TIMEOUT_S = 400.0
PROBE_TIMEOUT_S = 120.0
TLS_WORDS = re.compile(r"\btls\b|certificate", re.IGNORECASE)


def log(message: str) -> None:
    print(f"tls: {message}", file=sys.stderr, flush=True)


class Scenario:
    def __init__(self, quick: bool, workdir: Path) -> None:
        self.quick, self.workdir = quick, workdir
        self.count = 5 if quick else 40  # workflows per batch
        self.api_key = "tls-scenario-" + secrets.token_hex(16)
        self.output = Output()
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.details: dict = {}
        self.figures = {"workflows": 0, "lost": 0, "duplicated": 0, "retried": 0, "task_timeouts": 0}

    def check(self, condition: bool, failure: str) -> bool:
        if not condition:
            self.failures.append(failure)
            log(f"FAILED: {failure}")
        return condition

    # -- workflows -------------------------------------------------------------------------------------------

    def batch(self, name: str, endpoint: Endpoint, task_queue: str) -> dict:
        """Runs one batch of workflows through the client and checks every result."""
        started = time.monotonic()
        report = run_client(name, "run", endpoint, self.api_key, self.output, CLIENT_TIMEOUT_S,
                            "--task-queue", task_queue, "--id-prefix", f"{task_queue}-{name}",
                            "--count", str(self.count))
        expected = {f"{task_queue}-{name}-{i}": f"hello, {task_queue}-{name}-{i}!" for i in range(self.count)}
        wrong = sorted(i for i, want in expected.items() if report["results"].get(i) != want)
        self.figures["workflows"] += len(expected)
        self.figures["lost"] += len(wrong)
        self.figures["retried"] += report["retried"]
        self.figures["task_timeouts"] += report["task_timeouts"]
        self.check(not wrong, f"{name}: {len(wrong)} of {len(expected)} workflows without the expected result "
                              f"(first: {wrong[:3]}, failures: {list(report['failures'].items())[:3]})")
        self.check(report["task_failures"] == 0, f"{name}: {report['task_failures']} workflow task failures")
        return {"workflows": len(expected), "wrong": len(wrong), "seconds": round(time.monotonic() - started, 1),
                "task_timeouts": report["task_timeouts"], "task_failures": report["task_failures"],
                "retried": report["retried"], "ids": list(expected)}

    def workflow_phase(self, name: str, endpoint: Endpoint, idle_work=None) -> None:
        """A worker and the client on one endpoint: a batch, optionally an idle round then a second batch."""
        task_queue = f"tls-{name}-{secrets.token_hex(4)}"
        worker = Worker(name, endpoint, task_queue, self.api_key, self.workdir / f"worker-{name}.log")
        log(f"{name}: worker and {self.count} workflows through {endpoint.address}")
        batches = []
        worker.start()
        try:
            batches.append(self.batch(f"{name}-1", endpoint, task_queue))
            if idle_work is not None:
                idle_since = time.monotonic()
                idle_work()
                remaining = IDLE_S - (time.monotonic() - idle_since)
                log(f"{name}: worker idle for {IDLE_S:.0f} s in all (longer than a long poll)")
                if remaining > 0:
                    time.sleep(remaining)  # the fault itself: polls held open across the proxy this long
                self.check(worker.alive(), f"{name}: the worker exited while idle:\n{worker.text()[-2000:]}")
                batches.append(self.batch(f"{name}-2", endpoint, task_queue))
        finally:
            code = worker.stop()
            self.output.add(f"worker-{name}", worker.text())
        self.check(code == 0, f"{name}: the worker's graceful shutdown ended with {code}")
        executions = worker.activity_executions()
        ids = [i for b in batches for i in b.pop("ids")]
        retried = sum(b["retried"] for b in batches)
        # At-least-once: an execution beyond one per workflow and beyond the recorded retries is a duplicate.
        duplicated = max(0, sum(executions.get(i, 0) for i in ids) - len(ids) - retried)
        self.figures["duplicated"] += duplicated
        self.details[name] = {"address": endpoint.address, "batches": batches,
                              "activity_executions": sum(executions.values()), "duplicated": duplicated}

    # -- handshake failures ----------------------------------------------------------------------------------

    def probe(self, name: str, endpoint: Endpoint, expect_ok: bool) -> None:
        report = run_client(f"probe-{name}", "probe", endpoint, self.api_key, self.output, PROBE_TIMEOUT_S)
        report["seconds"] = round(report["seconds"], 2)
        self.details.setdefault("probes", {})[name] = report
        if expect_ok:
            self.check(report["ok"], f"probe {name}: the connection failed: {report.get('error')}")
            return
        error = report.get("error") or {}
        message = error.get("message", "")
        log(f"probe {name}: {error.get('class')} after {report['seconds']} s: {message}")
        if not self.check(not report["ok"], f"probe {name}: the connection succeeded"):
            return
        self.check(error["typed"] and error["class"].startswith("TrueAsync\\Temporal\\"),
                   f"probe {name}: {error['class']} is not a TrueAsync\\Temporal exception")
        self.check(bool(TLS_WORDS.search(message)), f"probe {name}: the message says neither TLS nor certificate: "
                                                    f"{message!r}")
        self.check(report["seconds"] < PROMPT_S, f"probe {name}: failed only after {report['seconds']} s")

    def probes(self, proxy: NginxProxy, pki) -> None:
        tls = Endpoint(proxy.tls_address, pki.ca_cert, SERVER_NAME)
        log("probes: a good connection, a wrong CA, a wrong server name, no client certificate on the mTLS port")
        self.probe("good_tls", tls, expect_ok=True)
        self.probe("wrong_ca", Endpoint(proxy.tls_address, pki.other_ca_cert, SERVER_NAME), expect_ok=False)
        self.probe("wrong_server_name", Endpoint(proxy.tls_address, pki.ca_cert, "wrong-name.test"), expect_ok=False)
        self.probe("missing_client_cert", Endpoint(proxy.mtls_address, pki.ca_cert, SERVER_NAME), expect_ok=False)

    # -- the API key -----------------------------------------------------------------------------------------

    def api_key_checks(self, proxy: NginxProxy) -> None:
        requests = access_log.read(proxy.access_log)
        ports = {"tls": access_log.summary(requests, proxy.tls_port, self.api_key),
                 "mtls": access_log.summary(requests, proxy.mtls_port, self.api_key)}
        self.details["proxy"] = ports
        for name, figures in ports.items():
            self.check(figures["with_api_key"] > 0, f"the API key never reached the proxy on the {name} port")
            self.check(figures["proxy_errors"] == 0,
                       f"the proxy failed {figures['proxy_errors']} calls on the {name} port: {figures['statuses']}")
        if not self.quick:  # the idle round on the TLS port: empty long polls held to their end and answered
            self.check(ports["tls"]["longest_call_s"] >= HELD_POLL_S,
                       f"no call through the proxy lasted {HELD_POLL_S} s while the worker was idle (longest: "
                       f"{ports['tls']['longest_call_s']} s): the idle round proved nothing")
        leaked = self.output.names_containing(self.api_key)
        self.details["api_key_in_outputs"] = leaked
        self.details["outputs_searched"] = sorted(self.output.texts)
        self.check(not leaked, f"the API key appears in the output of: {leaked}")

    # -- the whole run ---------------------------------------------------------------------------------------

    def run(self) -> None:
        pki_dir, nginx_dir = self.workdir / "pki", self.workdir / "nginx"
        pki = make_pki(pki_dir)
        self.workdir.chmod(0o755)  # nginx runs unprivileged and must reach its directory and the certificates
        with DevServer() as server, NginxProxy(server.address, pki, nginx_dir) as proxy:
            log(f"dev server {server.address}; nginx TLS {proxy.tls_address}, mTLS {proxy.mtls_address}")
            tls = Endpoint(proxy.tls_address, pki.ca_cert, SERVER_NAME)
            mtls = Endpoint(proxy.mtls_address, pki.ca_cert, SERVER_NAME, pki.client_cert, pki.client_key)
            if self.quick:
                self.workflow_phase("tls", tls)
                self.probes(proxy, pki)
            else:
                self.workflow_phase("tls", tls, idle_work=lambda: self.probes(proxy, pki))
            self.workflow_phase("mtls", mtls)
            self.api_key_checks(proxy)
            self.details["nginx_error_log_tail"] = proxy.tail(5).splitlines()

    def report(self) -> dict:
        if self.figures["task_timeouts"]:
            self.notes.append(f"{self.figures['task_timeouts']} workflow task timeouts with no fault injected "
                              "(unattributed: see each batch in details)")
        return {"scenario": "tls", "ok": not self.failures, **self.figures, "task_timeouts_attributed": 0,
                "details": self.details, "notes": self.failures + self.notes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer workflows, no idle long-poll round")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, certificates, nginx.conf)")
    args = parser.parse_args()
    # SIGTERM from an orchestrator: unwind through the finally blocks, which stop every process we started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="php-temporal-stress-tls."))
    scenario = Scenario(args.quick, workdir)
    started = time.monotonic()
    try:
        if not EXT_SO.exists() or not (ROOT / "vendor/autoload.php").exists():
            raise RuntimeError(f"{EXT_SO} or vendor/ is missing: run `make build` first")
        scenario.run()
    except Exception as e:  # the report still goes out, saying what broke
        scenario.failures.append(f"{type(e).__name__}: {e}")
    finally:
        if args.keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    scenario.details["seconds"] = round(time.monotonic() - started, 1)
    report = scenario.report()
    print(json.dumps(report))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
