// The build context's .dockerignore as the converter asks for it
// (ConvertOptions.dockerIgnorePatterns): once the base images are resolved,
// as upstream asks; the stages may be dispatched while it is read, but what
// is reported is what upstream's order (read, then dispatch) gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as llb from '../../src/llb/index.ts';
import { convertDockerfile, type ConvertOptions } from '../../src/dockerfile/convert/index.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';
import { dockerIgnorePatterns, readIgnoreFile } from '../../src/dockerui/index.ts';

const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: {} });

/** Options whose resolver and .dockerignore read log what happens, in order. */
function logged(events: string[], patterns: () => Promise<string[] | undefined>): ConvertOptions {
  const resolver: ImageResolver = {
    resolve: async (ref) => {
      events.push(`resolve ${ref}`);
      return { ref, digest: 'sha256:' + '1'.repeat(64), config: new TextEncoder().encode(config) };
    },
  };
  return {
    imageResolver: resolver,
    lintWarn: (rule) => void events.push(`warn ${rule}`),
    dockerIgnorePatterns: async () => {
      events.push('read');
      const p = await new Promise<string[] | undefined>((resolve, reject) => setTimeout(() => patterns().then(resolve, reject), 5));
      events.push('read done');
      return p;
    },
  };
}

test('the patterns are asked for after the base images, and findings come after them, in order', async () => {
  const events: string[] = [];
  const res = await convertDockerfile('FROM busybox\nCMD echo a\nCOPY . /src\nENTRYPOINT echo b\n', logged(events, async () => ['*.log']));
  assert.deepEqual(events, ['resolve docker.io/library/busybox:latest', 'read', 'read done', 'warn JSONArgsRecommended', 'warn JSONArgsRecommended']);
  assert.match(llb.dumpDefinition(res.state.marshal().encode()), /\*\.log/);
});

test('a failed read is the conversion error, and no finding is reported', async () => {
  const events: string[] = [];
  await assert.rejects(convertDockerfile('FROM busybox\nCMD echo a\n', logged(events, async () => Promise.reject(new Error('session gone')))), /^Error: session gone$/);
  assert.deepEqual(events, ['resolve docker.io/library/busybox:latest', 'read']);
});

test('a failed read wins over a dispatch error, as upstream reads first', async () => {
  const events: string[] = [];
  await assert.rejects(
    convertDockerfile('FROM busybox\nCMD echo a\nCOPY --chmod=bad . /\n', logged(events, async () => Promise.reject(new Error('session gone')))),
    /^Error: session gone$/,
  );
  assert.deepEqual(events, ['resolve docker.io/library/busybox:latest', 'read']);
});

test('an invalid pattern fails before any finding', async () => {
  const events: string[] = [];
  await assert.rejects(convertDockerfile('FROM busybox\nCMD echo a\n', logged(events, async () => ['!'])), /illegal exclusion pattern/);
  assert.deepEqual(events, ['resolve docker.io/library/busybox:latest', 'read', 'read done']);
});

test('with CopyIgnoredFile enabled the patterns are read before dispatching', async () => {
  for (const df of ['# check=experimental=CopyIgnoredFile\nFROM busybox\nCOPY app.log /\n', 'FROM busybox\n# check=experimental=CopyIgnoredFile\nCOPY app.log /\n']) {
    const events: string[] = [];
    await convertDockerfile(df, logged(events, async () => ['*.log']));
    assert.deepEqual(events, ['resolve docker.io/library/busybox:latest', 'read', 'read done', 'warn CopyIgnoredFile'], df);
  }
});

test('a line of 64 KiB or more fails as ignorefile.ReadAll (bufio.Scanner) fails, naming the file as dockerui does', async () => {
  const long = (n: number, end = '\n'): Uint8Array => new TextEncoder().encode('x\n' + 'a'.repeat(n) + end + '*.tmp\n');
  assert.deepEqual(readIgnoreFile(long(65535)), ['x', 'a'.repeat(65535), '*.tmp']);
  assert.throws(() => readIgnoreFile(long(65536)), { message: 'failed parsing .dockerignore: bufio.Scanner: token too long' });
  assert.throws(() => readIgnoreFile(long(65536, '\r\n')), { message: 'failed parsing .dockerignore: bufio.Scanner: token too long' });
  // Bytes, not characters: 32,768 two-byte runes make a 64 KiB line.
  assert.throws(() => readIgnoreFile('é'.repeat(32768)), /token too long/);
  assert.equal(readIgnoreFile('é'.repeat(32767)).length, 1);
  const read = async (): Promise<Uint8Array | undefined> => long(70000);
  await assert.rejects(dockerIgnorePatterns(undefined, read)(), { message: 'failed parsing .dockerignore: bufio.Scanner: token too long' });
  await assert.rejects(dockerIgnorePatterns(long(70000), read, 'sub/Dockerfile.dockerignore')(), {
    message: 'failed parsing sub/Dockerfile.dockerignore: bufio.Scanner: token too long',
  });
});
