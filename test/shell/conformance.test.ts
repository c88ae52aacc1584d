// Upstream's own shell vectors (envVarTest, wordsTest from BuildKit v0.32.2),
// read from the shared conformance folder and run as upstream's
// lex_test.go runs them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { envsFromSlice, ShellLex } from '../../src/dockerfile/shell/index.ts';

const VECTORS = path.resolve('..', 'shared', 'conformance', 'buildkit-v0.32.2', 'shell');

function readVectors(name: string): string[] {
  const file = path.join(VECTORS, name);
  if (!existsSync(file)) throw new Error(`conformance vectors missing: ${file}`);
  // bufio.Scanner lines: split on \n, drop a final empty line.
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

test('envVarTest: every unix/all line expands as upstream expects', () => {
  const lex = new ShellLex('\\');
  const env = envsFromSlice(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL=']);
  let run = 0;
  let skippedWindows = 0;
  readVectors('envVarTest').forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.startsWith('#')) return;
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split('|');
    assert.equal(fields.length, 3, `line ${lineNo}: expected 3 fields`);
    const [platform, source, expected] = fields.map((f) => f.trim());
    assert.ok(platform === 'A' || platform === 'U' || platform === 'W', `line ${lineNo}: bad platform`);
    if (platform === 'W') {
      skippedWindows++;
      return;
    }
    run++;
    if (expected === 'error') {
      assert.throws(() => lex.processWord(source, env), DockerfileError, `line ${lineNo}: ${source}`);
    } else {
      assert.equal(lex.processWord(source, env), expected, `line ${lineNo}: ${source}`);
    }
  });
  assert.equal(run, 228);
  assert.equal(skippedWindows, 2);
});

test('wordsTest: every line splits as upstream expects', () => {
  // Upstream's test loops over a second mode (RawQuotes+SkipUnsetEnv) but
  // reads the same, already exhausted, file handle, so that mode checks no
  // lines; only the normal mode has expectations to compare against.
  const lex = new ShellLex('\\');
  const envs: string[] = [];
  let run = 0;
  readVectors('wordsTest').forEach((line, index) => {
    const lineNo = index + 1;
    if (line.startsWith('#')) return;
    if (line.startsWith('ENV ')) {
      envs.push(line.slice(3).replace(/^ +/, ''));
      return;
    }
    const fields = line.split('|');
    assert.equal(fields.length, 2, `line ${lineNo}: expected exactly one |`);
    const input = fields[0].trim();
    const expected = fields[1].replace(/^ +/, '').split(',');
    let words: string[];
    try {
      words = lex.processWords(input, envsFromSlice(envs));
    } catch (err) {
      assert.ok(err instanceof DockerfileError, `line ${lineNo}: not a DockerfileError`);
      words = ['error'];
    }
    assert.deepEqual(words, expected, `line ${lineNo}: ${input}`);
    run++;
  });
  assert.equal(run, 24);
});
