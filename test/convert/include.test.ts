// Labs INCLUDE at the converter: the LLB source map carries each included
// file as its own source (the Definition's source infos), so BuildKit's
// error snippets show that file's lines; the reader is asked for paths
// relative to the Dockerfile's directory; the stable channel never reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertDockerfile, type ConvertOptions } from '../../src/dockerfile/convert/index.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
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
