// End-to-end: every frontend option and special build arg that the other e2e
// tests do not already cover, built with our image and with upstream's v0.32.2
// image on the real buildkitd, and the outcomes compared:
// - a successful build is pushed with SOURCE_DATE_EPOCH fixed and the pushed
//   manifest digests must be equal (ours builds first; when our LLB is
//   upstream's, upstream's build is served from the same cache, so equal
//   digests mean the same LLB, config and layers). Where the option acts on
//   RUN (hosts, hostname, shm, ulimit, cgroup, resources, network), the RUN
//   writes what it sees into the image, and upstream's file is checked to
//   show the option took effect;
// - a failing build must print the same error (buildctl's `error:` line and
//   the Dockerfile location);
// - the build warnings (from the raw progress stream) must be the same;
// - no-cache by stage: after a warm-up build, the same steps re-run;
// - BUILDKIT_CACHE_MOUNT_NS: a cache mount written by one frontend is seen
//   (or not) by the other exactly as by upstream itself;
// - # syntax= / BUILDKIT_SYNTAX forwarding from our frontend to another image
//   (and to itself: the `cmdline` loop guard), against upstream doing the same.
// Cases live in testdata/e2e-options/cases.json (see its README).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, buildctl, buildkitOrSkip, fetchManifest, imageLayers, makeContext, releaseBuildkit, repoRoot, uniqueRef } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { MASK_DIGESTS, MASK_IDS, contextArgs, distinctRawWarnings, errorLines, gatewayArgs, rawStatuses } from './lib/build.ts';

after(() => releaseBuildkit());

const EPOCH = '1700000000';
const DATA = join(repoRoot, 'testdata', 'e2e-options');

interface OptionCase {
  name: string;
  /** what the case is about (printed with a difference) */
  about: string;
  /** the build context; `Dockerfile` text may hold {{SELF}} (the frontend under test), {{OURS}}, {{UPSTREAM}} */
  files: Record<string, string>;
  /** a separate Dockerfile directory (else the context is also the Dockerfile's) */
  dockerfile?: Record<string, string>;
  /** local names of the context and the Dockerfile directory (default context, dockerfile) */
  contextName?: string;
  dockerfileName?: string;
  opts?: Record<string, string>;
  /** further buildctl arguments */
  args?: string[];
  fail?: boolean;
  /** in upstream's image, this file must match this pattern (the option took effect) */
  reveal?: { path: string; match: string };
  /** warm up with upstream's image without these opts, then compare which steps ran (rewrite-timestamp output) */
  warmWithout?: string[];
  /** no SOURCE_DATE_EPOCH build arg */
  noEpoch?: boolean;
}

const cases = JSON.parse(readFileSync(join(DATA, 'cases.json'), 'utf8')) as OptionCase[];

interface Outcome {
  ok: boolean;
  error: string;
  digest: string;
  ref: string;
  warnings: string[];
  /** instruction steps with CACHED or ran, sorted */
  steps: string[];
  stderr: string;
}

function fill(text: string, self: string, ours: string): string {
  return text.replaceAll('{{SELF}}', self).replaceAll('{{OURS}}', ours).replaceAll('{{UPSTREAM}}', UPSTREAM_FRONTEND);
}

/** Frontend image names as roles, so that "forward to itself" compares equal for both. */
function roles(text: string, self: string, ours: string): string {
  const other = self === ours ? UPSTREAM_FRONTEND : ours;
  return text.replaceAll(self, '<self>').replaceAll(other, '<other>');
}

function errorOf(stderr: string): string {
  return errorLines(stderr, { masks: [MASK_IDS, MASK_DIGESTS] });
}

/**
 * The build's warnings and instruction steps from `--progress=rawjson`. The
 * plain printer drops a warning that arrives for a vertex it has already
 * closed (upstream's own build through `# syntax=` of itself shows it in the
 * raw stream, never in the plain one), so the raw stream is compared.
 */
function progressOf(stderr: string): { warnings: string[]; steps: string[] } {
  const vertices = new Map<string, { name: string; cached: boolean }>();
  for (const st of rawStatuses(stderr)) {
    for (const v of st.vertexes ?? []) {
      const prev = vertices.get(v.digest);
      vertices.set(v.digest, { name: v.name ?? prev?.name ?? '', cached: (prev?.cached ?? false) || v.cached === true });
    }
  }
  const steps = [...vertices.values()]
    .filter((v) => /^\[(?!internal\])[^\]]*\] /.test(v.name))
    // A base image's FROM vertex is shared by every build on the daemon that
    // uses the image, and named by whichever build reached it first: it is
    // compared without its `[stage n/m]` prefix.
    .map((v) => `${/^\[[^\]]*\] FROM /.test(v.name) ? v.name.replace(/^\[[^\]]*\] /, '') : v.name}: ${v.cached ? 'CACHED' : 'ran'}`)
    .sort();
  return { warnings: distinctRawWarnings(stderr), steps };
}

