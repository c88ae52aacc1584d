// The harness's pure helpers, without a daemon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { instructionSteps, makeContext, parseProgress, parseRef, readTar } from './harness.ts';

test('parseRef splits registry, repository and tag or digest', () => {
  assert.deepEqual(parseRef('localhost:5000/library/busybox:latest'), {
    registry: 'localhost:5000',
    repository: 'library/busybox',
    reference: 'latest',
  });
  assert.deepEqual(parseRef('localhost:5000/a/b'), { registry: 'localhost:5000', repository: 'a/b', reference: 'latest' });
  assert.deepEqual(parseRef('localhost:5000/a/b:t@sha256:abc'), {
    registry: 'localhost:5000',
    repository: 'a/b:t',
    reference: 'sha256:abc',
  });
});

test('parseProgress reads steps, CACHED, DONE, ERROR and logs of --progress=plain', () => {
  const text = [
    '#1 [internal] load build definition from Dockerfile',
    '#1 transferring dockerfile: 85B done',
    '#1 DONE 0.0s',
    '',
    '#4 [1/3] FROM docker.io/library/busybox:latest@sha256:c947',
    '#4 DONE 0.0s',
    '',
    '#5 [2/3] RUN echo hi',
    '#5 0.051 hi',
    '#5 DONE 0.1s',
    '',
    '#6 [3/3] COPY a /a',
    '#6 CACHED',
    '',
    '#7 [stage-1 2/2] RUN false',
    '#7 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1',
  ].join('\n');
  const steps = parseProgress(text);
  assert.deepEqual(
    steps.map((s) => [s.id, s.cached, s.done, s.error !== undefined]),
    [
      [1, false, true, false],
      [4, false, true, false],
      [5, false, true, false],
      [6, true, false, false],
      [7, false, false, true],
    ],
  );
  assert.deepEqual(steps[2]!.logs, ['0.051 hi']);
  assert.deepEqual(
    instructionSteps(steps).map((s) => s.id),
    [4, 5, 6, 7],
  );
});

test('readTar reads files, directories, symlinks and long names of a gzip tar', async () => {
  const long = `${'d'.repeat(120)}/f.txt`;
  const dir = await makeContext({ 'a.txt': 'A\n', 'sub/b.txt': 'BB', [long]: 'long' });
  try {
    execFileSync('ln', ['-s', 'a.txt', `${dir}/link`]);
    // GNU long names ('L' entries) and PAX path records (as Go's archive/tar writes).
    for (const format of ['gnu', 'pax']) {
      const tgz = execFileSync('tar', [`--format=${format}`, '-C', dir, '-czf', '-', 'a.txt', 'sub', 'link', long]);
      const entries = readTar(tgz);
      const byName = new Map(entries.map((e) => [e.name.replace(/\/$/, ''), e]));
      assert.equal(byName.get('a.txt')?.content.toString(), 'A\n', format);
      assert.equal(byName.get('sub')?.type, '5', format);
      assert.equal(byName.get('sub/b.txt')?.content.toString(), 'BB', format);
      assert.equal(byName.get('link')?.type, '2', format);
      assert.equal(byName.get('link')?.linkname, 'a.txt', format);
      assert.equal(byName.get(long)?.content.toString(), 'long', format);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
