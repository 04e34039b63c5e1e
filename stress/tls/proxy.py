"""Debian's nginx as a TLS-terminating gRPC proxy in front of the plaintext dev server: one port with TLS, one with
mutual TLS. It runs in the foreground, unprivileged (as "nobody" when we are root), with its own prefix directory."""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from .certs import SERVER_NAME, Pki

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
START_TIMEOUT_S = 30.0
UNPRIVILEGED_USER = "nobody"


def free_ports(count: int) -> list[int]:
    """Ports free on 127.0.0.1 right now, all held open together so they differ."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


class NginxProxy:
    def __init__(self, upstream: str, pki: Pki, prefix: Path) -> None:
        self.upstream, self.pki, self.prefix = upstream, pki, prefix
        self.tls_port, self.mtls_port = free_ports(2)
        self.proc: subprocess.Popen | None = None

    @property
    def tls_address(self) -> str:
        return f"127.0.0.1:{self.tls_port}"

    @property
    def mtls_address(self) -> str:
        return f"127.0.0.1:{self.mtls_port}"

    @property
    def access_log(self) -> Path:
        return self.prefix / "access.log"

    @property
    def error_log(self) -> Path:
        return self.prefix / "error.log"

    def _write_config(self) -> Path:
        fields = {
            "PREFIX": str(self.prefix), "UPSTREAM": self.upstream, "SERVER_NAME": SERVER_NAME,
            "TLS_PORT": str(self.tls_port), "MTLS_PORT": str(self.mtls_port),
            "SERVER_CERT": str(self.pki.server_cert), "SERVER_KEY": str(self.pki.server_key),
            "CA_CERT": str(self.pki.ca_cert),
        }
        text = TEMPLATE.read_text()
        for name, value in fields.items():
            text = text.replace("{{" + name + "}}", value)
        config = self.prefix / "nginx.conf"
        config.write_text(text)
        return config

    def _command(self, config: Path) -> list[str]:
        # -e: the error log before the config is read (else nginx tries /var/log/nginx, not ours to write).
        nginx = ["nginx", "-p", str(self.prefix), "-e", str(self.error_log), "-c", str(config),
                 "-g", "daemon off;"]
        if os.geteuid() != 0:
            return nginx
        # As root nginx would keep a root master: drop every privilege before it starts instead.
        user = pwd.getpwnam(UNPRIVILEGED_USER)
        for path in [self.prefix, *self.prefix.rglob("*"), self.pki.server_cert.parent,
                     *self.pki.server_cert.parent.iterdir()]:
            os.chown(path, user.pw_uid, user.pw_gid)
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", *nginx]

    def start(self) -> "NginxProxy":
        if shutil.which("nginx") is None:
            raise RuntimeError("nginx is not installed (scripts/install-deps.sh installs Debian's nginx)")
        self.prefix.mkdir(parents=True, exist_ok=True)
        config = self._write_config()
        test = subprocess.run(self._command(config)[:-2] + ["-t"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx rejected its configuration:\n{test.stdout}")
        with open(self.prefix / "stdout.log", "w") as out:  # nginx logs to its files; this catches the rest
            self.proc = subprocess.Popen(self._command(config), stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited ({self.proc.returncode}):\n{self.tail()}")
            if _accepts(self.tls_port) and _accepts(self.mtls_port):
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not listen within {START_TIMEOUT_S} s:\n{self.tail()}")

    def tail(self, lines: int = 20) -> str:
        if not self.error_log.exists():
            return "(no error log)"
        return "\n".join(self.error_log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        # SIGTERM is nginx's fast shutdown (SIGQUIT would wait for open long polls to end).
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # its own group: the master and its worker
            self.proc.wait()

    def __enter__(self) -> "NginxProxy":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
