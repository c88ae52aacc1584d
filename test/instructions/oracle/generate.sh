#!/usr/bin/env bash
# Regenerates ../testdata/upstream.json from cases.json with upstream BuildKit
# v0.32.2, or into the file given as $1 (needs Go and the module proxy; uses
# test/oracle's go.mod).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/test/oracle/go.mod" "$root/test/oracle/go.sum" "$here/main.go" "$work/"
out="${1:-$here/../testdata/upstream.json}"
(cd "$work" && GOFLAGS=-mod=mod go run . "$here/cases.json") > "$out"
