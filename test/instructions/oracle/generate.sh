#!/usr/bin/env bash
# Regenerates ../testdata/upstream.json from cases.json with upstream BuildKit
# v0.32.2 (needs Go and the module cache; uses test/oracle's go.mod).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/test/oracle/go.mod" "$root/test/oracle/go.sum" "$here/main.go" "$work/"
(cd "$work" && GOFLAGS=-mod=mod GOPROXY=off go run . "$here/cases.json") > "$here/../testdata/upstream.json"
