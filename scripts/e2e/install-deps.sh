#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests need: runc (buildkitd's OCI
# worker runs RUN steps with it), docker-registry (a real registry server),
# busybox-static (the static binary the local busybox base image is made of),
# git (buildkitd's git sources; `git daemon` and `git http-backend` serve the
# remote-context tests' repository), qemu-user-static (linux/arm64 under
# emulation: scripts/e2e/binfmt.sh registers it; the arm64 frontend image),
# bzip2, zstd and xz-utils (test/go/archive-time.test.ts compresses archives
# with them).
# Idempotent: does nothing when all are installed; runs apt-get update at
# most once per run.
set -euo pipefail
pkgs=(runc docker-registry busybox-static git qemu-user-static bzip2 zstd xz-utils)
missing=()
for p in "${pkgs[@]}"; do
  if [ "$(dpkg-query -W -f '${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: ${pkgs[*]} already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${missing[*]}"
