#!/usr/bin/env python3
"""The TLS scenario's proxy for another program (the PHPUnit TLS test): makes the test PKI, starts nginx in front
of UPSTREAM, prints one JSON line with its addresses and files, and runs until its stdin closes (or SIGTERM),
then stops nginx and removes everything.

    python3 stress/tls/serve_proxy.py HOST:PORT
"""

from __future__ import annotations

import json
import shutil
import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tls.certs import SERVER_NAME, make_pki  # noqa: E402
from tls.proxy import NginxProxy  # noqa: E402


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind: the finally blocks stop nginx
    workdir = Path(tempfile.mkdtemp(prefix="php-temporal-tls-proxy."))
    try:
        workdir.chmod(0o755)  # nginx runs unprivileged and must reach its directory and the certificates
        pki = make_pki(workdir / "pki")
        with NginxProxy(sys.argv[1], pki, workdir / "nginx") as proxy:
            print(json.dumps({
                "tls_address": proxy.tls_address, "mtls_address": proxy.mtls_address, "server_name": SERVER_NAME,
                "ca_cert": str(pki.ca_cert), "other_ca_cert": str(pki.other_ca_cert),
                "client_cert": str(pki.client_cert), "client_key": str(pki.client_key),
                "access_log": str(proxy.access_log),
            }), flush=True)
            sys.stdin.read()  # until the caller closes our stdin (or exits)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
