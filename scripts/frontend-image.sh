#!/usr/bin/env bash
# Builds the frontend image (frontend.Dockerfile) with the test environment's
# buildkitd and pushes it to the local registry, then prints its compressed
# size next to upstream's frontend image.
#
# Usage: scripts/frontend-image.sh [REF]   (default localhost:5000/dockerfile-llb:dev)
# Builds both syntax channels: REF is the stable channel, and the labs channel
# (build arg CHANNEL=labs, docs/labs.md) is pushed beside it as LABS_REF:
# REPO:labs when REF's tag is dev, else REF-labs (set LABS_REF to choose).
# Needs scripts/e2e/start.sh and publish-base-images.sh to have run; uses
# BUILDKIT_HOST from the environment when set.
set -euo pipefail
host_from_env=${BUILDKIT_HOST:-}
. "$(dirname "$0")/e2e/lib.sh"
# lib.sh names the project's own daemon; a BUILDKIT_HOST given by the caller wins.
BUILDKIT_HOST=${host_from_env:-$BUILDKIT_HOST}
ref=${1:-localhost:5000/dockerfile-llb:dev}
if [ -z "${LABS_REF:-}" ]; then
  if [ "${ref##*:}" = dev ]; then LABS_REF="${ref%:*}:labs"; else LABS_REF="$ref-labs"; fi
fi
cd "$repo"
[ "${SKIP_NPM_BUILD:-}" = 1 ] || npm run --silent build
build_channel() { # build_channel CHANNEL REF
  local log="$E2E_DIR/frontend-image.$1.$(printf %s "$2" | md5sum | cut -c1-12).log"
  buildctl --addr "$BUILDKIT_HOST" build --progress=plain \
    --frontend dockerfile.v0 --local context=. --local dockerfile=. --opt filename=frontend.Dockerfile \
    --opt "build-arg:CHANNEL=$1" --output "type=image,name=$2,push=true" >"$log" 2>&1 || {
    echo "frontend-image: build of the $1 channel failed:" >&2; tail -n 40 "$log" >&2; exit 1; }
}
build_channel stable "$ref"
build_channel labs "$LABS_REF"
echo "frontend-image: pushed $LABS_REF (labs channel)" >&2
size() { # compressed size: manifest + config + layers, as pushed
  node -e '
    const [ref] = process.argv.slice(1);
    const m = /^([^/]+)\/(.+):([^:/]+)$/.exec(ref);
    const base = `http://${m[1].replace(/^localhost/, "127.0.0.1")}/v2/${m[2]}`;
    const accept = "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";
    fetch(`${base}/manifests/${m[3]}`, { headers: { accept } }).then((r) => r.json()).then((mf) => {
      const layers = mf.layers.reduce((a, l) => a + l.size, 0);
      console.log(`${ref}: ${mf.layers.length} layers, ${(layers / 1048576).toFixed(2)} MiB compressed (+ config ${mf.config.size} B)`);
    });' "$1"
}
echo "frontend-image: pushed $ref" >&2
size "$ref"
size localhost:5000/upstream/dockerfile:v0.32.2
