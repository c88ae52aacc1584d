// The `parse` command of the bundled CLI (npm test builds dist/ first).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../tmp.ts';

const CLI = 'dist/dockerfile-llb.js';
const CASE = resolve('..', 'shared', 'conformance', 'buildkit-v0.32.2', 'parser', 'testfiles', 'flags');

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });
}

test('parse FILE prints the dump and exits 0', () => {
  const r = run(['parse', join(CASE, 'Dockerfile')]);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, readFileSync(join(CASE, 'result'), 'utf8'));
});

test('parse - reads standard input', () => {
  const r = run(['parse', '-'], 'FROM a\nONBUILD RUN <<EOF\nx\nEOF\n');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '(from "a")\n(onbuild (run "<<EOF"))\n');
});

test('a parse error prints FILE:LINE: message and exits 1', () => {
  const dir = tempDir('parse-cli-');
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, 'FROM a\nRUN <<EOF\nnever ends\n');
  const r = run(['parse', file]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `${file}:2: unterminated heredoc\n`);
  const env = run(['parse', '-'], 'FROM a\nENV x\n');
  assert.equal(env.status, 1);
  assert.equal(env.stderr, '-:2: ENV must have two arguments\n');
});

test('--channel labs parses the labs flags and takes INCLUDE as an instruction; stable rejects both as upstream', () => {
  const dir = tempDir('parse-labs-');
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, 'FROM busybox\nINCLUDE parts/steps.Dockerfile\nRUN --no-cache date\n');
  const labs = run(['parse', '--channel', 'labs', file]);
  assert.equal(labs.stderr, '');
  assert.equal(labs.status, 0);
  assert.equal(labs.stdout, '(from "busybox")\n(include "")\n(run ["--no-cache"] "date")\n');
  const stable = run(['parse', '--channel', 'stable', file]);
  assert.equal(stable.status, 1);
  assert.equal(stable.stderr, `${file}:2: dockerfile parse error on line 2: unknown instruction: INCLUDE\n`);
  // The labs flags are still checked around it.
  writeFileSync(file, 'FROM busybox\nINCLUDE parts/steps.Dockerfile\nRUN --no-cache=maybe date\n');
  const bad = run(['parse', '--channel', 'labs', file]);
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr, `${file}:3: dockerfile parse error on line 3: expecting boolean value for flag --no-cache, not: maybe\n`);
});

test('--json prints the parse result', () => {
  const r = run(['parse', '--json', '-'], '# escape=`\nFROM a\n');
  assert.equal(r.status, 0);
  const j = JSON.parse(r.stdout) as { escapeToken: string; children: { keyword: string; startLine: number }[] };
  assert.equal(j.escapeToken, '`');
  assert.deepEqual(j.children.map((c) => [c.keyword, c.startLine]), [['from', 2]]);
});

test('a missing file and a missing argument are reported without a stack trace', () => {
  const missing = run(['parse', '/nonexistent/Dockerfile']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^\/nonexistent\/Dockerfile: no such file\n$/);
  const none = run(['parse']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /Usage: dockerfile-llb parse/);
});
