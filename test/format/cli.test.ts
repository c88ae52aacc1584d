// The `fmt` command of the bundled CLI (npm test builds dist/ first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../tmp.ts';
import { format } from '../../src/format/index.ts';

const CLI = 'dist/dockerfile-llb.js';
const UNTIDY = 'from alpine\nrun   echo hi   \n\n\ncmd [ "sh" ]\n';

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, 'fmt', ...args], { encoding: 'utf8', input });
}

test('fmt prints the formatted file (stdin with -)', () => {
  const r = run(['-'], UNTIDY);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'FROM alpine\nRUN echo hi\n\nCMD ["sh"]\n');
  assert.equal(r.stdout, format(UNTIDY));
});

test('fmt --check lists unformatted files and exits 1; 0 when all are formatted', () => {
  const dir = tempDir('fmt-');
  const bad = join(dir, 'bad.Dockerfile');
  const good = join(dir, 'good.Dockerfile');
  writeFileSync(bad, UNTIDY);
  writeFileSync(good, format(UNTIDY));
  const r = run(['--check', bad, good]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, `${bad}\n`);
  assert.equal(readFileSync(bad, 'utf8'), UNTIDY, '--check writes nothing');
  assert.equal(run(['--check', good]).status, 0);
});

test('fmt --write rewrites files in place; --reindent re-indents continuation lines', () => {
  const dir = tempDir('fmt-');
  const f = join(dir, 'Dockerfile');
  writeFileSync(f, 'FROM alpine\nRUN a \\\n  b\n');
  assert.equal(run(['--write', f]).status, 0);
  assert.equal(readFileSync(f, 'utf8'), 'FROM alpine\nRUN a \\\n  b\n', 'continuation indentation is kept by default');
  assert.equal(run(['--write', '--reindent', f]).status, 0);
  assert.equal(readFileSync(f, 'utf8'), 'FROM alpine\nRUN a \\\n    b\n');
});

test('fmt reports a file that does not parse as FILE:LINE: message, exit 1', () => {
  const r = run(['-'], 'FROM alpine\nRUN <<EOF\nnever ends\n');
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '<stdin>:2: unterminated heredoc\n');
  assert.equal(r.stdout, '');
});

test('fmt rejects unknown options and --write on stdin', () => {
  assert.equal(run(['--bogus']).status, 2);
  assert.equal(run(['--write', '-'], UNTIDY).status, 2);
});

test('the package exports format() (dockerfile-llb/format, the bundle dist/format.js)', () => {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('dockerfile-llb/format').format('from alpine\\n  run   true\\n'))"], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'FROM alpine\nRUN true\n');
});
