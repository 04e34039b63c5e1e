#!/usr/bin/env bash
# A throwaway Temporal dev server (in-memory) on free 127.0.0.1 ports, for tests and the demo.
#
#   scripts/dev-server.sh start  [--state-dir DIR] [--ui] [-- EXTRA start-dev FLAGS...]
#   scripts/dev-server.sh stop   [--state-dir DIR]
#   scripts/dev-server.sh status [--state-dir DIR]
#
# `start` detaches the server, waits until it serves the "default" namespace (60 s at most) and prints
# eval-able lines on stdout, everything else on stderr:
#   TEMPORAL_ADDRESS=127.0.0.1:PORT
#   TEMPORAL_UI=http://127.0.0.1:PORT        (with --ui)
# Typical use (`eval "$(...)"` alone would hide a failed start: eval of nothing succeeds):
#   env=$(scripts/dev-server.sh start) && eval "$env" && export TEMPORAL_ADDRESS
#   trap 'scripts/dev-server.sh stop' EXIT
#
# If TEMPORAL_ADDRESS is already set to a server this script did not start, `start` prints it back and
# `stop` leaves it alone: point tests at an existing server by exporting TEMPORAL_ADDRESS.
# State (DIR, default build/dev-server): server.pid, server.env (the printed lines), server.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=127.0.0.1
START_TIMEOUT_S=60
STOP_TIMEOUT_S=20

say() { echo "dev-server.sh: $*" >&2; }
usage() { sed -n '4,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

command=${1:-}
[[ $command == start || $command == stop || $command == status ]] || usage
shift
state_dir=$ROOT/build/dev-server
ui=0
extra=()
while (($#)); do
    case $1 in
        --state-dir) [[ $# -ge 2 ]] || usage; state_dir=$2; shift 2 ;;
        --state-dir=*) state_dir=${1#*=}; shift ;;
        --ui) ui=1; shift ;;
        --) shift; extra=("$@"); break ;;
        *) usage ;;
    esac
done
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd)
pid_file=$state_dir/server.pid
env_file=$state_dir/server.env
log_file=$state_dir/server.log

# The PID of the server this state dir records, if that process is still a `temporal server start-dev`.
running_pid() {
    local pid cmdline
    pid=$(cat "$pid_file" 2>/dev/null) || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *" server start-dev "* ]] || return 1
    echo "$pid"
}

recorded_address() { sed -n 's/^TEMPORAL_ADDRESS=//p' "$env_file" 2>/dev/null; }

# True when TEMPORAL_ADDRESS names a server that this state dir did not start.
address_is_external() {
    [[ -n ${TEMPORAL_ADDRESS:-} && ${TEMPORAL_ADDRESS} != "$(recorded_address)" ]]
}

