// Labs INCLUDE at the converter: the LLB source map carries each included
// file as its own source (the Definition's source infos), so BuildKit's
// error snippets show that file's lines; the reader is asked for paths
// relative to the Dockerfile's directory; the stable channel never reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertDockerfile, type ConvertOptions } from '../../src/dockerfile/convert/index.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { MAX_ADDED_INSTRUCTIONS } from '../../src/dockerfile/convert/include.ts';
import { decodeMessage as decode } from '../../src/protobuf/decode.ts';
import * as pb from '../../src/gen/pb.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';

const imageResolver = MetadataFileResolver.fromFile('testdata/convert/image-metadata.json');

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function reader(files: Record<string, string>, asked: string[] = []): ConvertOptions['readInclude'] {
  return (path) => {
    asked.push(path);
    return Promise.resolve(Object.hasOwn(files, path) ? enc(files[path]) : undefined);
  };
}

const DOCKERFILE = 'FROM scratch AS base\nFROM busybox\nRUN true\nINCLUDE parts/steps.Dockerfile\nENV LAST=1\n';
const FILES = { 'parts/steps.Dockerfile': '# escape=`\nENV A=1\n\nCOPY --from=base / /a\n', 'parts/more.Dockerfile': '' };

test('each included file is its own source in the Definition, with its own lines', async () => {
  const res = await convertDockerfile(DOCKERFILE, { channel: 'labs', readInclude: reader(FILES), filename: 'Dockerfile', imageResolver });
  const def = decode(pb.Definition, res.state.marshal().encode());
  const infos = def.Source?.infos ?? [];
  assert.deepEqual(
    infos.map((i) => i.filename),
    ['Dockerfile', 'parts/steps.Dockerfile'],
  );
  assert.equal(new TextDecoder().decode(infos[1].data), FILES['parts/steps.Dockerfile']);
  // The COPY (line 4 of the included file) points into source 1.
  const located = Object.values(def.Source?.locations ?? {}).flatMap((l) => l.locations ?? []);
  const inIncluded = located.filter((l) => Number(l.sourceIndex ?? 0) === 1).map((l) => (l.ranges ?? []).map((r) => r.start?.line));
  assert.deepEqual(inIncluded, [[4]]);
});

test('a Dockerfile in a directory: included paths are read relative to it and named beside it', async () => {
  const asked: string[] = [];
  const res = await convertDockerfile(DOCKERFILE, { channel: 'labs', readInclude: reader(FILES, asked), filename: 'build/Dockerfile', imageResolver });
  const def = decode(pb.Definition, res.state.marshal().encode());
  assert.deepEqual(asked, ['parts/steps.Dockerfile']);
  assert.deepEqual(
    (def.Source?.infos ?? []).map((i) => i.filename),
    ['build/Dockerfile', 'build/parts/steps.Dockerfile'],
  );
});

test('an error in an included file is located there', async () => {
  const files = { 'parts/steps.Dockerfile': 'RUN echo ok\nEXPOSE 80/xyz\n' };
  await assert.rejects(convertDockerfile(DOCKERFILE, { channel: 'labs', readInclude: reader(files), imageResolver }), (err: unknown) => {
    assert.ok(err instanceof DockerfileError);
    assert.equal(err.position('Dockerfile'), 'parts/steps.Dockerfile:2');
    return true;
  });
});

test('the stable channel reads no included file and fails as upstream', async () => {
  const asked: string[] = [];
  await assert.rejects(convertDockerfile(DOCKERFILE, { readInclude: reader(FILES, asked) }), /dockerfile parse error on line 4: unknown instruction: INCLUDE/);
  assert.deepEqual(asked, []);
});

test('without a reader INCLUDE is an error at its line', async () => {
  await assert.rejects(convertDockerfile(DOCKERFILE, { channel: 'labs' }), (err: unknown) => {
    assert.ok(err instanceof DockerfileError);
    assert.equal(err.line, 4);
    assert.match(err.message, /INCLUDE parts\/steps.Dockerfile: no file can be read here/);
    return true;
  });
});

