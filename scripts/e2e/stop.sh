#!/usr/bin/env bash
# Stops what scripts/e2e/start.sh started (buildkitd, then the registry), by the
# pids it recorded: SIGTERM, then SIGKILL after 15 s. A registry that start.sh
# reused but did not start is left alone. With --buildkitd-only, stops only
# buildkitd. Leaves no process of its own behind; the registry's storage stays.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

stop_pid() { # stop_pid NAME PIDFILE
  local name=$1 pidfile=$2 pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop: $name (pid $pid) ignored SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
    echo "stop: stopped $name (pid $pid)" >&2
  fi
  rm -f "$pidfile"
}

stop_pid buildkitd "$bk_dir/buildkitd.pid"
rm -f "$sock"
if [ "${1:-}" != --buildkitd-only ]; then
  stop_pid registry "$reg_dir/registry.pid"
  rm -f "$E2E_DIR/env"
fi
