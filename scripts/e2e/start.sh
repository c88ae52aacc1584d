#!/usr/bin/env bash
# Starts the end-to-end test environment on this machine:
#  - a registry (Debian's docker-registry) on 127.0.0.1:5000, storage under
#    $E2E_DIR/registry/data (an already running registry there is reused);
#  - buildkitd v0.32.2 with the OCI worker (runc, overlayfs, host network),
#    its own root under $E2E_DIR/buildkitd/root and a unix socket, configured
#    so localhost:5000 is plain HTTP and docker.io is mirrored to localhost:5000
#    (so `FROM busybox` resolves to localhost:5000/library/busybox), with
#    CDI device specs read from $E2E_DIR/cdi and the device entitlement
#    allowed (RUN --device of the labs channel).
# Waits until both answer, then prints the environment to use (also written to
# $E2E_DIR/env). Reuses a buildkitd this script started before if it still
# answers. Needs scripts/e2e/install-deps.sh and build-buildkit.sh to have run.
# scripts/e2e/stop.sh stops what this started.
#
# Usage: eval "$(bash scripts/e2e/start.sh)"   (exports BUILDKIT_HOST, E2E_REGISTRY, E2E_DIR)
#        bash scripts/e2e/start.sh --user PID  (the test harness: registers the
#        process PID as a user; `stop.sh --user PID` stops only when no user is left)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
t0=$(date +%s%N)
user=script
if [ "${1:-}" = --user ]; then user=${2:?start: --user needs a pid}; fi
lock
mkdir -p "$E2E_DIR/users"
touch "$E2E_DIR/users/$user"

for b in buildkitd buildctl; do
  [ -x "$bin/$b" ] || { echo "start: $bin/$b is missing: run scripts/e2e/build-buildkit.sh" >&2; exit 1; }
done
for c in runc docker-registry; do
  command -v "$c" >/dev/null || { echo "start: $c is missing: run scripts/e2e/install-deps.sh" >&2; exit 1; }
done

wait_for() { # wait_for SECONDS DESCRIPTION PIDFILE COMMAND...
  local secs=$1 what=$2 pidfile=$3; shift 3
  local deadline=$(( $(date +%s) + secs ))
  until "$@"; do
    if [ -n "$pidfile" ] && ! pid_alive "$pidfile"; then
      echo "start: $what exited; its log:" >&2; tail -n 30 "${pidfile%.pid}.log" >&2 || true; return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "start: $what did not answer within ${secs}s; its log:" >&2; tail -n 30 "${pidfile%.pid}.log" >&2 || true; return 1
    fi
    sleep 0.2
  done
}

# --- registry ---
mkdir -p "$reg_dir/data"
if pid_alive "$reg_dir/registry.pid" && http_ok "http://$registry_addr/v2/"; then
  echo "start: registry already running (pid $(cat "$reg_dir/registry.pid"))" >&2
elif http_ok "http://$registry_addr/v2/"; then
  echo "start: reusing a registry already answering on $registry_addr (not started here)" >&2
  rm -f "$reg_dir/registry.pid"
else
  cat > "$reg_dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $reg_dir/data
  delete:
    enabled: true
http:
  addr: $registry_addr
YAML
  setsid docker-registry serve "$reg_dir/config.yml" </dev/null >"$reg_dir/registry.log" 2>&1 9>&- &
  echo $! > "$reg_dir/registry.pid"
  wait_for 30 registry "$reg_dir/registry.pid" http_ok "http://$registry_addr/v2/"
fi

# --- buildkitd ---
mkdir -p "$bk_dir" "$(dirname "$sock")"
if pid_alive "$bk_dir/buildkitd.pid" && buildkitd_ok; then
  echo "start: buildkitd already running (pid $(cat "$bk_dir/buildkitd.pid"))" >&2
else
  if pid_alive "$bk_dir/buildkitd.pid"; then
    echo "start: buildkitd (pid $(cat "$bk_dir/buildkitd.pid")) does not answer; stopping it" >&2
    bash "$(dirname "$0")/stop.sh" --buildkitd-only
  fi
  if [ "${E2E_KEEP_CACHE:-}" != 1 ]; then rm -rf "$bk_dir/root"; fi
  rm -f "$sock"
  mkdir -p "$bk_dir/root"
  mkdir -p "$E2E_DIR/cdi"
  cat > "$bk_dir/buildkitd.toml" <<TOML
root = "$bk_dir/root"
# RUN --device (the labs channel): a build may ask for CDI devices when the
# client allows the device entitlement (buildctl --allow device).
insecure-entitlements = ["device"]

[grpc]
  address = ["$BUILDKIT_HOST"]

[worker.oci]
  enabled = true
  snapshotter = "overlayfs"
  networkMode = "host"
  # No garbage collection: its default policy keys on the disk's free space and
  # could prune the cache between two builds of a test. The root is made anew
  # at each start, so it does not grow without bound.
  gc = false

[worker.containerd]
  enabled = false

[registry."localhost:5000"]
  http = true
  insecure = true

[registry."docker.io"]
  mirrors = ["localhost:5000"]

# CDI specs of test devices: the directory is watched, so a test writes its
# spec file there while the daemon runs (test/labs/device.test.ts).
[cdi]
  specDirs = ["$E2E_DIR/cdi"]
TOML
  setsid buildkitd --config "$bk_dir/buildkitd.toml" --root "$bk_dir/root" --addr "$BUILDKIT_HOST" \
    </dev/null >"$bk_dir/buildkitd.log" 2>&1 9>&- &
  echo $! > "$bk_dir/buildkitd.pid"
  wait_for 60 buildkitd "$bk_dir/buildkitd.pid" buildkitd_ok
fi

cat > "$E2E_DIR/env" <<ENV
export BUILDKIT_HOST=$BUILDKIT_HOST
export E2E_REGISTRY=$E2E_REGISTRY
export E2E_DIR=$E2E_DIR
ENV
echo "start: ready in $(( ($(date +%s%N) - t0) / 1000000 ))ms; environment:" >&2
cat "$E2E_DIR/env"
