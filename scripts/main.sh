#!/usr/bin/env bash
# The main job: builds the bundle and parses the bundled example Dockerfile.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund >/dev/null
npm run --silent build
node dist/dockerfile-llb.js parse examples/Dockerfile
