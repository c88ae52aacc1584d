// mkdirAll (src/go/os.ts), used wherever the client and the CLI make
// directories: it ends where Node.js's recursive mkdirSync spins for ever
// (mkdir answering ENOENT under a directory that exists, as under /proc),
// makes missing parents, and fails on a file in the way. The error texts
// are checked against buildctl's in test/client/client.test.ts (faults).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirAll } from '../../src/go/os.ts';

test('mkdirAll: parents made, an existing directory accepted, a file in the way refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mkdirall-'));
  try {
    const deep = join(dir, 'a', 'b', 'c');
    mkdirAll(deep);
    assert.ok(statSync(deep).isDirectory());
    mkdirAll(deep);
    mkdirAll(`${deep}/`);
    writeFileSync(join(dir, 'f'), '');
    assert.throws(() => mkdirAll(join(dir, 'f')), { code: 'ENOTDIR', syscall: 'mkdir', path: join(dir, 'f') });
    assert.throws(() => mkdirAll(join(dir, 'f', 'g')), { code: 'ENOTDIR' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mkdirAll under /proc fails at once where the recursive mkdirSync of Node.js never returns', { skip: !existsSync('/proc/self') ? 'no /proc' : false }, () => {
  assert.throws(() => mkdirAll('/proc/dockerfile-llb-test/x'), { code: 'ENOENT', syscall: 'mkdir' });
  // Node.js's own, in a child process that is killed after 3 s.
  const r = spawnSync(process.execPath, ['-e', "require('fs').mkdirSync('/proc/dockerfile-llb-test', { recursive: true })"], { timeout: 3000 });
  assert.equal(r.signal, 'SIGTERM', 'Node.js fixed its recursive mkdir: mkdirAll may go');
});
