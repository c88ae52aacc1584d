#!/usr/bin/env bash
# Publishes the base images the end-to-end tests use into the local registry
# (needs scripts/e2e/start.sh to have run). Each is built by buildkitd with its
# built-in dockerfile.v0 frontend and pushed:
#   localhost:5000/library/busybox:latest     scratch + Debian's static busybox,
#                                             applets installed as /bin links
#                                             (`FROM busybox` in a Dockerfile)
#   localhost:5000/library/node-runtime:20    busybox + this machine's node
#                                             binary and the shared libraries
#                                             `ldd` lists for it (`FROM node-runtime:20`;
#                                             also tagged library/node:20)
#   localhost:5000/library/node:20-bookworm-slim  the stand-in for the official
#                                             image (also node:20-slim): its
#                                             layout (merged /usr, node and npm
#                                             under /usr/local, Debian's multiarch
#                                             library directories, docker-entrypoint.sh),
#                                             made of busybox and this machine's
#                                             node (frontend.Dockerfile's base)
#   localhost:5000/upstream/dockerfile:v0.32.2  upstream's Dockerfile frontend
#                                             (.cache/bin/dockerfile-frontend),
#                                             scratch-based, with the labels of
#                                             upstream's release image
#   localhost:5000/upstream/dockerfile:v0.32.2-labs  the same, built with the
#                                             tags of upstream's labs release
#                                             (.cache/bin/dockerfile-frontend-labs)
# An image whose inputs (Dockerfile and files) are unchanged since it was last
# pushed, and which the registry still has, is skipped: a second run takes
# about a second. E2E_REPUBLISH=1 pushes all again.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ctx_root="$E2E_DIR/contexts"
stamps="$reg_dir/stamps"
mkdir -p "$ctx_root" "$stamps"
lock
buildkitd_ok || { echo "publish: buildkitd does not answer at $BUILDKIT_HOST: run scripts/e2e/start.sh" >&2; exit 1; }

# publish NAME CONTEXT REF...: builds CONTEXT/Dockerfile and pushes it as REF...
# Returns 1 (not an error) when they were up to date and nothing was pushed.
# Extra buildctl arguments for the next publish (e.g. a target platform).
publish_opts=()