async function buildOnce(c: OptionCase, self: string, ours: string, dirs: { ctx: string; df: string }, opts: Record<string, string>, nonce: string): Promise<Outcome> {
  const ref = uniqueRef(`options-${c.name}`);
  const args = gatewayArgs(self, 'rawjson');
  args.push('--local', `${c.contextName ?? 'context'}=${dirs.ctx}`, '--local', `${c.dockerfileName ?? 'dockerfile'}=${dirs.df}`);
  const all: Record<string, string> = { ...(c.noEpoch ? {} : { 'build-arg:SOURCE_DATE_EPOCH': EPOCH }), 'build-arg:NONCE': nonce, ...opts };
  for (const [k, v] of Object.entries(all)) args.push('--opt', `${k}=${fill(v, self, ours)}`);
  args.push(...(c.args ?? []));
  args.push('--output', `type=image,name=${ref},push=true${c.warmWithout ? ',rewrite-timestamp=true' : ''}`);
  const r = await buildctl(args, { timeoutMs: 300_000 });
  const stderr = roles(r.stderr, self, ours);
  const { warnings, steps } = progressOf(stderr);
  if (r.code !== 0) return { ok: false, error: errorOf(stderr), digest: '', ref, warnings, steps, stderr };
  const m = await fetchManifest(ref);
  return { ok: true, error: '', digest: m.digest, ref, warnings, steps, stderr };
}

/** buildctl's own lines (not the raw progress), for a failure message. */
function tail(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !l.startsWith('{'))
    .join('\n')
    .slice(-3000);
}

async function fileIn(ref: string, path: string): Promise<string | undefined> {
  const layers = await imageLayers(ref);
  let found: string | undefined;
  for (const l of layers) for (const e of l) if (e.name === path || e.name === `./${path}`) found = e.content.toString('utf8');
  return found;
}

async function materialise(files: Record<string, string>, self: string, ours: string): Promise<string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[k] = fill(v, self, ours);
  return makeContext(out);
}

