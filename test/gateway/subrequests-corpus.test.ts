// End-to-end outline, targets and lint for the whole subrequest corpus
// (testdata/subrequests), ours against upstream's v0.32.2 image on the real
// buildkitd. For every Dockerfile: outline with no options and with each
// target / build-arg case of cases.json, targets, and lint; every metadata
// entry (result.json, result.txt, version, result.statuscode) byte for byte,
// or the same error. Both frontends are asked within one session by
// tools/buildkit/subrequest.
//
// The corpus names images the local registry does not hold: each file gets
// busybox:latest (and the local node:20) in their place before both
// frontends see it, with a few per-file substitutions below. Files whose
// point is an image that cannot be substituted are left out (EXCLUDED).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildkitOrSkip, releaseBuildkit, repoRoot } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { askAgreeing, assertSameAnswer, localImages } from './lib/subrequest.ts';

after(() => releaseBuildkit());

const DIR = join(repoRoot, 'testdata', 'subrequests');

/**
 * Files that need an image the local registry cannot stand in for: an ONBUILD
 * image of the oracle's metadata, a Windows image whose WorkingDir is on D:
 * (no Dockerfile can build one).
 */
const EXCLUDED = new Set(['38-onbuild-image.Dockerfile', '54-windows-base-other-drive.Dockerfile']);

/** Per-file substitutions applied before the common ones. */
const PER_FILE: Record<string, [RegExp, string][]> = {
  // FROM ${IMAGE}:${TAG} with IMAGE=docker.io/library/alpine and TAG=3.19.
  '09-meta-deps.Dockerfile': [
    [/\/alpine$/m, '/busybox'],
    [/^ARG TAG=3\.19$/m, 'ARG TAG=latest'],
  ],
  '25-copy-from-image.Dockerfile': [[/alpine:3\.20/g, 'busybox:latest']],
  // FROM alpine:${USED_META} with USED_META=3.19 (two stages: unresolvable, lint would race upstream's parallel resolution).
  '06-unreachable.Dockerfile': [
    [/FROM alpine:\$\{USED_META\}/g, 'FROM busybox:${USED_META}'],
    [/^ARG USED_META=3\.19$/m, 'ARG USED_META=latest'],
  ],
};

function localText(file: string): string {
  let text = readFileSync(join(DIR, file), 'latin1');
  for (const [re, s] of PER_FILE[file] ?? []) text = text.replace(re, s);
  // The Windows files' base: the Windows image scripts/e2e/publish-base-images.sh makes.
  text = text.replace(/\bmcr\.microsoft\.com\/windows\/servercore:ltsc2022\b/g, 'localhost:5000/windows/nanoserver:ltsc2022');
  return localImages(text);
}

interface OutlineCase {
  target?: string;
  buildArgs?: Record<string, string>;
  opts?: Record<string, string>;
}

interface Request {
  file: string;
  request: string;
  opts: Record<string, string>;
}

function requests(): Request[] {
  const cases = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as Record<string, OutlineCase[]>;
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.Dockerfile') && !EXCLUDED.has(f))
    .sort();
  const out: Request[] = [];
  for (const file of files) {
    // Named-context cases name images by their corpus names; the parity test covers them.
    const extra = (cases[file] ?? []).filter((c) => c.opts === undefined);
    for (const c of [{}, ...extra] as OutlineCase[]) {
      const opts: Record<string, string> = {};
      if (c.target !== undefined) opts.target = c.target;
      for (const [k, v] of Object.entries(c.buildArgs ?? {})) opts[`build-arg:${k}`] = v;
      out.push({ file, request: 'frontend.outline', opts });
    }
    out.push({ file, request: 'frontend.targets', opts: {} });
    out.push({ file, request: 'frontend.lint', opts: {} });
  }
  return out;
}

const all = requests();
const fileCount = new Set(all.map((r) => r.file)).size;

test(`e2e subrequests corpus: ${all.length} requests over ${fileCount} Dockerfiles, ours vs upstream v0.32.2`, { timeout: 3_600_000 }, async (t) => {
  assert.ok(fileCount >= 30, `expected at least 30 Dockerfiles, found ${fileCount}`);
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  let same = 0;
  let upstreamErrors = 0;
  const different: string[] = [];
  const askedAgain: string[] = [];
  for (const c of all) {
    const name = `${c.request} ${c.file}${Object.keys(c.opts).length > 0 ? ' ' + JSON.stringify(c.opts) : ''}`;
    await t.test(name, async () => {
      const { answers, asks } = await askAgreeing(env.buildkitHost, ours, localText(c.file), { requestid: c.request, ...c.opts }, 'subreq-corpus-');
      const [a, u] = answers;
      if (asks > 1) askedAgain.push(`${name} (${asks} asks)`);
      try {
        assertSameAnswer(a, u);
        if (u.error !== undefined) upstreamErrors++;
        same++;
      } catch (err) {
        different.push(name);
        throw err;
      }
    });
  }
  const msg =
    `e2e subrequests corpus: ${same}/${all.length} identical (${fileCount} Dockerfiles; ${upstreamErrors} answered with the same error)` +
    (askedAgain.length ? ` (identical only when asked again: ${askedAgain.join('; ')})` : '') +
    (different.length ? ` (different: ${different.join('; ')})` : '');
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});
