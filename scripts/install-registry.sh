#!/usr/bin/env bash
# Installs Debian's docker-registry (the CNCF distribution server), which the
# registry client tests run as a real OCI registry. Does nothing if present.
set -euo pipefail
if command -v docker-registry >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends docker-registry
