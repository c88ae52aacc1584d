// Digest checks against upstream's, each asked of the oracle's `digests`:
// distribution/reference's DigestRegexp anchored (hasDigestShape: reference
// parsing) and unanchored (containsDigest: buildx's oci-layout contexts),
// and go-digest's Validate (validateDigest), on hand-picked forms and
// generated ones (separators, cases, lengths, stray characters, several
// colons). Then the sizes that overflowed a regular expression's
// backtracking stack when one repeated a group: an algorithm of eight
// million `-a` segments, and a FROM line holding one, converted by both.
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goAvailable, runOracle, runOracleLines } from '../oracle/oracle.ts';
import { containsDigest, hasDigestShape, validateDigest } from '../../src/registry/digest.ts';
import { convertDockerfile } from '../../src/dockerfile/convert/index.ts';
import { prng } from '../parser/fuzz-inputs.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const HEX = '0123456789abcdef'.repeat(4);
const PICKED = [
  '', ':', `sha256:${HEX}`, `sha256:${HEX.toUpperCase()}`, `sha256:${HEX}0`, `sha256:${HEX.slice(1)}`, `sha384:${HEX}${HEX.slice(32)}`, `sha512:${HEX}${HEX}`,
  `md5:${HEX.slice(32)}`, `a-b:${HEX}`, `a--b:${HEX}`, `a-:${HEX}`, `-a:${HEX}`, `a-1:${HEX}`, `A.B+C_D:${HEX}`, `a.b+c_d:${HEX}`, `1a:${HEX}`, `a1:${HEX}`,
  `sha256:${HEX}:${HEX}`, `x/sha256:${HEX}`, `@sha256:${HEX}`, `1:${HEX}`, `a1:${HEX.slice(31)}`, `foo sha256:${HEX} bar`, `sha256:=_-${HEX}`, `sha256 :${HEX}`,
  `sha256:${HEX}\n`, `é:${HEX}`, `a_:${HEX}`, `a_b:${'g'.repeat(40)}`, `a.b:Zz=_-`, `a..b:x`, `a.b:`, `A:x`,
];

function generated(n: number): string[] {
  const random = prng(20261206);
  const int = (k: number): number => Math.floor(random() * k);
  const pick = (xs: string): string => xs[int(xs.length)]!;
  const components = ['sha256', 'sha512', 'sha384', 'a', 'Z9', '1', 'md5', 'x1y', '0a', 'B'];
  const separators = ['-', '_', '+', '.', '--', '', '/', ' '];
  const out = new Set<string>();
  while (out.size < n) {
    let alg = components[int(components.length)]!;
    for (let k = int(4); k > 0; k--) alg += separators[int(separators.length)]! + components[int(components.length)]!;
    const hexDigits = int(3) === 0 ? '0123456789abcdefABCDEF' : '0123456789abcdef';
    let hex = '';
    for (let k = [31, 32, 33, 64, 96, 128, 5, 0][int(8)]!; k > 0; k--) hex += pick(hexDigits);
    let s = `${alg}:${hex}`;
    // A stray character somewhere, a prefix or a suffix, now and then.
    if (int(4) === 0) {
      const at = int(s.length + 1);
      s = s.slice(0, at) + pick(':@/=_-G é') + s.slice(at);
    }
    if (int(6) === 0) s = pick('x@/ :') + s;
    out.add(s);
  }
  return [...out];
}

test("digest checks answer as distribution's DigestRegexp and go-digest's Validate do", { skip }, () => {
  const inputs = [...PICKED, ...generated(20_000)];
  const answers = runOracleLines('digests', inputs);
  const differing: string[] = [];
  const seen = { shape: 0, contains: 0, valid: 0 };
  for (let i = 0; i < inputs.length; i++) {
    const want = JSON.parse(answers[i]!) as { shape: boolean; contains: boolean; validate: string };
    const got = { shape: hasDigestShape(inputs[i]!), contains: containsDigest(inputs[i]!), validate: validateDigest(inputs[i]!) ?? '' };
    if (want.shape) seen.shape++;
    if (want.contains) seen.contains++;
    if (want.validate === '') seen.valid++;
    if (got.shape !== want.shape || got.contains !== want.contains || got.validate !== want.validate) differing.push(`${JSON.stringify(inputs[i])}: ours ${JSON.stringify(got)}, Go ${JSON.stringify(want)}`);
  }
  console.log(`digests: ${inputs.length - differing.length}/${inputs.length} identical (${seen.shape} digest shapes, ${seen.contains} containing one, ${seen.valid} valid)`);
  assert.deepEqual(differing.slice(0, 20), []);
  assert.ok(seen.shape > 100 && seen.contains > seen.shape && seen.valid > 10, JSON.stringify(seen));
});

test('an algorithm of eight million segments is answered as upstream answers it, not with a stack overflow', { skip, timeout: 300_000 }, async () => {
  const algorithm = 'a' + '-a'.repeat(8_000_000);
  const long = `${algorithm}:${HEX}`;
  assert.equal(hasDigestShape(long), true);
  assert.equal(containsDigest(`x@${long}`), true);
  assert.equal(validateDigest(long), 'unsupported digest algorithm');
  assert.equal(validateDigest(`${algorithm}-:${HEX}`), 'invalid checksum digest format');
  const dir = mkdtempSync(join(tmpdir(), 'digests-'));
  try {
    // A FROM line of 16 MB, cut into physical lines under the scanner's limit.
    const chunks: string[] = [];
    const ref = `busybox@${long}`;
    for (let i = 0; i < ref.length; i += 60_000) chunks.push(ref.slice(i, i + 60_000));
    const text = `FROM ${chunks.join('\\\n')}\nRUN true\n`;
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, text);
    const up = JSON.parse(runOracle(['dockerfile2llb', '-f', file]).toString('utf8')) as { error?: { message: string } };
    let ours = '';
    try {
      await convertDockerfile(text);
    } catch (err) {
      ours = (err as Error).message;
    }
    assert.ok(up.error !== undefined);
    assert.equal(ours.slice(-80), up.error.message.slice(-80));
    assert.match(ours, /: unsupported digest algorithm$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
