// SBOM attestations (attest:sbom, BUILDKIT_SBOM_SCAN_CONTEXT/STAGE) through
// our frontend image and upstream's, on the real daemon. Each case of
// testdata/sbom/cases is built by both with a fake scanner
// (testdata/sbom/scanner, pushed by scripts/e2e/sbom-scanner.sh) and pushed;
// the image index, the image manifests and every in-toto statement of the
// attestation manifests must be the same (the statements' subject names carry
// the pushed tag, which is replaced by TAG on both sides).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  UPSTREAM_FRONTEND,
  build,
  buildkitOrSkip,
  ensureBuildkit,
  fetchBlob,
  fetchManifest,
  inCI,
  parseRef,
  readTar,
  releaseBuildkit,
  repoRoot,
  run,
  type Env,
  type ImageConfig,
  type Index,
  type Manifest,
} from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { errorLines } from './lib/build.ts';

after(() => releaseBuildkit());

const SCANNER = 'localhost:5000/test/fake-sbom-scanner:1';
const casesDir = join(repoRoot, 'testdata', 'sbom', 'cases');
const cases = readdirSync(casesDir).sort();

interface Snapshot {
  index: unknown[];
  attestations: Record<string, unknown[]>;
}

/**
 * The pushed result, with what depends on the tag (attestation subjects,
 * hence attestation manifest digests) neutralised. With `volatile` (a
 * no-cache build, whose layers get new timestamps even from upstream alone)
 * image manifest digests are replaced by the images' contents: config
 * without diff ids and creation times, and each layer's entries without times.
 */
async function snapshot(ref: string, volatile: boolean): Promise<Snapshot> {
  const r = parseRef(ref);
  const top = await fetchManifest(ref);
  assert.ok('manifests' in top.body, `${ref} is not an index`);
  const idx = top.body as Index;
  const out: Snapshot = { index: [], attestations: {} };
  const byDigest = new Map(idx.manifests.map((m) => [m.digest, m]));
  const images = new Map<string, string>();
  for (const d of idx.manifests) {
    if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || !volatile) continue;
    const name = `IMAGE-${d.platform?.os}/${d.platform?.architecture}`;
    images.set(d.digest, name);
    const m = (await fetchManifest(`${r.registry}/${r.repository}@${d.digest}`)).body as Manifest;
    const config = JSON.parse((await fetchBlob(ref, m.config.digest)).toString('utf8')) as ImageConfig;
    const layers = [];
    for (const l of m.layers) {
      layers.push(readTar(await fetchBlob(ref, l.digest)).map((e) => ({ ...e, content: e.content.toString('base64') })));
    }
    const history = (config.history ?? []).map((h) => ({ ...h, created: h.created === undefined ? undefined : 'TIME' }));
    out.attestations[name] = [{ config: { ...config, created: 'TIME', history, rootfs: { type: config.rootfs.type } }, layers }];
  }
  const neutral = (text: string): string => {
    let t = text;
    for (const [dg, name] of images) t = t.split(dg).join(name).split(dg.replace(/^sha256:/, '')).join(name);
    return t;
  };
  for (const d of idx.manifests) {
    const isAtt = d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
    out.index.push(JSON.parse(neutral(JSON.stringify({ ...d, digest: isAtt ? 'ATTESTATION' : d.digest }))) as unknown);
    if (!isAtt) continue;
    const target = byDigest.get(d.annotations?.['vnd.docker.reference.digest'] ?? '');
    const key = target?.platform ? `${target.platform.os}/${target.platform.architecture}` : 'unknown';
    const m = (await fetchManifest(`${r.registry}/${r.repository}@${d.digest}`)).body as Manifest & { subject?: unknown; artifactType?: string };
    const layers: unknown[] = [{ artifactType: m.artifactType, config: m.config, subject: m.subject, annotations: m.annotations }];
    for (const l of m.layers) {
      const text = (await fetchBlob(ref, l.digest)).toString('utf8').split(`@${r.reference}?`).join('@TAG?');
      layers.push({ mediaType: l.mediaType, annotations: l.annotations, statement: JSON.parse(text) as unknown });
    }
    out.attestations[key] = JSON.parse(neutral(JSON.stringify(layers))) as unknown[];
  }
  return out;
}

function caseOpts(name: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(casesDir, name, 'opts.json'), 'utf8')) as Record<string, string>;
  const o: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) o[k] = v.split('$SCANNER').join(SCANNER);
  return o;
}

let env: Env | undefined;
let ours = '';

before(async () => {
  try {
    env = await ensureBuildkit();
  } catch (e) {
    if (inCI) throw e;
    return;
  }
  ours = await ensureFrontendImage();
  const r = await run('bash', [join(repoRoot, 'scripts', 'e2e', 'sbom-scanner.sh'), SCANNER], {
    env: { BUILDKIT_HOST: env.buildkitHost, E2E_DIR: env.dir },
  });
  if (r.code !== 0) throw new Error(`scripts/e2e/sbom-scanner.sh failed:\n${r.stderr}${r.stdout}`);
});

