#!/usr/bin/env bash
# Regenerates test/registry/testdata/{reference,platform}-vectors.json by running
# the upstream Go packages at the versions BuildKit v0.32.2 pins (or into the
# directory given as $1). Needs Go and
# the module proxy; the tests themselves only read the committed JSON.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/main.go" "$work/"
cd "$work"
go mod init upstreamgen >/dev/null 2>&1
go get github.com/distribution/reference@v0.6.0 github.com/containerd/platforms@v1.0.0-rc.4 \
  github.com/opencontainers/image-spec@v1.1.1 >/dev/null 2>&1
mod="$(go env GOMODCACHE)/github.com"
GOOS= GOARCH= go run . "$mod/distribution/reference@v0.6.0" "$mod/containerd/platforms@v1.0.0-rc.4" \
  "${1:-$here/../testdata}"
