#!/usr/bin/env bash
# Regenerates ../testdata/{fuzz,conformance}-upstream.txt with BuildKit v0.32.2's
# own parser (or into the directory given as $1). Builds main.go against
# test/oracle's go.mod, so the module proxy supplies exactly v0.32.2.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/test/oracle/go.mod" "$root/test/oracle/go.sum" "$here/main.go" "$work/"
(cd "$work" && GOFLAGS=-mod=mod CGO_ENABLED=0 go build -o "$work/parser-oracle" .)
cd "$root"
ORACLE="$work/parser-oracle" OUT_DIR="${1:-}" node --import ./test/register.mjs test/parser/oracle/record.ts
