"""A test PKI made by openssl: the CA the proxy's certificate chains to, a server certificate for one DNS name,
a client certificate for mutual TLS, and a second, unrelated CA that a client may wrongly trust."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

# The name the server certificate carries. Clients reach the proxy at 127.0.0.1 and must ask for this name
# (TlsOptions::withDomain), so the scenario also proves the server-name override.
SERVER_NAME = "temporal-tls.test"
DAYS = "2"


@dataclass(frozen=True)
class Pki:
    ca_cert: Path
    other_ca_cert: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


def _openssl(*args: str) -> None:
    result = subprocess.run(["openssl", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args[:2])} failed:\n{result.stdout}")


def _ca(directory: Path, name: str) -> tuple[Path, Path]:
    cert, key = directory / f"{name}.crt", directory / f"{name}.key"
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(cert), "-days", DAYS, "-subj", f"/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    return cert, key


def _leaf(directory: Path, name: str, ca: tuple[Path, Path], extensions: str) -> tuple[Path, Path]:
    """A certificate for `name` signed by `ca`, with the given X.509 v3 extensions (an openssl config section)."""
    cert, key, csr = directory / f"{name}.crt", directory / f"{name}.key", directory / f"{name}.csr"
    ext_file = directory / f"{name}.ext"
    ext_file.write_text(extensions)
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={name}")
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca[0]), "-CAkey", str(ca[1]), "-CAcreateserial",
             "-out", str(cert), "-days", DAYS, "-extfile", str(ext_file))
    csr.unlink()
    ext_file.unlink()
    return cert, key


def make_pki(directory: Path) -> Pki:
    directory.mkdir(parents=True, exist_ok=True)
    ca = _ca(directory, "test-ca")
    other_ca = _ca(directory, "other-ca")
    server = _leaf(directory, "server", ca,
                   f"subjectAltName=DNS:{SERVER_NAME}\nextendedKeyUsage=serverAuth\n"
                   "keyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n")
    client = _leaf(directory, "client", ca,
                   "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n")
    return Pki(ca_cert=ca[0], other_ca_cert=other_ca[0], server_cert=server[0], server_key=server[1],
               client_cert=client[0], client_key=client[1])