test('an empty included file adds nothing; INCLUDE with no path or two paths is an error', async () => {
  const ok = await convertDockerfile('FROM scratch\nINCLUDE parts/more.Dockerfile\n', { channel: 'labs', readInclude: reader(FILES) });
  assert.ok(ok.state);
  for (const bad of ['INCLUDE', 'INCLUDE a b', 'INCLUDE --x=1 a']) {
    await assert.rejects(convertDockerfile(`FROM scratch\n${bad}\n`, { channel: 'labs', readInclude: reader(FILES) }), (err: unknown) => {
      assert.ok(err instanceof DockerfileError, bad);
      assert.equal(err.line, 2, bad);
      return true;
    });
  }
});

test('an included file of comments and blank lines adds nothing; one whose first line is too long is an error, never an empty file', async () => {
  const files = { 'header.Dockerfile': '# escape=`\n# a header only\n\n', 'long.Dockerfile': `RUN echo ${'x'.repeat(70_000)}\n` };
  const res = await convertDockerfile('FROM scratch\nINCLUDE header.Dockerfile\nENV A=1\n', { channel: 'labs', readInclude: reader(files) });
  assert.ok(res.image.config.Env?.includes('A=1'));
  await assert.rejects(convertDockerfile('FROM scratch\nINCLUDE long.Dockerfile\n', { channel: 'labs', readInclude: reader(files) }), (err: unknown) => {
    assert.ok(err instanceof DockerfileError);
    assert.equal(err.message, 'dockerfile line greater than max allowed size of 65535');
    assert.equal(err.ranges[0]?.file?.name, 'long.Dockerfile');
    return true;
  });
});

test('INCLUDE takes one path: a JSON array, a flag, a heredoc or an empty path is named as such, at its line', async () => {
  const files = { '[a]': 'ENV A=1\n', a: 'ENV A=2\n' };
  const cases: [string, string][] = [
    ['INCLUDE ["a"]', 'INCLUDE takes a path, not a JSON array: ["a"]'],
    ['INCLUDE --x a', 'INCLUDE takes no flags, got --x'],
    ['INCLUDE <<EOF\nENV B=1\nEOF', 'INCLUDE takes no heredoc, got <<EOF'],
    ['INCLUDE a <<EOF\nENV B=1\nEOF', 'INCLUDE takes no heredoc, got <<EOF'],
    ['INCLUDE $UNSET', 'INCLUDE $UNSET: the path is empty'],
    ['INCLUDE ""', 'INCLUDE "": the path is empty'],
    ['INCLUDE a b', 'INCLUDE requires exactly one argument: the path of a Dockerfile'],
  ];
  for (const [line, message] of cases) {
    await assert.rejects(convertDockerfile(`FROM scratch\n${line}\n`, { channel: 'labs', readInclude: reader(files) }), (err: unknown) => {
      assert.ok(err instanceof DockerfileError, line);
      assert.equal(err.message, message, line);
      assert.equal(err.line, 2, line);
      return true;
    });
  }
  // A path that only looks like one (not a JSON array of strings) is a path.
  await convertDockerfile('FROM scratch\nINCLUDE [a]\n', { channel: 'labs', readInclude: reader({ ...files, '[1]': 'ENV B=1\n' }) });
  await convertDockerfile('FROM scratch\nINCLUDE [1]\n', { channel: 'labs', readInclude: reader({ ...files, '[1]': 'ENV B=1\n' }) });
});

/** A Dockerfile and `depth` files that each include the next one twice, the last holding one ENV. */
function doubling(depth: number): { dockerfile: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  for (let i = 1; i < depth; i++) files[`d${i}.Dockerfile`] = `INCLUDE d${i + 1}.Dockerfile\nINCLUDE d${i + 1}.Dockerfile\n`;
  files[`d${depth}.Dockerfile`] = 'ENV A=1\n';
  return { dockerfile: 'FROM busybox\nINCLUDE d1.Dockerfile\n', files };
}

