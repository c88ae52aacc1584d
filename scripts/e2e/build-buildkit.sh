#!/usr/bin/env bash
# Builds BuildKit v0.32.2's buildkitd and buildctl, and upstream's Dockerfile
# frontend (dockerfile-frontend, and dockerfile-frontend-labs built with the
# tags of upstream's labs release: frontend/dockerfile/release/labs/tags, i.e.
# dfrundevice), from the Go module proxy into <repo>/.cache/bin.
# The versions are pinned by tools/buildkit/go.mod and go.sum. Statically linked
# (CGO_ENABLED=0) like upstream's release binaries. Go's build cache makes a
# second run take a few seconds; when the binaries are newer than go.mod, go.sum
# and this script, nothing is done at all.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
mod="$repo/tools/buildkit"
bin="$repo/.cache/bin"
version=v0.32.2
mkdir -p "$bin"

up_to_date() {
  local b
  for b in "$@"; do
    [ -x "$bin/$b" ] || return 1
    [ "$bin/$b" -nt "$mod/go.mod" ] && [ "$bin/$b" -nt "$mod/go.sum" ] && [ "$bin/$b" -nt "$0" ] || return 1
  done
}
export CGO_ENABLED=0
# Upstream's release builds use these tags for static binaries.
tags="netgo static_build osusergo"
# step WHAT CMD...: runs CMD, printing "WHAT... Ns" every 15 s while it runs
# (go prints nothing while it compiles; on a fresh 2-core machine this script
# takes ~100 s: ~6 s of module download, the rest compiling).
step() {
  local what=$1 pid t0 rc=0 n=0
  shift
  echo "build-buildkit: $what" >&2
  t0=$(date +%s)
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    n=$((n + 1))
    if [ $((n % 15)) = 0 ] && kill -0 "$pid" 2>/dev/null; then
      echo "build-buildkit: $what... $(( $(date +%s) - t0 ))s" >&2
    fi
  done
  wait "$pid" || rc=$?
  return "$rc"
}

# The labs build of upstream's frontend, on its own: adding it to a checkout
# whose daemon is running does not rebuild (and replace) buildkitd.
if ! up_to_date dockerfile-frontend-labs || [ "${E2E_REBUILD:-}" = 1 ]; then
  command -v go >/dev/null || { echo "build-buildkit: Go is needed (go not found)" >&2; exit 1; }
  (cd "$mod" && step "building upstream's dockerfile-frontend, labs (with an empty Go cache: ~6 s of module download, then compiling)" \
    go build -trimpath -tags "$tags dfrundevice" -o "$bin/dockerfile-frontend-labs.tmp" \
    -ldflags "-s -w -X main.Version=$version-labs -X main.Revision=$version" \
    github.com/moby/buildkit/frontend/dockerfile/cmd/dockerfile-frontend)
  mv "$bin/dockerfile-frontend-labs.tmp" "$bin/dockerfile-frontend-labs"
  echo "build-buildkit: built dockerfile-frontend-labs (tags: $tags dfrundevice)"
fi
if up_to_date buildkitd buildctl dockerfile-frontend && [ "${E2E_REBUILD:-}" != 1 ]; then
  echo "build-buildkit: $bin is up to date (buildkitd, buildctl, dockerfile-frontend and its labs build $version)"
  exit 0
fi

command -v go >/dev/null || { echo "build-buildkit: Go is needed (go not found)" >&2; exit 1; }
start=$(date +%s)
cd "$mod"
step "building buildkitd and buildctl" go build -trimpath -tags "$tags" -o "$bin/" \
  -ldflags "-s -w -X github.com/moby/buildkit/version.Version=$version -X github.com/moby/buildkit/version.Revision=$version" \
  github.com/moby/buildkit/cmd/buildkitd github.com/moby/buildkit/cmd/buildctl
step "compiling upstream's dockerfile-frontend" go build -trimpath -tags "$tags" -o "$bin/dockerfile-frontend" \
  -ldflags "-s -w -X main.Version=$version -X main.Revision=$version" \
  github.com/moby/buildkit/frontend/dockerfile/cmd/dockerfile-frontend
touch "$bin/buildkitd" "$bin/buildctl" "$bin/dockerfile-frontend"
"$bin/buildkitd" --version
"$bin/buildctl" --version
echo "build-buildkit: built in $(( $(date +%s) - start ))s into $bin"