publish() {
  local name=$1 ctx=$2; shift 2
  local stamp ref refs="" missing=0 t0
  # Links to directories (a merged /usr) count by their target.
  stamp=$(cd "$ctx" && { find . \( -type f -o \( -type l ! -xtype d \) \) -print0 | sort -z | xargs -0 sha256sum
    find . -type l -xtype d -printf '%p -> %l\n' | sort; } | sha256sum | cut -c1-64)
  for ref in "$@"; do
    local path=${ref#localhost:5000/} tag
    tag=${path##*:}; path=${path%:*}
    http_ok "http://$registry_addr/v2/$path/manifests/$tag" || missing=1
  done
  if [ "$missing" = 0 ] && [ "${E2E_REPUBLISH:-}" != 1 ] && [ "$(cat "$stamps/$name" 2>/dev/null)" = "$stamp" ]; then
    echo "publish: $* up to date" >&2
    return 1
  fi
  for ref in "$@"; do refs="${refs:+$refs,}$ref"; done
  t0=$(date +%s%N)
  # The name list is quoted because it contains commas (buildctl parses --output as CSV).
  if ! buildctl --addr "$BUILDKIT_HOST" build --progress=plain \
      --frontend dockerfile.v0 --local context="$ctx" --local dockerfile="$ctx" ${publish_opts[@]+"${publish_opts[@]}"} \
      --output "type=image,\"name=$refs\",push=true" >"$ctx.log" 2>&1; then
    echo "publish: building $name failed:" >&2; tail -n 40 "$ctx.log" >&2; exit 1
  fi
  echo "$stamp" > "$stamps/$name"
  echo "publish: pushed $* in $(( ($(date +%s%N) - t0) / 1000000 ))ms" >&2
}

# check_node NAME CONTEXT IMAGE RUN [PLATFORM]: builds `FROM IMAGE` plus the
# RUN line (no output) to check that node runs in the pushed image (for
# PLATFORM, under emulation when foreign); on failure the image's stamp is
# dropped so the next run publishes it again. RUN prints
# "NAME: <version> <arch>", which is echoed.
check_node() {
  local name=$1 ctx=$2 image=$3 run=$4 platform=${5:-}
  mkdir -p "$ctx/check"
  printf '%s\n' "FROM $image" "$run" > "$ctx/check/Dockerfile"
  if ! buildctl --addr "$BUILDKIT_HOST" build --progress=plain --no-cache --frontend dockerfile.v0 \
      ${platform:+--opt "platform=$platform"} \
      --local context="$ctx/check" --local dockerfile="$ctx/check" >"$ctx.check.log" 2>&1; then
    echo "publish: node does not run in $image:" >&2
    tail -n 20 "$ctx.check.log" >&2
    rm -f "$stamps/$name" "$stamps/$name.inputs"
    exit 1
  fi
  grep -o "$name: v[^ ]* [a-z0-9]*" "$ctx.check.log" | sed 's/^/publish: checked /' >&2
}

# --- busybox ---
bb_src=$(command -v busybox || true)
[ -n "$bb_src" ] || { echo "publish: busybox is missing: run scripts/e2e/install-deps.sh" >&2; exit 1; }
ctx="$ctx_root/busybox"
rm -rf "$ctx"; mkdir -p "$ctx"
cp -L "$bb_src" "$ctx/busybox"
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
DOCKERFILE
publish busybox "$ctx" localhost:5000/library/busybox:latest || true

# --- node runtime ---
node_src=$(readlink -f "$(command -v node)")
ctx="$ctx_root/node-runtime"
rm -rf "$ctx"; mkdir -p "$ctx/rootfs/usr/local/bin"
cp -L "$node_src" "$ctx/rootfs/usr/local/bin/node"
# Each library ldd resolves goes to the path ldd names (the loader to its
# absolute path); a system where /lib is a link to usr/lib still finds them.
ldd "$node_src" | while read -r a b c _; do
  if [ "$b" = "=>" ] && [ "${c#/}" != "$c" ]; then lib=$c
  elif [ "${a#/}" != "$a" ]; then lib=$a
  else continue; fi
  mkdir -p "$ctx/rootfs$(dirname "$lib")"
  cp -L "$lib" "$ctx/rootfs$lib"
done
[ -e "$ctx/rootfs/lib64/ld-linux-x86-64.so.2" ] || [ -n "$(ls "$ctx"/rootfs/lib*/ld-linux* 2>/dev/null)" ] || {
  echo "publish: ldd named no dynamic loader for $node_src" >&2; exit 1; }
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM localhost:5000/library/busybox:latest
COPY rootfs/ /
CMD ["node"]
DOCKERFILE
if publish node-runtime "$ctx" localhost:5000/library/node-runtime:20 localhost:5000/library/node:20; then
  check_node node-runtime "$ctx" localhost:5000/library/node-runtime:20 \
    'RUN ["node", "-e", "console.log(\"node-runtime:\", process.version, process.arch)"]'
fi

# --- the official node image's stand-in ---
# node:20-bookworm-slim as Docker Hub has it is a linux/amd64 + linux/arm64
# index of Debian bookworm (merged /usr: /bin, /lib, /lib64 and /sbin are
# links into /usr) with node at /usr/local/bin/node, npm and npx in
# /usr/local/lib/node_modules, shared libraries in /usr/lib/<triplet>,
# ENTRYPOINT docker-entrypoint.sh, CMD node. This one has that layout with
# busybox for the Debian userland; amd64: this machine's node and npm (its
# libraries found as node-rootfs.cjs, the frontend image's own collector,
# finds them, which checks it on the way); arm64 (when scripts/e2e/binfmt.sh
# can register qemu, so that it can be checked): Debian's Node.js 20 for arm64
# and its libraries (arm64-rootfs.sh), without npm.
ctx="$ctx_root/node-official"
# Its context is ~250 MB to copy and hash, so first a cheap stamp of what goes
# into it: these scripts, the node, npm and busybox it copies, the arm64 tree.
arm64_ok=0
bash "$(dirname "$0")/binfmt.sh" 2>/dev/null && arm64_ok=1
npm_src=$(dirname "$(readlink -f "$(command -v npm)")")/..
inputs=$( { sha256sum "$0" "$repo/scripts/node-rootfs.cjs" "$(dirname "$0")/arm64-rootfs.sh"
  stat -L -c '%n %s %Y' "$(command -v node)" "$bb_src" "$npm_src/package.json" 2>&1
  # (on a fresh machine the arm64 tree is not made yet: stat's error is part of the stamp)
  [ "$arm64_ok" = 0 ] || stat -c '%n %s %Y' "$E2E_DIR/arm64-rootfs/usr/bin/node" 2>&1 || true; } | sha256sum | cut -c1-64)
if [ "$(cat "$stamps/node-official.inputs" 2>/dev/null)" = "$inputs" ] && [ "${E2E_REPUBLISH:-}" != 1 ] \
    && http_ok "http://$registry_addr/v2/library/node/manifests/20-bookworm-slim" \
    && http_ok "http://$registry_addr/v2/library/node/manifests/20-slim"; then
  echo "publish: localhost:5000/library/node:20-bookworm-slim localhost:5000/library/node:20-slim up to date" >&2
else
rm -rf "$ctx"; mkdir -p "$ctx"
# official_layout DIR BUSYBOX: merged /usr, busybox and its applets in
# /usr/bin, docker-entrypoint.sh.
official_layout() {
  local root=$1 d a
  for d in bin sbin lib lib64; do
    if [ -d "$root/$d" ] && [ ! -L "$root/$d" ]; then
      mkdir -p "$root/usr/$d"
      cp -a "$root/$d/." "$root/usr/$d/"
      rm -rf "${root:?}/$d"
    fi
    mkdir -p "$root/usr/$d"
    [ -L "$root/$d" ] || ln -s "usr/$d" "$root/$d"
  done
  [ -x "$root/usr/bin/busybox" ] || cp -L "$2" "$root/usr/bin/busybox"
  # The applets as links (this machine's busybox names them; the same release line).
  for a in $("$bb_src" --list); do
    [ -e "$root/usr/bin/$a" ] || [ -L "$root/usr/bin/$a" ] || ln -s busybox "$root/usr/bin/$a"
  done
  mkdir -p "$root/usr/local/bin"
  cat > "$root/usr/local/bin/docker-entrypoint.sh" <<'SH'
#!/bin/sh
# As the official image's: a first argument that is an option or no command
# on PATH runs node with the arguments.
set -e
if [ "${1#-}" != "$1" ] || ! command -v -- "$1" >/dev/null 2>&1; then
  set -- node "$@"
fi
exec "$@"
SH
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
}
root="$ctx/rootfs-amd64"
mkdir -p "$root"
node "$repo/scripts/node-rootfs.cjs" "$root" /usr/local/bin/node >/dev/null
official_layout "$root" "$bb_src"
if [ -f "$npm_src/package.json" ]; then
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -a "$(readlink -f "$npm_src")" "$root/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
fi
platforms=linux/amd64
if [ "$arm64_ok" = 1 ]; then
  arm64=$(bash "$(dirname "$0")/arm64-rootfs.sh")
  root="$ctx/rootfs-arm64"
  cp -a "$arm64" "$root"
  mkdir -p "$root/usr/local/bin"
  mv "$root/usr/bin/node" "$root/usr/local/bin/node"
  rm -f "$root/usr/bin/nodejs"
  official_layout "$root" "$root/usr/bin/busybox"
  platforms=linux/amd64,linux/arm64
else
  echo "publish: no arm64 emulation (scripts/e2e/binfmt.sh failed): node:20-bookworm-slim is amd64 only" >&2
fi
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
ARG TARGETARCH
COPY rootfs-${TARGETARCH}/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
DOCKERFILE
publish_opts=(--opt "platform=$platforms")
published=0
publish node-official "$ctx" localhost:5000/library/node:20-bookworm-slim localhost:5000/library/node:20-slim && published=1
publish_opts=()
if [ "$published" = 1 ]; then
  check_node node-official "$ctx" localhost:5000/library/node:20-bookworm-slim \
    'RUN node -e "console.log(\"node-official:\", process.version, process.arch)" && npm --version >/dev/null'
  if [ "$platforms" != linux/amd64 ]; then
    check_node node-official "$ctx" localhost:5000/library/node:20-bookworm-slim \
      'RUN node -e "console.log(\"node-official:\", process.version, process.arch)"' linux/arm64
  fi
fi
echo "$inputs" > "$stamps/node-official.inputs"
fi

# --- upstream's Dockerfile frontend (stable and labs builds) ---
# publish_frontend NAME BINARY REF
publish_frontend() {
  local name=$1 fe_src=$2 ref=$3 ctx
  [ -x "$fe_src" ] || { echo "publish: $fe_src is missing: run scripts/e2e/build-buildkit.sh" >&2; exit 1; }
  ctx="$ctx_root/$name"
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$fe_src" "$ctx/dockerfile-frontend"
  # The labels and layout of upstream's release stage
  # (frontend/dockerfile/cmd/dockerfile-frontend/Dockerfile at v0.32.2).
  cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
LABEL moby.buildkit.frontend.network.none="true"
LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring"
COPY dockerfile-frontend /bin/dockerfile-frontend
ENTRYPOINT ["/bin/dockerfile-frontend"]
DOCKERFILE
  publish "$name" "$ctx" "$ref" || true
}
publish_frontend upstream-dockerfile "$bin/dockerfile-frontend" localhost:5000/upstream/dockerfile:v0.32.2
publish_frontend upstream-dockerfile-labs "$bin/dockerfile-frontend-labs" localhost:5000/upstream/dockerfile:v0.32.2-labs

# --- a Windows base image ---
# The daemon runs Linux containers only, but it builds a Windows-target
# build whose steps are all file operations; so a Windows image
# (windows/amd64, a config like nanoserver's without its user) is made from
# scratch for the Windows-target cases: testdata/e2e/windows-* and the
# subrequest corpus's Windows files.
ctx="$ctx_root/windows-nanoserver"
rm -rf "$ctx"; mkdir -p "$ctx"
printf 'stand-in for nanoserver\r\n' > "$ctx/README.txt"
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
# escape=`
FROM scratch
COPY README.txt C:\Windows\System32\
CMD ["c:\\windows\\system32\\cmd.exe"]
DOCKERFILE
publish_opts=(--opt platform=windows/amd64)
publish windows-nanoserver "$ctx" localhost:5000/windows/nanoserver:ltsc2022 || true
publish_opts=()