test('SBOM attestations: ours and upstream give the same images and in-toto statements', { timeout: 1_200_000 }, async (t) => {
  if (!(await buildkitOrSkip(t)) || env === undefined) return;
  const tag = `t${Date.now().toString(36)}-${process.pid}`;
  let identical = 0;
  let cachedScans = 0;
  let scans = 0;
  const failures: string[] = [];
  for (const name of cases) {
    const context = join(casesDir, name);
    const opts = caseOpts(name);
    const results: Snapshot[] = [];
    for (const [who, frontend] of [['up', UPSTREAM_FRONTEND], ['ours', ours]] as const) {
      const ref = `localhost:5000/e2e/sbom-${name}:${who}-${tag}`;
      const r = await build({ context, frontend, opts, output: `type=image,name=${ref},push=true` });
      if (r.code !== 0) {
        failures.push(`${name} (${who}): build failed\n${r.stderr.split('\n').slice(-25).join('\n')}`);
        break;
      }
      if (who === 'ours') {
        for (const s of r.steps) {
          if (!/\] generating sbom using /.test(s.name)) continue;
          scans++;
          if (s.cached) cachedScans++;
        }
      }
      results.push(await snapshot(ref, 'no-cache' in opts));
    }
    if (results.length !== 2) continue;
    try {
      assert.deepEqual(results[1], results[0]);
      identical++;
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message.slice(0, 3000)}`);
    }
  }
  // A scan of ours served from the cache of upstream's ran the same LLB (same cache key).
  process.stderr.write(`# sbom scans of ours answered from upstream's cache (same LLB): ${cachedScans}/${scans}\n`);
  console.log(`e2e sbom: ${identical}/${cases.length} identical`);
  assert.deepEqual(failures, []);
});

test('SBOM cases produce the attestations they are meant to', { timeout: 600_000 }, async (t) => {
  if (!(await buildkitOrSkip(t)) || env === undefined) return;
  // The parity above is only worth something if the cases really scan
  // extras: the stage list case scans two stages besides the target, the
  // context case the context's used files without the ignored one.
  const tag = `c${Date.now().toString(36)}-${process.pid}`;
  const names = async (name: string): Promise<string[][]> => {
    const ref = `localhost:5000/e2e/sbom-${name}:check-${tag}`;
    const r = await build({ context: join(casesDir, name), frontend: ours, opts: caseOpts(name), output: `type=image,name=${ref},push=true` });
    assert.equal(r.code, 0, r.stderr);
    const s = await snapshot(ref, false);
    return Object.values(s.attestations).map((layers) =>
      layers.slice(1).map((l) => {
        const p = (l as { statement: { predicate: { name: string; files: string[] } } }).statement.predicate;
        return `${p.name}: ${p.files.join(' | ')}`;
      }),
    );
  };
  const list = await names('scan-stage-list');
  assert.equal(list.length, 1);
  assert.deepEqual(list[0]!.map((x) => x.split(':')[0]), ['sbom', 'sbom-build', 'sbom-deps']);
  const ctx = await names('scan-context');
  assert.deepEqual(ctx[0]!.map((x) => x.split(':')[0]), ['sbom', 'sbom-context']);
  assert.ok(ctx[0]![1]!.includes('src/main.sh file'), ctx[0]![1]);
  assert.ok(!ctx[0]![1]!.includes('secret.key'), ctx[0]![1]);
  assert.ok(!ctx[0]![1]!.includes('docs'), ctx[0]![1]);
});

test('SBOM option errors: the same message from ours and upstream', { timeout: 600_000 }, async (t) => {
  if (!(await buildkitOrSkip(t)) || env === undefined) return;
  const context = join(casesDir, 'single-stage');
  const optSets: Record<string, string>[] = [
    { 'attest:foo': 'bar' },
    { 'attest:sbom': 'generator=' },
    { 'attest:sbom': '"generator=x' },
    { 'attest:sbom': 'generator=localhost:5000/test/no-such-scanner:1' },
  ];
  let same = 0;
  for (const opts of optSets) {
    const errors: string[] = [];
    for (const frontend of [UPSTREAM_FRONTEND, ours]) {
      const r = await build({ context, frontend, opts });
      assert.notEqual(r.code, 0, `${JSON.stringify(opts)} built through ${frontend}`);
      errors.push(errorLines(r.stderr, { locations: 'none', source: false, masks: [] }));
    }
    assert.equal(errors[1], errors[0], JSON.stringify(opts));
    same++;
  }
  console.log(`e2e sbom errors: ${same}/${optSets.length} identical`);
});
