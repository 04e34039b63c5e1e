#!/usr/bin/env bash
# Generates the Temporal API PHP classes into gen/ (gitignored) from the .proto files of the pinned
# temporalio-protos crate, plus gen/rpc-methods.json (every rpc of WorkflowService, OperatorService,
# HealthService and the time-skipping test server's TestService). Source of truth: the crate's protos; gen/ is rebuilt, never committed.
#
#   gen/TrueAsync/Temporal/Api/...             classes,  PSR-4 "TrueAsync\\Temporal\\Api\\" => "gen/TrueAsync/Temporal/Api/"
#   gen/TrueAsync/Temporal/Api/GPBMetadata/... metadata, same PSR-4 root
#   gen/rpc-methods.json                       {"WorkflowService": [{"method", "request", "response",
#                                              "request_class", "response_class", "client_streaming",
#                                              "server_streaming"}, ...], "OperatorService": ..., "HealthService": ...}
# Namespace rule: scripts/api/php-names.php. Well-known types (google/protobuf/*) are not generated: they come
# with the protobuf runtime. Up to date when gen/.stamp matches the hash of the inputs.
#
# Where the protos come from, first match wins:
#   TEMPORAL_PROTOS_DIR=<crate>/protos       explicit
#   bridge/Cargo.toml exists                 `cargo metadata` → the temporalio-protos package in its graph
#   otherwise                                $CARGO_HOME/registry/src/*/temporalio-protos-$TEMPORAL_PROTOS_VERSION/protos
set -euo pipefail

TEMPORAL_PROTOS_VERSION="${TEMPORAL_PROTOS_VERSION:-0.8.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEN="$ROOT/gen"
STAGE="$ROOT/build/api"
WKT_INCLUDE="${PROTOBUF_INCLUDE:-/usr/include}"

die() { echo "generate-api: $*" >&2; exit 1; }
log() { echo "generate-api: $*"; }

protos_from_cargo() {
    local manifest="$ROOT/bridge/Cargo.toml" flags=(--format-version 1 --manifest-path "$ROOT/bridge/Cargo.toml")
    [[ -f "$ROOT/bridge/Cargo.lock" ]] && flags+=(--locked)
    { cargo metadata "${flags[@]}" --offline 2>/dev/null || cargo metadata "${flags[@]}"; } |
        php "$ROOT/scripts/api/protos-dir.php" ||
        die "cannot find temporalio-protos through cargo metadata of $manifest"
}

protos_from_registry() {
    local matches=("${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"temporalio-protos-$TEMPORAL_PROTOS_VERSION"/protos)
    [[ -d "${matches[0]}" ]] ||
        die "temporalio-protos-$TEMPORAL_PROTOS_VERSION not in the cargo registry (cargo fetch, or set TEMPORAL_PROTOS_DIR)"
    echo "${matches[0]}"
}

if [[ -n "${TEMPORAL_PROTOS_DIR:-}" ]]; then
    PROTOS="$TEMPORAL_PROTOS_DIR"
elif [[ -f "$ROOT/bridge/Cargo.toml" ]]; then
    PROTOS="$(protos_from_cargo)"
else
    PROTOS="$(protos_from_registry)"
fi
[[ -f "$PROTOS/api_upstream/temporal/api/workflowservice/v1/service.proto" ]] || die "$PROTOS is not a temporalio-protos tree"
[[ -f "$WKT_INCLUDE/google/protobuf/descriptor.proto" ]] || die "no well-known .proto files in $WKT_INCLUDE (libprotobuf-dev)"
command -v protoc >/dev/null || die "protoc not found (apt-get install protobuf-compiler)"

# What is generated: <crate path> → <proto import path>. Everything the Temporal API, its services and the
# core's activation/completion messages import, except the well-known types. Third-party protos go under
# trueasync/, where prepare-protos.php also renames their packages, so they never clash with another
# package's google/rpc/status.proto in the native runtime's descriptor pool.
SOURCES=(
    "api_upstream/temporal/api:temporal/api"
    "testsrv_upstream/temporal/api/testservice:temporal/api/testservice"
    "local/temporal/sdk/core:temporal/sdk/core"
    "api_upstream/google/api:trueasync/google/api"
    "api_upstream/nexusannotations:trueasync/nexusannotations"
    "google/rpc:trueasync/google/rpc"
    "grpc/health:trueasync/grpc/health"
)

inputs_hash() {
    {
        protoc --version
        sha256sum "$ROOT/scripts/generate-api.sh" "$ROOT"/scripts/api/*.php | cut -d' ' -f1
        for source in "${SOURCES[@]}"; do
            (cd "$PROTOS/${source%%:*}" && find . -name '*.proto' -type f -print0 | LC_ALL=C sort -z |
                xargs -0 sha256sum | sed "s#  \./#  ${source#*:}/#")
        done
    } | sha256sum | cut -d' ' -f1
}

hash="$(inputs_hash)"
if [[ -f "$GEN/.stamp" && "$(cat "$GEN/.stamp")" == "$hash" && -f "$GEN/rpc-methods.json" ]]; then
    log "gen/ is up to date ($PROTOS)"
    exit 0
fi
start=$SECONDS

rm -rf "$STAGE"
mkdir -p "$STAGE/protos" "$STAGE/gen"
for source in "${SOURCES[@]}"; do
    mkdir -p "$STAGE/protos/${source#*:}"
    (cd "$PROTOS/${source%%:*}" && find . -name '*.proto' -type f -print0 | xargs -0 cp --parents -t "$STAGE/protos/${source#*:}/")
done
php "$ROOT/scripts/api/prepare-protos.php" "$STAGE/protos"

cd "$STAGE/protos"
unused_import_warnings=': warning: Import .* is unused\.$'
mapfile -t files < <(find . -name '*.proto' -type f | sed 's#^\./##' | LC_ALL=C sort)
# protoc warns about every unused import in the upstream files; keep its other output.
protoc -I. -I"$WKT_INCLUDE" --php_out="$STAGE/gen" "${files[@]}" 2> >(grep -v "$unused_import_warnings" >&2)
protoc -I. -I"$WKT_INCLUDE" --include_imports --descriptor_set_out="$STAGE/services.pb" \
    temporal/api/workflowservice/v1/service.proto temporal/api/operatorservice/v1/service.proto \
    temporal/api/testservice/v1/service.proto trueasync/grpc/health/v1/health.proto 2> >(grep -v "$unused_import_warnings" >&2)
php "$ROOT/scripts/api/rpc-methods.php" "$STAGE/services.pb" "$STAGE/gen" > "$STAGE/gen/rpc-methods.json"
echo "$hash" > "$STAGE/gen/.stamp"

cd "$ROOT"
# Swap in whole, so a bump never leaves classes of removed messages behind.
if [[ -d "$GEN" ]]; then
    mv "$GEN" "$STAGE/gen.old"
fi
mv "$STAGE/gen" "$GEN"
rm -rf "$STAGE"
count="$(find "$GEN" -name '*.php' | wc -l)"
log "generated $count PHP files from ${#files[@]} .proto files of $PROTOS in $((SECONDS - start))s"
