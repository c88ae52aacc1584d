// Differential check against upstream itself: testdata/oracle-cases.jsonl
// holds random words (from random-words.ts) with the answers BuildKit
// v0.32.2's shell.Lex gave for them (test/shell/oracle/main.go). Every
// result, word list, matched/unmatched set and error text must agree.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { envsFromSlice, ShellLex } from '../../src/dockerfile/shell/index.ts';
import { FUZZ_ENV } from './random-words.ts';

interface OracleCase {
  env?: string[];
  word: string;
  escape: '\\' | '`';
  split: boolean;
  rawQuotes?: boolean;
  rawEscapes?: boolean;
  skipUnsetEnv?: boolean;
  skipProcessQuotes?: boolean;
  result?: string;
  words?: string[];
  matched?: string[];
  unmatched?: string[];
  error?: string;
}

const CASES: OracleCase[] = readFileSync(new URL('./testdata/oracle-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as OracleCase);

function outcome(c: OracleCase): OracleCase {
  const lex = new ShellLex(c.escape, c);
  const env = envsFromSlice(c.env ?? FUZZ_ENV);
  const out: OracleCase = { word: c.word, escape: c.escape, split: c.split };
  try {
    if (c.split) {
      out.words = lex.processWords(c.word, env);
    } else {
      const r = lex.processWordWithMatches(c.word, env);
      out.result = r.result;
      out.words = r.words;
      out.matched = [...r.matched].sort();
      out.unmatched = [...r.unmatched].sort();
    }
  } catch (err) {
    if (!(err instanceof DockerfileError)) throw err;
    out.error = err.message;
  }
  return out;
}

function expected(c: OracleCase): OracleCase {
  const out: OracleCase = { word: c.word, escape: c.escape, split: c.split };
  if (c.error !== undefined) {
    out.error = c.error;
  } else if (c.split) {
    out.words = c.words ?? [];
  } else {
    out.result = c.result ?? '';
    out.words = c.words ?? [];
    out.matched = c.matched ?? [];
    out.unmatched = c.unmatched ?? [];
  }
  return out;
}

test('random words expand exactly as upstream shell.Lex expands them', () => {
  assert.equal(CASES.length, 8000);
  const failures: string[] = [];
  for (const c of CASES) {
    const got = outcome(c);
    const want = expected(c);
    try {
      assert.deepEqual(got, want);
    } catch {
      failures.push(JSON.stringify({ case: c, got }));
    }
  }
  assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${CASES.length} differ`);
});
