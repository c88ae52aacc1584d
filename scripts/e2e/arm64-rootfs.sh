#!/usr/bin/env bash
# Assembles a linux/arm64 root filesystem with Node.js 20 and busybox from
# Debian's packages, for the arm64 half of the node stand-in image
# (publish-base-images.sh). Debian bookworm, this machine's release, has
# Node.js 18 only, so the packages come from trixie (Node.js 20.19), with
# their own libc and libraries: the tree is self-contained. apt runs with a
# state directory of its own ($E2E_DIR/apt-arm64: sources, lists, downloads),
# so the machine's apt configuration is neither read nor changed. The tree is
# made once and kept in $E2E_DIR/arm64-rootfs (E2E_REPUBLISH=1 makes it anew).
#
# Usage: arm64-rootfs.sh   (prints the tree's path)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
out="$E2E_DIR/arm64-rootfs"
if [ -x "$out/usr/bin/node" ] && [ -x "$out/usr/bin/busybox" ] && [ "${E2E_REPUBLISH:-}" != 1 ]; then
  echo "$out"
  exit 0
fi
state="$E2E_DIR/apt-arm64"
rm -rf "$state"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/etc/sources.list.d"
touch "$state/status"
cat > "$state/etc/sources.list.d/trixie.sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Architectures: arm64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
apt_opts=(
  -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$state/etc/sources.list.d"
  -o "Dir::State::Lists=$state/lists" -o "Dir::State::Status=$state/status" -o "Dir::Cache=$state/cache"
  -o "APT::Architecture=arm64" -o "APT::Architectures::=arm64" -o "APT::Install-Recommends=0"
  -o "Debug::NoLocking=1" -q
)
t0=$(date +%s)
echo "arm64-rootfs: downloading Debian trixie's nodejs and busybox-static for arm64" >&2
apt-get "${apt_opts[@]}" update >"$state/apt.log" 2>&1 || { tail -n 20 "$state/apt.log" >&2; exit 1; }
apt-get "${apt_opts[@]}" install -y --download-only nodejs busybox-static >>"$state/apt.log" 2>&1 || { tail -n 20 "$state/apt.log" >&2; exit 1; }
rm -rf "$out.tmp"; mkdir -p "$out.tmp"
n=0
for deb in "$state"/cache/archives/*.deb; do
  dpkg-deb -x "$deb" "$out.tmp"
  n=$((n + 1))
done
version=$(basename "$(ls "$state"/cache/archives/nodejs_*.deb)" | cut -d_ -f2)
rm -rf "$out"; mv "$out.tmp" "$out"
rm -rf "$state/cache/archives"
echo "arm64-rootfs: nodejs $version and its libraries ($n packages) in $(( $(date +%s) - t0 ))s into $out" >&2
echo "$out"
