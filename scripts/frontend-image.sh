#!/usr/bin/env bash
# Builds the frontend image (frontend.Dockerfile) with the test environment's
# buildkitd and pushes it to the local registry, then prints its compressed
# size (per platform) next to upstream's frontend image.
#
# Usage: scripts/frontend-image.sh [REF]   (default localhost:5000/dockerfile-llb:dev)
# Builds both syntax channels: REF is the stable channel, and the labs channel
# (build arg CHANNEL=labs, docs/labs.md) is pushed beside it as LABS_REF:
# REPO:labs when REF's tag is dev, else REF-labs (set LABS_REF to choose).
# FRONTEND_PLATFORMS: the platforms of the image (default linux/amd64,linux/arm64,
# one index, when scripts/e2e/binfmt.sh has registered arm64 emulation; else
# linux/amd64). The arm64 half's code-cache step runs under emulation.
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
platforms=${FRONTEND_PLATFORMS:-}
if [ -z "$platforms" ]; then
  platforms=linux/amd64
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && platforms=linux/amd64,linux/arm64
fi
[ "${SKIP_NPM_BUILD:-}" = 1 ] || npm run --silent build
t0=$(date +%s)
build_channel() { # build_channel CHANNEL REF
  local log="$E2E_DIR/frontend-image.$1.$(printf %s "$2" | md5sum | cut -c1-12).log"
  buildctl --addr "$BUILDKIT_HOST" build --progress=plain \
    --frontend dockerfile.v0 --local context=. --local dockerfile=. --opt filename=frontend.Dockerfile \
    --opt "platform=$platforms" \
    --opt "build-arg:CHANNEL=$1" --output "type=image,name=$2,push=true" >"$log" 2>&1 || {
    echo "frontend-image: build of the $1 channel failed:" >&2; tail -n 40 "$log" >&2; exit 1; }
}
build_channel stable "$ref"
build_channel labs "$LABS_REF"
echo "frontend-image: pushed $LABS_REF (labs channel)" >&2
size() { # compressed size per platform: layers as pushed
  node -e '
    const [ref] = process.argv.slice(1);
    const m = /^([^/]+)\/(.+):([^:/]+)$/.exec(ref);
    const base = `http://${m[1].replace(/^localhost/, "127.0.0.1")}/v2/${m[2]}`;
    const accept = ["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"].join(", ");
    const get = (r) => fetch(`${base}/manifests/${r}`, { headers: { accept } }).then((x) => x.json());
    const print = (mf, label) => {
      const layers = mf.layers.reduce((a, l) => a + l.size, 0);
      console.log(`${ref}${label}: ${mf.layers.length} layers, ${(layers / 1048576).toFixed(2)} MiB compressed (+ config ${mf.config.size} B)`);
    };
    get(m[3]).then(async (top) => {
      if (!top.manifests) return print(top, "");
      for (const d of top.manifests) {
        if (d.platform?.os === "unknown") continue; // attestations
        print(await get(d.digest), ` (${d.platform.os}/${d.platform.architecture})`);
      }
    });' "$1"
}
echo "frontend-image: pushed $ref ($platforms) in $(( $(date +%s) - t0 ))s" >&2
size "$ref"
size localhost:5000/upstream/dockerfile:v0.32.2
