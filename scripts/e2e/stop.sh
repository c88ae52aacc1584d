#!/usr/bin/env bash
# Stops what scripts/e2e/start.sh started (buildkitd, then the registry), by the
# pids it recorded: SIGTERM, then SIGKILL after 15 s. A registry that start.sh
# reused but did not start is left alone. Leaves no process of its own behind;
# the registry's storage stays.
# Usage: stop.sh               stop whoever started it
#        stop.sh --user PID    unregister test process PID; stop only if no
#                              other live user (test process or hand-run start.sh) is left
#        stop.sh --buildkitd-only   (used by start.sh, which holds the lock)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
case "${1:-}" in
  --buildkitd-only) ;;
  --user)
    lock
    rm -f "$E2E_DIR/users/${2:?stop: --user needs a pid}"
    left=$(users_left)
    if [ "$left" -gt 0 ]; then echo "stop: $left other user(s) left; not stopping" >&2; exit 0; fi ;;
  "") lock; rm -rf "$E2E_DIR/users" ;;
  *) echo "stop: unknown argument $1" >&2; exit 2 ;;
esac

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
