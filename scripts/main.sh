#!/usr/bin/env bash
# The main job: builds the bundle, then compiles the bundled example Dockerfile
# to BuildKit LLB with no daemon, printing one op per line as JSON and the image
# config. Base images resolve from examples/image-metadata.json.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund >/dev/null
npm run --silent build
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
echo "== LLB of examples/Dockerfile (one op per line, as buildctl debug dump-llb prints it)"
node dist/dockerfile-llb.js llb -f examples/Dockerfile --image-metadata examples/image-metadata.json \
  --format json --image-config-out "$config"
echo "== image config"
cat "$config"
echo
