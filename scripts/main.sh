#!/usr/bin/env bash
# The main job, from a fresh clone (as root):
#  1. builds the bundle and compiles examples/Dockerfile to BuildKit LLB with
#     no daemon (one op per line as JSON, then the image config; base images
#     from examples/image-metadata.json);
#  2. sets up BuildKit v0.32.2 and the local registry (the e2e scripts:
#     install-deps, build-buildkit, start, publish-base-images), unless
#     BUILDKIT_HOST names a daemon to use (registry: E2E_REGISTRY, default
#     localhost:5000);
#  3. builds and pushes our frontend image (scripts/frontend-image.sh);
#  4. builds examples/multistage/Dockerfile with the daemon's dockerfile.v0,
#     which forwards to our image because of the file's `# syntax=` line,
#     pushes the result to the registry and prints what it built and where.
# A daemon and registry started here are stopped at the end (unless a test
# process still uses them: start.sh/stop.sh count users); with --keep they
# keep running, and the last lines are the `export` lines that make the
# README's "Using the image" examples work in your shell (stop them with
# `bash scripts/e2e/stop.sh`).
#
# Usage: bash scripts/main.sh [--keep]
set -euo pipefail
keep=0
case "${1:-}" in
  --keep) keep=1 ;;
  "") ;;
  *) echo "usage: bash scripts/main.sh [--keep]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
repo=$(pwd)
t_start=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - t_start ))s so far)"; }

echo "main: npm ci" >&2
npm ci --no-audit --no-fund >/dev/null
npm run --silent build

step "1. LLB of examples/Dockerfile, no daemon (one op per line, as buildctl debug dump-llb prints it)"
config="$(mktemp)"
meta="$(mktemp)"
log="$(mktemp)"
cleanup() { rm -f "$config" "$meta" "$log"; }
trap cleanup EXIT
node dist/dockerfile-llb.js llb -f examples/Dockerfile --image-metadata examples/image-metadata.json \
  --format json --image-config-out "$config"
echo "== image config"
cat "$config"
echo

step "2. BuildKit (building it from the Go module proxy takes ~2 minutes the first time)"
bash scripts/e2e/build-buildkit.sh >&2
buildctl="$repo/.cache/bin/buildctl"
if [ -n "${BUILDKIT_HOST:-}" ]; then
  registry=${E2E_REGISTRY:-localhost:5000}
  echo "using the daemon at BUILDKIT_HOST=$BUILDKIT_HOST, registry $registry"
else
  bash scripts/e2e/install-deps.sh >&2
  if [ "$keep" = 1 ]; then
    # Registered as the by-hand user: running until scripts/e2e/stop.sh.
    env_out=$(bash scripts/e2e/start.sh)
  else
    env_out=$(bash scripts/e2e/start.sh --user $$)
    trap 'cleanup; bash "$repo/scripts/e2e/stop.sh" --user $$ >&2' EXIT
  fi
  eval "$env_out"
  bash scripts/e2e/publish-base-images.sh >&2
  registry=$E2E_REGISTRY
  if [ "$keep" = 1 ]; then
    echo "started buildkitd ($BUILDKIT_HOST) and the registry ($registry); they keep running (--keep)"
  else
    echo "started buildkitd ($BUILDKIT_HOST) and the registry ($registry); both stop when this script ends"
  fi
fi
export BUILDKIT_HOST

step "3. the frontend image"
frontend="$registry/dockerfile-llb:dev"
SKIP_NPM_BUILD=1 bash scripts/frontend-image.sh "$frontend"

step "4. examples/multistage/Dockerfile through it (# syntax=)"
image="$registry/examples/multistage:latest"
syntax_opt=()
# The file names localhost:5000/dockerfile-llb:dev; another registry's copy is
# named by BUILDKIT_SYNTAX, which takes precedence over the directive.
[ "$frontend" = localhost:5000/dockerfile-llb:dev ] || syntax_opt=(--opt "build-arg:BUILDKIT_SYNTAX=$frontend")
if ! "$buildctl" --addr "$BUILDKIT_HOST" build --progress=plain --frontend dockerfile.v0 "${syntax_opt[@]}" \
  --local context=examples/multistage --local dockerfile=examples/multistage \
  --output "type=image,name=$image,push=true" --metadata-file "$meta" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "main: the build of examples/multistage failed" >&2
  exit 1
fi
grep -E "^#[0-9]+ (\[|resolve image config for|DONE|CACHED)" "$log" | grep -E "resolve image config for|\] (FROM|RUN|COPY|LABEL|ENV|USER|WORKDIR)" | sed 's/^/  /' || true
grep -q "resolve image config for docker-image://$frontend" "$log" \
  || { echo "main: the daemon did not forward the build to $frontend" >&2; exit 1; }

node - "$image" "$meta" "$frontend" <<'JS'
const [image, metaFile, frontend] = process.argv.slice(2);
const meta = JSON.parse(require('node:fs').readFileSync(metaFile, 'utf8'));
const digest = meta['containerimage.digest'];
const m = /^([^/]+)\/(.+):([^:/]+)$/.exec(image);
const host = m[1];
const scheme = /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? 'http' : 'https';
const base = `${scheme}://${host.replace(/^localhost(?=:|$)/, '127.0.0.1')}/v2/${m[2]}`;
const accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
(async () => {
  const manifest = await (await fetch(`${base}/manifests/${digest}`, { headers: { accept } })).json();
  const config = await (await fetch(`${base}/blobs/${manifest.config.digest}`)).json();
  const c = config.config ?? {};
  const size = manifest.layers.reduce((a, l) => a + l.size, 0);
  const lines = [
    `built ${image}`,
    `  through:      ${frontend} (the daemon's dockerfile.v0 forwarded to it: # syntax=)`,
    `  digest:       ${digest}`,
    `  pushed to:    ${image.replace(/:[^:/]+$/, '')}@${digest}`,
    `  platform:     ${config.os}/${config.architecture}`,
    `  layers:       ${manifest.layers.length} (${(size / 1024).toFixed(1)} KiB compressed)`,
    `  entrypoint:   ${JSON.stringify(c.Entrypoint ?? null)}`,
    `  cmd:          ${JSON.stringify(c.Cmd ?? null)}`,
    `  user:         ${c.User ?? ''}`,
    `  workdir:      ${c.WorkingDir ?? ''}`,
    `  env:          ${(c.Env ?? []).join(' ')}`,
    `  exposed:      ${Object.keys(c.ExposedPorts ?? {}).join(' ')}`,
    `  labels:       ${Object.entries(c.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join('; ')}`,
    `  history:      ${(config.history ?? []).length} entries, last: ${(config.history ?? []).at(-1)?.created_by ?? ''}`,
  ];
  console.log(lines.join('\n'));
})().catch((e) => { console.error(`main: reading ${image} from the registry: ${e.message}`); process.exit(1); });
JS
echo "main: done in $(( $(date +%s) - t_start ))s"
if [ "$keep" = 1 ]; then
  cat <<EOF
== the daemon and the registry keep running; in your shell:
export BUILDKIT_HOST=$BUILDKIT_HOST
export PATH=$repo/.cache/bin:\$PATH
alias dockerfile-llb='node $repo/dist/dockerfile-llb.js'
# then the README's "Using the image" examples work as written; stop both with:
#   bash scripts/e2e/stop.sh
EOF
fi
