#!/usr/bin/env bash
# The whole test suite, with all its set-up, on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
# End-to-end set-up: runc, docker-registry, busybox-static; BuildKit v0.32.2
# (buildkitd, buildctl, upstream's frontend) into .cache/bin. The e2e tests
# start and stop the daemon and registry themselves (test/e2e/harness.ts).
bash scripts/e2e/install-deps.sh
bash scripts/e2e/build-buildkit.sh
# Registry client tests run a real docker-registry (and openssl for token auth).
bash scripts/install-registry.sh
npm test
