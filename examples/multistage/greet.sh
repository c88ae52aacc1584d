#!/bin/sh
# Prints a greeting; with --twice, prints it two times.
n=1
[ "${1:-}" = --twice ] && n=2
while [ "$n" -gt 0 ]; do
  echo "${GREETING:-hello}, world (built by dockerfile-llb)"
  n=$((n - 1))
done
