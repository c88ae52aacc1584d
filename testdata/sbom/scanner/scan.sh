#!/bin/sh
# A stand-in for an SBOM scanner (docker/buildkit-syft-scanner), for tests:
# it follows BuildKit's scanner protocol (frontend/attestations/sbom) and
# writes one in-toto statement with an SPDX predicate type per scanned tree
# into $BUILDKIT_SCAN_DESTINATION: sbom.spdx.json for $BUILDKIT_SCAN_SOURCE
# and <name>.spdx.json for each directory in $BUILDKIT_SCAN_SOURCE_EXTRAS
# (sbom-context, sbom-<stage>). The predicate lists every file of the tree
# with its type and SHA-256, and records how the scanner was run (its
# BUILDKIT_SCAN_* and FAKE_* environment, working directory, arguments, the
# mount types of /tmp and the sources), so that two frontends that run it
# differently produce different attestations.
set -eu

esc() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

# json_lines: stdin lines as a JSON array of strings.
json_lines() {
  first=1
  printf '['
  while IFS= read -r line; do
    [ "$first" = 1 ] || printf ','
    first=0
    printf '"%s"' "$(printf '%s' "$line" | esc)"
  done
  printf ']'
}

# files DIR: "path type" lines, sorted.
files() {
  (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | while IFS= read -r f; do
    if [ -L "$f" ]; then t="symlink $(readlink "$f")"
    elif [ -d "$f" ]; then t="dir"
    else t="file $(sha256sum < "$f" | cut -d' ' -f1)"; fi
    printf '%s %s\n' "${f#./}" "$t"
  done)
}

mount_info() { # the fstype and options of the mount at $1
  awk -v m="$1" '$2 == m { print $3, ($4 ~ /(^|,)ro(,|$)/ ? "ro" : "rw") }' /proc/mounts
}

run_info() {
  {
    env | LC_ALL=C sort | grep -E '^(BUILDKIT_SCAN_|FAKE_)' | sed 's/^/env /'
    echo "cwd $(pwd)"
    echo "args $0 $*"
    echo "mount /tmp $(mount_info /tmp)"
    echo "mount $BUILDKIT_SCAN_SOURCE $(mount_info "$BUILDKIT_SCAN_SOURCE")"
    if [ -n "${BUILDKIT_SCAN_SOURCE_EXTRAS:-}" ]; then
      for d in "$BUILDKIT_SCAN_SOURCE_EXTRAS"/*; do echo "mount $d $(mount_info "$d")"; done
    fi
  } | json_lines
}

# statement NAME DIR FILE
statement() {
  {
    printf '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],'
    printf '"predicate":{"spdxVersion":"SPDX-2.3","name":"%s","run":' "$1"
    run_info
    printf ',"files":'
    files "$2" | json_lines
    printf '}}\n'
  } > "$3"
}

statement sbom "$BUILDKIT_SCAN_SOURCE" "$BUILDKIT_SCAN_DESTINATION/sbom.spdx.json"
if [ -n "${BUILDKIT_SCAN_SOURCE_EXTRAS:-}" ]; then
  for d in "$BUILDKIT_SCAN_SOURCE_EXTRAS"/*; do
    [ -d "$d" ] || continue
    n=$(basename "$d")
    statement "$n" "$d" "$BUILDKIT_SCAN_DESTINATION/$n.spdx.json"
  done
fi
