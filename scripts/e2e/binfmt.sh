#!/usr/bin/env bash
# Lets this machine run linux/arm64 binaries under emulation: registers Debian's
# qemu-user-static (installed by install-deps.sh) for aarch64 ELF files with
# the kernel's binfmt_misc, with the F flag (the interpreter is opened now, so
# it works inside containers, where /usr/libexec/qemu-binfmt is not visible).
# buildkitd then runs arm64 RUN steps and arm64 frontend images. Mounts
# binfmt_misc when it is not; a no-op when aarch64 is registered already.
# Machine-wide: needs root.
set -euo pipefail
dir=/proc/sys/fs/binfmt_misc
conf=/usr/lib/binfmt.d/qemu-aarch64.conf
[ -f "$conf" ] || { echo "binfmt: $conf is missing: run scripts/e2e/install-deps.sh (qemu-user-static)" >&2; exit 1; }
if [ ! -e "$dir/register" ]; then
  mount -t binfmt_misc binfmt_misc "$dir" || { echo "binfmt: cannot mount binfmt_misc on $dir" >&2; exit 1; }
fi
if [ -e "$dir/qemu-aarch64" ]; then
  echo "binfmt: aarch64 already registered ($(sed -n 's/^interpreter //p' "$dir/qemu-aarch64"))" >&2
  exit 0
fi
cat "$conf" > "$dir/register"
echo "binfmt: registered aarch64 -> $(sed -n 's/^interpreter //p' "$dir/qemu-aarch64") ($(sed -n 's/^flags: //p' "$dir/qemu-aarch64"))" >&2