/** At most `n` cases build at once (the daemon is shared with other tests). */
function limiter(n: number): <T>(f: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (f) => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await f();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

test(`e2e options: ${cases.length} option cases plus cache-mount namespaces, ours vs upstream v0.32.2`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const limit = limiter(8);
  let same = 0;
  let total = cases.length;
  const different: string[] = [];

  await Promise.all(
    cases.map((c) =>
      t.test(c.name, { concurrency: true }, () =>
        limit(async () => {
          const made: string[] = [];
          const dirsFor = async (self: string) => {
            const ctx = await materialise(c.files, self, ours);
            const df = c.dockerfile ? await materialise(c.dockerfile, self, ours) : ctx;
            made.push(ctx, df);
            return { ctx, df };
          };
          try {
            const nonce = `${runId}-${c.name}`;
            if (c.warmWithout) {
              const warm = Object.fromEntries(Object.entries(c.opts ?? {}).filter(([k]) => !c.warmWithout?.includes(k)));
              const w = await buildOnce(c, UPSTREAM_FRONTEND, ours, await dirsFor(UPSTREAM_FRONTEND), warm, nonce);
              assert.ok(w.ok, `warm-up failed:\n${tail(w.stderr)}`);
            }
            const a = await buildOnce(c, ours, ours, await dirsFor(ours), c.opts ?? {}, nonce);
            const u = await buildOnce(c, UPSTREAM_FRONTEND, ours, await dirsFor(UPSTREAM_FRONTEND), c.opts ?? {}, nonce);
            try {
              assert.equal(u.ok, !c.fail, `upstream ${c.fail ? 'succeeded' : 'failed'}:\n${tail(u.stderr)}`);
              assert.equal(a.ok, u.ok, `ours ${a.ok ? 'succeeded' : 'failed'}, upstream did not:\n${tail(a.stderr)}`);
              assert.equal(a.error, u.error, 'error');
              assert.deepEqual(a.warnings, u.warnings, 'warnings');
              if (c.warmWithout) assert.deepEqual(a.steps, u.steps, 'steps that ran again');
              if (u.ok) {
                if (c.reveal) {
                  const seen = await fileIn(u.ref, c.reveal.path);
                  assert.match(seen ?? '<missing>', new RegExp(c.reveal.match), `upstream's /${c.reveal.path}`);
                }
                assert.equal(a.digest, u.digest, `pushed digest${c.reveal ? ` (ours /${c.reveal.path}: ${JSON.stringify(await fileIn(a.ref, c.reveal.path))})` : ''}`);
              } else {
                assert.ok(u.error !== '', 'upstream printed an error');
              }
              same++;
            } catch (err) {
              different.push(`${c.name} (${c.about})`);
              throw err;
            }
          } finally {
            for (const d of new Set(made)) await rm(d, { recursive: true, force: true });
          }
        }),
      ),
    ),
  );

  // BUILDKIT_CACHE_MOUNT_NS: a writer and a reader of one cache mount, in
  // every pairing of the two frontends, with the same namespace and with a
  // different one. What the reader sees must be what it sees with upstream as
  // both writer and reader.
  const WRITE = 'FROM busybox\nARG NONCE\nRUN --mount=type=cache,target=/c echo "$NONCE" > /c/v\n';
  const READ = 'FROM busybox\nARG NONCE\nRUN --mount=type=cache,target=/c (cat /c/v 2>/dev/null || echo none) > /seen && echo "$NONCE" > /read\n';
  const wctx = await makeContext({ Dockerfile: WRITE });
  const rctx = await makeContext({ Dockerfile: READ });
  t.after(async () => {
    await rm(wctx, { recursive: true, force: true });
    await rm(rctx, { recursive: true, force: true });
  });
  const pairs = [
    ['upstream', UPSTREAM_FRONTEND, 'upstream', UPSTREAM_FRONTEND],
    ['ours', ours, 'ours', ours],
    ['ours', ours, 'upstream', UPSTREAM_FRONTEND],
    ['upstream', UPSTREAM_FRONTEND, 'ours', ours],
  ] as const;
  const seen = new Map<string, string>();
  const nsCase = async (label: string, w: string, r: string, writeNs: string | undefined, readNs: string | undefined, nonce: string) => {
    const one = async (frontend: string, ctx: string, ns: string | undefined, n: string, out?: string) => {
      const args = [...gatewayArgs(frontend), ...contextArgs(ctx)];
      args.push('--opt', `build-arg:NONCE=${n}`);
      if (ns !== undefined) args.push('--opt', `build-arg:BUILDKIT_CACHE_MOUNT_NS=${ns}`);
      if (out) args.push('--output', `type=local,dest=${out}`);
      const res = await buildctl(args, { timeoutMs: 300_000 });
      assert.equal(res.code, 0, `${label}: ${res.stderr.slice(-3000)}`);
    };
    await one(w, wctx, writeNs, nonce);
    const out = await mkdtemp(join(tmpdir(), 'options-ns-'));
    try {
      await one(r, rctx, readNs, `${nonce}-read`, out);
      seen.set(label, (await readFile(join(out, 'seen'), 'utf8')).trim() === nonce ? 'seen' : 'not seen');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  };
  const nsKinds = [
    ['same namespace', (k: string) => [`ns-${k}`, `ns-${k}`]],
    ['different namespace', (k: string) => [`ns-${k}-w`, `ns-${k}-r`]],
  ] as const;
  for (const [kind, nss] of nsKinds) {
    for (const [wn, w, rn, r] of pairs) {
      const key = `${runId}-${wn}-${rn}-${kind.replace(' ', '-')}`;
      const [wns, rns] = nss(key);
      await nsCase(`${kind}: ${wn} writes, ${rn} reads`, w, r, wns, rns, key);
    }
  }
  const nsLines: string[] = [];
  for (const [kind] of nsKinds) {
    const want = seen.get(`${kind}: upstream writes, upstream reads`);
    assert.equal(want, kind === 'same namespace' ? 'seen' : 'not seen', `upstream with ${kind}`);
    for (const [wn, , rn] of pairs) {
      const label = `${kind}: ${wn} writes, ${rn} reads`;
      nsLines.push(`${label}: ${seen.get(label)}`);
      if (wn === 'upstream' && rn === 'upstream') continue; // the reference
      total++;
      if (seen.get(label) === want) same++;
      else different.push(`BUILDKIT_CACHE_MOUNT_NS ${label}: ${seen.get(label) ?? '?'}, upstream alone: ${want}`);
    }
  }
  t.diagnostic(nsLines.join('; '));

  const msg = `e2e options: ${same}/${total} identical${different.length ? ` (different: ${different.join('; ')})` : ''}`;
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
  assert.deepEqual(different, [], msg);
});
