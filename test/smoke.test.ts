import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('the bundle runs with plain node and prints its help', () => {
  const r = spawnSync(process.execPath, ['dist/dockerfile-llb.js', '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage: dockerfile-llb <command>/);
});

test('an unknown command fails with a clear message', () => {
  const r = spawnSync(process.execPath, ['dist/dockerfile-llb.js', 'nope'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "nope"/);
});