# N distinct ports that are free on $HOST right now (all held open together so they differ).
free_ports() {
    python3 - "$HOST" "$1" <<'PY'
import socket, sys
sockets = []
for _ in range(int(sys.argv[2])):
    s = socket.socket()
    s.bind((sys.argv[1], 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
PY
}

# Flags that keep the CLI away from any user config file or TEMPORAL_* variable (TLS, API key...).
cli_isolated() { "$cli" "$@" --disable-config-file --disable-config-env --command-timeout 3s; }

# Serving means frontend health SERVING and the "default" namespace registered (start-dev adds it after
# the frontend comes up; a worker started before that fails its namespace check).
is_healthy() {
    cli_isolated operator cluster health --address "$1" 2>/dev/null | grep -q SERVING &&
        cli_isolated operator namespace describe --namespace default --address "$1" >/dev/null 2>&1
}

# The Web UI proxies its API to the frontend over a gRPC connection it dials at startup; until that
# connection has retried past the frontend's own startup, /api answers 503, so ask it for the namespaces.
ui_is_ready() {
    python3 - "http://$HOST:$1/api/v1/namespaces" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=3) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}

# Sends $1 to the server's process group (it is a session leader), waits for the group to vanish.
signal_and_wait() {
    local sig=$1 pid=$2 timeout_s=$3 deadline
    kill "-$sig" -- "-$pid" 2>/dev/null || kill "-$sig" "$pid" 2>/dev/null || true
    deadline=$((SECONDS + timeout_s))
    while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

stop_pid() {
    signal_and_wait TERM "$1" "$STOP_TIMEOUT_S" && return 0
    say "pid $1 ignored SIGTERM for ${STOP_TIMEOUT_S}s, sending SIGKILL"
    signal_and_wait KILL "$1" 5
}

# Launches one server on fresh ports and waits for it. Returns 0 when serving, 2 when a port was taken
# between choosing and binding (worth another try), 1 otherwise.
launch() {
    local grpc http metrics ui_port pid="" deadline args log_start
    log_start=$(($(wc -l <"$log_file") + 1))
    read -r grpc http metrics ui_port < <(free_ports 4)
    args=(server start-dev --ip "$HOST" --port "$grpc" --http-port "$http" --metrics-port "$metrics")
    if ((ui)); then
        args+=(--ui-ip "$HOST" --ui-port "$ui_port" --ui-disable-news-fetch)
    else
        args+=(--headless)
    fi
    args+=(--disable-config-file --disable-config-env "${extra[@]}")
    rm -f "$pid_file" "$env_file"
    say "starting: temporal ${args[*]}"
    # setsid: own session and process group, so stop can signal the whole group and the server
    # survives the caller's terminal. The wrapper records its PID and then becomes the server.
    # shellcheck disable=SC2016  # $1, $2, $$ are for the inner sh
    setsid sh -c 'cd "$1" && echo $$ >"$2" && shift 2 && exec "$@"' sh \
        "$state_dir" "$pid_file" "$cli" "${args[@]}" </dev/null >>"$log_file" 2>&1 &
    deadline=$((SECONDS + START_TIMEOUT_S))
    while ((SECONDS < deadline)); do
        sleep 0.5
        [[ -n $pid ]] || pid=$(cat "$pid_file" 2>/dev/null) || true
        [[ -n $pid ]] || continue
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n "+$log_start" "$log_file" | grep -q "address already in use" && return 2
            return 1
        fi
        if is_healthy "$HOST:$grpc" && { ((ui == 0)) || ui_is_ready "$ui_port"; }; then
            {
                echo "TEMPORAL_ADDRESS=$HOST:$grpc"
                ((ui == 0)) || echo "TEMPORAL_UI=http://$HOST:$ui_port"
            } >"$env_file"
            return 0
        fi
    done
    say "no healthy server after ${START_TIMEOUT_S}s"
    [[ -z $pid ]] || stop_pid "$pid" || true
    return 1
}

do_start() {
    local pid attempt rc
    if [[ -n ${TEMPORAL_ADDRESS:-} ]]; then
        say "TEMPORAL_ADDRESS is set: using the server at $TEMPORAL_ADDRESS"
        echo "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"
        [[ -z ${TEMPORAL_UI:-} ]] || echo "TEMPORAL_UI=$TEMPORAL_UI"
        return 0
    fi
    if pid=$(running_pid); then
        say "already running (pid $pid, $(recorded_address)) for $state_dir:"
        say "export TEMPORAL_ADDRESS=$(recorded_address) to use it, or stop it first"
        return 1
    fi
    cli=$("$ROOT/scripts/temporal-cli.sh")
    : >"$log_file"
    for attempt in 1 2 3; do
        rc=0
        launch || rc=$?
        ((rc == 0)) && break
        ((rc == 2)) && say "a chosen port was taken (attempt $attempt), retrying on new ports" && continue
        break
    done
    if ((rc != 0)); then
        say "server failed to start; last lines of $log_file:"
        tail -n 40 "$log_file" >&2
        rm -f "$pid_file" "$env_file"
        return 1
    fi
    say "serving (pid $(cat "$pid_file"), log $log_file)"
    cat "$env_file"
}

do_stop() {
    local pid
    if address_is_external; then
        say "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS was not started here: nothing to stop"
        return 0
    fi
    if pid=$(running_pid); then
        say "stopping pid $pid"
        stop_pid "$pid" || { say "pid $pid survived SIGKILL"; return 1; }
    else
        say "not running"
    fi
    rm -f "$pid_file" "$env_file"
}

do_status() {
    local pid address
    if address_is_external; then
        say "using an external server (TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS), not managed here"
        echo "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"
        return 0
    fi
    pid=$(running_pid) || { say "not running"; return 3; }
    address=$(recorded_address)
    cli=$("$ROOT/scripts/temporal-cli.sh")
    if is_healthy "$address"; then
        say "running (pid $pid), serving at $address"
        cat "$env_file"
        return 0
    fi
    say "running (pid $pid) but not serving at ${address:-?}; see $log_file"
    return 1
}

"do_$command"
