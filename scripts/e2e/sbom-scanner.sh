#!/usr/bin/env bash
# Builds the fake SBOM scanner (testdata/sbom/scanner: busybox + a shell script
# that speaks BuildKit's scanner protocol) with the test environment's
# buildkitd and pushes it to the local registry.
#
# Usage: scripts/e2e/sbom-scanner.sh [REF]   (default localhost:5000/test/fake-sbom-scanner:1)
# Needs scripts/e2e/start.sh and publish-base-images.sh (busybox) to have run;
# uses BUILDKIT_HOST from the environment when set.
set -euo pipefail
host_from_env=${BUILDKIT_HOST:-}
. "$(dirname "$0")/lib.sh"
BUILDKIT_HOST=${host_from_env:-$BUILDKIT_HOST}
ref=${1:-localhost:5000/test/fake-sbom-scanner:1}
ctx="$repo/testdata/sbom/scanner"
log="$E2E_DIR/sbom-scanner.log"
buildctl --addr "$BUILDKIT_HOST" build --progress=plain \
  --frontend dockerfile.v0 --local context="$ctx" --local dockerfile="$ctx" \
  --output "type=image,name=$ref,push=true" >"$log" 2>&1 || {
  echo "sbom-scanner: build failed:" >&2; tail -n 40 "$log" >&2; exit 1; }
echo "sbom-scanner: pushed $ref" >&2
