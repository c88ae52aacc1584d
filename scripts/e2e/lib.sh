# Shared settings of the end-to-end scripts (sourced, not run).
# E2E_DIR: the state directory (default <repo>/.cache/e2e): the registry's
# storage (kept between runs, so published base images survive a restart), and
# buildkitd's root, socket, config, pid and log files (root made anew at start).
# Paths are resolved physically (pwd -P): buildkitd refuses bind-mount subpaths
# under a root reached through a symlink ("unable to safely resolve subpath").
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
bin="$repo/.cache/bin"
E2E_DIR="${E2E_DIR:-$repo/.cache/e2e}"
mkdir -p "$E2E_DIR"
E2E_DIR="$(cd "$E2E_DIR" && pwd -P)"
E2E_REGISTRY=localhost:5000
registry_addr=127.0.0.1:5000
reg_dir="$E2E_DIR/registry"
bk_dir="$E2E_DIR/buildkitd"
sock="$bk_dir/buildkitd.sock"
# A unix socket path must fit in 108 bytes; put a long one under /tmp instead.
if [ ${#sock} -gt 100 ]; then
  sock="/tmp/dockerfile-llb-e2e-$(printf %s "$E2E_DIR" | md5sum | cut -c1-12)/buildkitd.sock"
fi
BUILDKIT_HOST="unix://$sock"
export PATH="$bin:$PATH"

# pid_alive FILE: the pid recorded in FILE is a running process.
pid_alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# http_ok URL: a GET of URL answers 200 (uses node, which every machine of the
# project has). Accepts OCI and Docker manifests and indexes, which a registry
# answers with 404 to a client that does not say it takes them.
http_ok() {
  node -e '
    const accept = ["application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json"];
    fetch(process.argv[1], { headers: { accept: accept.join(", ") } })
      .then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1));' "$1"
}

# lock: holds $E2E_DIR/lock (flock) on fd 9 until the script exits, so that
# concurrent starts, stops and publishes (several test processes) take turns.
lock() {
  exec 9>"$E2E_DIR/lock"
  flock 9
}

# users_left: live users registered in $E2E_DIR/users (a file per user: a test
# process's pid, or "script" for a start.sh run by hand); dead pids are pruned.
users_left() {
  local f n=0
  mkdir -p "$E2E_DIR/users"
  for f in "$E2E_DIR/users"/*; do
    [ -e "$f" ] || continue
    case "${f##*/}" in
      *[!0-9]*) n=$((n + 1)) ;;
      *) if kill -0 "${f##*/}" 2>/dev/null; then n=$((n + 1)); else rm -f "$f"; fi ;;
    esac
  done
  echo "$n"
}

buildkitd_ok() {
  buildctl --addr "$BUILDKIT_HOST" debug workers >/dev/null 2>&1
}
