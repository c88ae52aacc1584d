// Reference parsing against upstream. testdata/reference-vectors.json holds,
// for every string literal in distribution/reference v0.6.0's own test files
// (reference_test.go, normalize_test.go, regexp_test.go) plus a few extras,
// what upstream's Parse, ParseNormalizedNamed, ParseDockerRef and
// ParseAnyReference return; upstream-gen/run.sh regenerates it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DigestReference,
  NamedReference,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  familiarName,
  familiarString,
  tagNameOnly,
  withDigest,
  withTag,
  withName,
  type Reference,
} from '../../src/registry/reference.ts';
import { dockerImageIdentifier, normalizeImageName, pinDigest } from '../../src/registry/image-name.ts';

interface NamedValue {
  string: string;
  name?: string;
  domain?: string;
  path?: string;
  tag?: string;
  digest?: string;
  familiarName?: string;
  familiarString?: string;
  tagNameOnly?: string;
}
interface Outcome {
  err?: string;
  value?: NamedValue;
}
interface RefCase {
  input: string;
  parse: Outcome;
  parseNormalizedNamed: Outcome;
  parseDockerRef: Outcome;
  parseAnyReference: Outcome;
}

const cases = JSON.parse(
  readFileSync(new URL('./testdata/reference-vectors.json', import.meta.url), 'utf8'),
) as RefCase[];

function describe(r: Reference): NamedValue {
  if (r instanceof DigestReference) return { string: r.toString() };
  const v: NamedValue = {
    string: r.toString(),
    name: r.name,
    domain: r.domain,
    path: r.path,
    familiarName: familiarName(r),
    familiarString: familiarString(r),
    tagNameOnly: tagNameOnly(r).toString(),
  };
  if (r.tag !== undefined) v.tag = r.tag;
  if (r.digest !== undefined) v.digest = r.digest;
  return v;
}

function outcome(f: () => Reference): Outcome {
  try {
    return { value: describe(f()) };
  } catch (err) {
    return { err: (err as Error).message };
  }
}

test('reference vectors exist', () => {
  assert.ok(cases.length > 400, `only ${cases.length} cases`);
});

const functions = {
  parse: parse,
  parseNormalizedNamed: parseNormalizedNamed,
  parseDockerRef: parseDockerRef,
  parseAnyReference: parseAnyReference,
} as const;

for (const [fname, f] of Object.entries(functions)) {
  test(`${fname} matches upstream on every vector`, () => {
    let checked = 0;
    for (const c of cases) {
      const want = c[fname as keyof typeof functions];
      assert.deepEqual(outcome(() => f(c.input)), want, `${fname}(${JSON.stringify(c.input)})`);
      checked++;
    }
    assert.equal(checked, cases.length);
  });
}

// Spot checks copied from upstream's own tables, so a broken vector file
// cannot make everything pass vacuously.
test('upstream table spot checks', () => {
  // normalize_test.go TestParseRepositoryInfo
  const r = parseNormalizedNamed('127.0.0.1:8000/private/moonbase');
  assert.equal(r.domain, '127.0.0.1:8000');
  assert.equal(familiarName(r), '127.0.0.1:8000/private/moonbase');
  assert.equal(parseNormalizedNamed('ubuntu').toString(), 'docker.io/library/ubuntu');
  assert.equal(familiarName(parseNormalizedNamed('index.docker.io/library/ubuntu')), 'ubuntu');
  // reference_test.go TestReferenceParse
  assert.throws(() => parse('Uppercase:tag'), /^ReferenceFormatError: repository name must be lowercase$/);
  assert.throws(() => parse(':justtag'), /^ReferenceFormatError: invalid reference format$/);
  assert.throws(() => parse(''), /repository name must have at least one component/);
  assert.throws(() => parse('a'.repeat(256)), /repository name must not be more than 255 characters/);
  // normalize_test.go TestParseReferenceWithTagAndDigest
  const td = parseNormalizedNamed('busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa');
  assert.equal(td.toString(), 'docker.io/library/busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa');
  assert.equal(familiarString(td), 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa');
  // normalize_test.go TestParseDockerRef
  assert.equal(
    parseDockerRef('busybox:1.2@sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582').toString(),
    'docker.io/library/busybox@sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582',
  );
  assert.throws(() => parseNormalizedNamed('docker/Docker'), /^ReferenceFormatError: invalid reference format: repository name \(docker\/Docker\) must be lowercase$/);
});

test('withTag / withDigest / withName follow upstream (reference_test.go TestWithTag, TestWithDigest)', () => {
  const dgst = 'sha256:1234567890098765432112345667890098765432112345667890098765432112';
  assert.equal(withTag(withName('test.com/foo'), 'tag').toString(), 'test.com/foo:tag');
  assert.equal(withDigest(withName('foo'), dgst).toString(), `foo@${dgst}`);
  assert.equal(withDigest(withTag(withName('test.com:8000/foo'), 'TAG5'), dgst).toString(), `test.com:8000/foo:TAG5@${dgst}`);
  assert.throws(() => withTag(withName('foo'), '-bad'), /invalid tag format/);
  assert.throws(() => withDigest(withName('foo'), 'nope'), /invalid digest format/);
  assert.ok(withName('foo') instanceof NamedReference);
});

test('dockerfile2llb image names: normalize, tag latest, pin digest next to the tag', () => {
  const d = 'sha256:' + 'a'.repeat(64);
  assert.equal(normalizeImageName('alpine'), 'docker.io/library/alpine:latest');
  assert.equal(normalizeImageName('alpine:3.19'), 'docker.io/library/alpine:3.19');
  assert.equal(normalizeImageName(`alpine@${d}`), `docker.io/library/alpine@${d}`);
  assert.equal(normalizeImageName('localhost:5000/x/y'), 'localhost:5000/x/y:latest');
  assert.equal(pinDigest('docker.io/library/alpine:latest', d), `docker.io/library/alpine:latest@${d}`);
  assert.equal(pinDigest(`docker.io/library/alpine:3@${d}`, d), `docker.io/library/alpine:3@${d}`);
  assert.equal(dockerImageIdentifier('busybox'), 'docker-image://docker.io/library/busybox:latest');
  assert.equal(dockerImageIdentifier('Bad Name'), 'docker-image://Bad Name');
});

test('hostile input is handled in linear time', () => {
  const inputs = [
    'a' + '-'.repeat(200_000) + '!',
    'a' + '_a'.repeat(100_000) + '@',
    'a.'.repeat(100_000) + 'b/c:' + 'x'.repeat(100_000),
    'x@' + 'a+'.repeat(100_000) + ':' + 'f'.repeat(31),
    'x/'.repeat(100_000) + ':',
    'A'.repeat(300_000),
  ];
  const start = performance.now();
  for (const s of inputs) assert.throws(() => parseNormalizedNamed(s));
  const ms = performance.now() - start;
  assert.ok(ms < 2000, `took ${ms} ms`);
});