test('a file included many times is read once; includes that double at each level stop at the limit, at the INCLUDE being expanded', async () => {
  // 10 levels: 2^10 ENVs and 2^10 - 2 INCLUDE lines, under the limit; each file read once.
  const small = doubling(10);
  const asked: string[] = [];
  const res = await convertDockerfile(small.dockerfile, { channel: 'labs', readInclude: reader(small.files, asked), filename: 'Dockerfile', imageResolver });
  assert.ok(res.state.marshal().encode().length > 0);
  assert.deepEqual(asked, Object.keys(small.files));
  // 30 levels would be 2^30 instructions: the walk stops once the included files have added 10,000,
  // depth first, at the second INCLUDE of d29.Dockerfile.
  const big = doubling(30);
  const askedBig: string[] = [];
  await assert.rejects(convertDockerfile(big.dockerfile, { channel: 'labs', readInclude: reader(big.files, askedBig), filename: 'Dockerfile', imageResolver }), (err: unknown) => {
    assert.ok(err instanceof DockerfileError);
    assert.equal(err.message, `INCLUDE d30.Dockerfile: the included and imported files add more than ${MAX_ADDED_INSTRUCTIONS} instructions to the build`);
    assert.equal(err.ranges[0]?.file?.name, 'd29.Dockerfile');
    assert.equal(err.ranges[0]?.start, 2);
    return true;
  });
  assert.deepEqual(askedBig, Object.keys(big.files));
});

test('stages imported from one file are converted once each, and count against the same limit as includes', async () => {
  // A file of 200 stages; the Dockerfile imports 100 of them: each import converts the file again (200 instructions).
  const other = Array.from({ length: 200 }, (_, i) => `FROM busybox AS s${i}\n`).join('');
  const imports = (n: number, twice = false): string =>
    Array.from({ length: n }, (_, i) => `FROM ./x.Dockerfile#s${i} AS i${i}\n`).join('') +
    (twice ? 'FROM ./x.Dockerfile#s0 AS again\n' : '') +
    'FROM busybox\n' +
    Array.from({ length: n }, (_, i) => `COPY --from=i${i} /a /a${i}\n`).join('') +
    (twice ? 'COPY --from=again /a /b\n' : '');
  const asked: string[] = [];
  await convertDockerfile(imports(3, true), { channel: 'labs', readInclude: reader({ 'x.Dockerfile': other }, asked), filename: 'Dockerfile', imageResolver });
  // s0 twice, s1 and s2: three conversions of x.Dockerfile.
  assert.equal(asked.length, 3);
  await assert.rejects(convertDockerfile(imports(100), { channel: 'labs', readInclude: reader({ 'x.Dockerfile': other }), filename: 'Dockerfile', imageResolver }), (err: unknown) => {
    assert.ok(err instanceof DockerfileError);
    assert.match(err.message, new RegExp(`^\\./x\\.Dockerfile#s\\d+: the included and imported files add more than ${MAX_ADDED_INSTRUCTIONS} instructions to the build$`));
    assert.equal(err.ranges[0]?.file, undefined);
    return true;
  });
});

test('the CLI’s reader names a directory given to INCLUDE as Go’s read error does, not with Node’s EISDIR text', async () => {
  const { includeReader } = await import('../../src/cli/common.ts');
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'include-dir-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nINCLUDE sub\n');
  await assert.rejects(
    convertDockerfile('FROM scratch\nINCLUDE sub\n', { channel: 'labs', readInclude: includeReader(join(dir, 'Dockerfile')), imageResolver }),
    (err: Error) => err instanceof DockerfileError && err.message.endsWith(`read ${join(dir, 'sub')}: is a directory`) && !err.message.includes('EISDIR'),
  );
});
