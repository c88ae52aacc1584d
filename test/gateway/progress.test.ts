// End-to-end: the progress a user sees is upstream's. Each case is built by
// our image and upstream's v0.32.2 image on the real buildkitd (builds and
// the `--call` subrequests buildx sends as `requestid`), and the names of
// every vertex in the raw progress stream must be the same. In particular no
// `[internal] load .dockerignore` step may show up where upstream reads no
// .dockerignore: when a base image or a stage cannot be resolved, when the
// Dockerfile does not parse, or for `--call targets` (upstream reads the
// context's .dockerignore only where its converter dispatches the stages).
// Cases whose outcome used to depend on timing are built several times.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { UPSTREAM_FRONTEND, buildctl, buildkitOrSkip, makeContext, releaseBuildkit } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { compareEach, contextArgs, gatewayArgs, optArgs, rawStatuses } from './lib/build.ts';

after(() => releaseBuildkit());

interface ProgressCase {
  name: string;
  files: Record<string, string>;
  opts?: Record<string, string>;
  /** how many times ours builds it (a step that shows up only now and then) */
  repeat?: number;
}

const IGNORE = { '.dockerignore': 'ignored\n', ignored: 'x\n', kept: 'y\n' };
const MISSING_IMAGE = 'FROM localhost:5000/e2e/no-such-image:1\nRUN true\n';
const MISSING_STAGE = 'FROM busybox\nCOPY --from=nosuchstage /x /x\n';
// No other image: with one, upstream's concurrent resolution on the daemon is
// cancelled by the invalid name before it asks (no `load metadata` step),
// while ours (like upstream against the oracle's instant resolver) resolves it.
const INVALID_STAGE = 'FROM scratch\nCOPY --from=Not:A:Valid:Name /x /x\n';
const PARSE_ERROR = 'FROM busybox\nNOTANINSTRUCTION x\n';
const GOOD = 'FROM busybox AS base\nCOPY kept /kept\nFROM base\nRUN true\n';

const requests = { check: 'frontend.lint', outline: 'frontend.outline', targets: 'frontend.targets' } as const;

const cases: ProgressCase[] = [
  ...(
    [
      ['missing-image', MISSING_IMAGE],
      ['missing-stage', MISSING_STAGE],
      ['invalid-stage-name', INVALID_STAGE],
      ['parse-error', PARSE_ERROR],
    ] as const
  ).flatMap(([name, df]): ProgressCase[] => [
    { name: `build-${name}`, files: { Dockerfile: df, ...IGNORE }, repeat: 2 },
    { name: `check-${name}`, files: { Dockerfile: df, ...IGNORE }, opts: { requestid: requests.check }, repeat: 2 },
    { name: `outline-${name}`, files: { Dockerfile: df, ...IGNORE }, opts: { requestid: requests.outline }, repeat: 2 },
  ]),
  { name: 'targets', files: { Dockerfile: GOOD, ...IGNORE }, opts: { requestid: requests.targets }, repeat: 4 },
  { name: 'targets-missing-image', files: { Dockerfile: MISSING_IMAGE, ...IGNORE }, opts: { requestid: requests.targets }, repeat: 2 },
  // Where upstream reads it, the step is there for both.
  { name: 'build-ok', files: { Dockerfile: GOOD, ...IGNORE } },
  { name: 'check-ok', files: { Dockerfile: GOOD, ...IGNORE }, opts: { requestid: requests.check } },
  { name: 'outline-ok', files: { Dockerfile: GOOD, ...IGNORE }, opts: { requestid: requests.outline } },
  { name: 'build-dockerfile-dockerignore', files: { Dockerfile: GOOD, 'Dockerfile.dockerignore': 'ignored\n', ignored: 'x\n', kept: 'y\n' } },
  { name: 'build-no-dockerignore', files: { Dockerfile: GOOD, kept: 'y\n' } },
];

/** The names of every vertex in the raw progress stream, sorted (concurrent steps come in no fixed order). */
function stepNames(stderr: string, frontend: string): string[] {
  const names = new Map<string, string>();
  for (const st of rawStatuses(stderr)) {
    for (const v of st.vertexes ?? []) if (v.name !== undefined) names.set(v.digest, v.name);
  }
  return (
    [...names.values()]
      // A base image's vertex, and the frontend image's own, is shared with concurrent builds
      // on the daemon (other tests, other checkouts building the same image): it shows up under
      // the name one of them gave it, or more than once. Neither is the frontend's doing.
      .filter((n) => !/^(\[[^\]]*\] )?FROM /.test(n) && !n.startsWith('docker-image://'))
      // The daemon resolves the frontend image under its own name.
      .map((n) => n.split(frontend).join('<frontend>'))
      .sort()
  );
}

async function steps(frontend: string, ctx: string, opts: Record<string, string>): Promise<string[]> {
  const r = await buildctl([...gatewayArgs(frontend, 'rawjson'), ...contextArgs(ctx), ...optArgs(opts)], { timeoutMs: 300_000 });
  return stepNames(r.stderr, frontend);
}

test('progress steps: ours against upstream (gateway.v0)', { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  await compareEach(t, 'progress', cases, (c) => c.name, async (c) => {
    const ctx = await makeContext(c.files);
    try {
      const want = await steps(UPSTREAM_FRONTEND, ctx, c.opts ?? {});
      for (let i = 0; i < (c.repeat ?? 1); i++) {
        assert.deepEqual(await steps(ours, ctx, c.opts ?? {}), want, `steps of ours (run ${i + 1}) against upstream's`);
      }
    } finally {
      await rm(ctx, { recursive: true, force: true });
    }
  });
});
