#!/usr/bin/env bash
# The whole test suite, with all its set-up, on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
