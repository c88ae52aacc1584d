#!/usr/bin/env bash
# Installs Debian's docker-registry (the CNCF distribution server), which the
# registry client tests run as a real OCI registry. Does nothing if present.
set -euo pipefail
# The token-auth test also needs openssl to make its signing certificate.
pkgs=()
command -v docker-registry >/dev/null 2>&1 || pkgs+=(docker-registry)
command -v openssl >/dev/null 2>&1 || pkgs+=(openssl)
if [ "${#pkgs[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${pkgs[@]}"
