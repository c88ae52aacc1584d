// .dockerignore matching (src/dockerfile/lint/ignore.ts, which the
// CopyIgnoredFile check and the client's context transfer use) against
// moby/patternmatcher itself (the oracle's `ignore-match`): generated pattern
// sets of wildcards, classes, escapes, `|`, `{}` and non-ASCII runes, and
// paths to test, one slice with a fixed seed and one with a new seed every
// run (printed; IGNORE_MATCH_SEED replays it). patternmatcher.New's error,
// then each path's MatchesOrParentMatches result and error, must be ours.
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { IgnoreMatcher } from '../../src/dockerfile/lint/ignore.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PATTERN_PIECES = ['a', 'b', 'x', '.', '/', '*', '**', '?', '[', ']', '[a-z]', '[^a]', '[[:digit:]]', '^', '-', '\\', '\\d', '\\s', '\\p{Greek}', '\\x41', '\\b', '\\B', '|', '{', '}', '{2}', '{1,}', '2', ',', '!', 'é', 'α', '😀', ':', '$', '(', ')', '+', ' ', 'A', '\ufeff'];
const PATH_PIECES = ['a', 'b', 'x', 'aa', '.', '/', '-', 'é', 'α', '😀', '2', '22', '|', '{', '}', '^', ' ', 'A', 'log', '.log', '$', '+', '1', '\ufeff'];

interface Case {
  patterns: string[];
  paths: string[];
}

function generate(seed: number, count: number): Case[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const word = (pieces: readonly string[], max: number): string => {
    let s = '';
    const n = 1 + Math.floor(rand() * max);
    for (let i = 0; i < n; i++) s += pick(pieces);
    return s;
  };
  const cases: Case[] = [];
  for (let c = 0; c < count; c++) {
    const patterns = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => word(PATTERN_PIECES, 5));
    // Paths: random ones, and each pattern with its wildcards filled in.
    const paths = Array.from({ length: 3 }, () => word(PATH_PIECES, 5).replace(/^\/+/, '') || 'a');
    for (const p of patterns) paths.push(p.replace(/\*\*|\*|\?/g, () => pick(['a', 'é', '😀', 'x/y', ''])).replace(/^[!/]+/, '') || 'a');
    cases.push({ patterns, paths });
  }
  return cases;
}

interface Answer {
  error?: string;
  matches?: boolean[];
  errors?: string[];
}

function ours(c: Case): Answer {
  let m: IgnoreMatcher;
  try {
    m = new IgnoreMatcher(c.patterns);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const results = c.paths.map((p) => m.check(p));
  return { matches: results.map((r) => r.matched), errors: results.map((r) => r.error?.message ?? '') };
}

function compare(seed: number, count: number): string {
  const cases = generate(seed, count);
  const answers = runOracleLines('ignore-match', cases).map((l) => JSON.parse(l) as Answer);
  let identical = 0;
  const diffs: string[] = [];
  cases.forEach((c, i) => {
    const up = answers[i]!;
    const ourAnswer = ours(c);
    const norm = (a: Answer): string => JSON.stringify({ error: a.error ?? '', matches: a.matches ?? [], errors: a.errors ?? [] });
    if (norm(up) === norm(ourAnswer)) identical++;
    else if (diffs.length < 5) diffs.push(`${JSON.stringify(c)}\n  ours     ${norm(ourAnswer)}\n  upstream ${norm(up)}`);
  });
  const line = `ignore matching: ${identical}/${cases.length} identical (seed ${seed}; ${cases.reduce((n, c) => n + c.paths.length, 0)} paths)`;
  console.log(line);
  assert.deepEqual(diffs, [], diffs.join('\n'));
  return line;
}

test('.dockerignore matching equals patternmatcher on generated patterns (fixed seed)', { skip }, () => {
  compare(20261204, 3000);
});

test('.dockerignore matching equals patternmatcher on generated patterns (a new seed each run)', { skip }, () => {
  const seed = Number(process.env.IGNORE_MATCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`ignore matching random seed ${seed} (replay: IGNORE_MATCH_SEED=${seed})`);
  compare(seed, 3000);
});

test("patterns at the size limit of Go's regexp (ErrLarge: the pattern's error) equal patternmatcher", { skip }, () => {
  const cases: Case[] = [];
  const paths = ['abc', 'a/b', 'x'.repeat(200)];
  // [a-z]{1000}: 1,000 instructions each; the limit is 3,355,443.
  for (const n of [3355, 3356]) cases.push({ patterns: ['[a-z]{1000}'.repeat(n)], paths });
  // A star costs 2 + its operand, x{2,} 1 + 2 x, a capture 2 + it (patternmatcher's `**/`).
  cases.push({ patterns: ['**/' + 'a{1000}'.repeat(3355) + 'b*'], paths });
  cases.push({ patterns: ['**/' + 'a{1000}'.repeat(3355) + 'x{2,}'], paths });
  cases.push({ patterns: ['b{999,1000}'.repeat(3354) + '?'], paths });
  cases.push({ patterns: ['b{999,1000}'.repeat(3322)], paths });
  cases.push({ patterns: ['b{999,1000}'.repeat(3323)], paths });
  const answers = runOracleLines('ignore-match', cases).map((l) => JSON.parse(l) as Answer);
  const norm = (a: Answer): string => JSON.stringify({ error: a.error ?? '', matches: a.matches ?? [], errors: a.errors ?? [] });
  cases.forEach((c, i) => assert.equal(norm(ours(c)), norm(answers[i]!), `${c.patterns[0]!.slice(0, 30)}... (${c.patterns[0]!.length} characters)`));
  // Both sides of the limit are in the cases: some patterns fail, some do not.
  const failing = answers.filter((a) => (a.errors ?? []).some((e) => e !== '')).length;
  assert.ok(failing > 0 && failing < cases.length, `${failing} of ${cases.length} fail in Go`);
});

test('classes with thousands of `[:` (each a look for the `:]` of a POSIX class) equal patternmatcher', { skip }, () => {
  const paths = ['a', ':', '[', 'b', '5', 'a/b'];
  const many = '[:a'.repeat(10_000);
  const cases: Case[] = [
    // No `:]` anywhere: every `[:` is two class characters (the class parser once copied the rest of the pattern at each).
    { patterns: ['[' + many + ']'], paths },
    // A known class after them; an unknown name that runs from the first `[:` to the last `:]`.
    { patterns: ['[' + many + '[:digit:]]'], paths },
    { patterns: ['[[:digit:]' + many + ']'], paths },
    { patterns: ['[' + many + ':]]'], paths },
    // The `:]` found for one `[:` is passed by the next: each class again as Go reads it.
    { patterns: ['[[:alpha:][:digit:]]', '[[:a[:digit:]]', '[[:digit:][:a]', '[[:]:]]', 'x[[:^space:][:^alpha:]]y'], paths: [...paths, 'x y', 'x5y'] },
  ];
  const answers = runOracleLines('ignore-match', cases).map((l) => JSON.parse(l) as Answer);
  const norm = (a: Answer): string => JSON.stringify({ error: a.error ?? '', matches: a.matches ?? [], errors: a.errors ?? [] });
  cases.forEach((c, i) => assert.equal(norm(ours(c)), norm(answers[i]!), `${c.patterns[0]!.slice(0, 30)}... (${c.patterns[0]!.length} characters)`));
  // Both kinds of answer are among them: some patterns fail to compile, some match.
  assert.ok(answers.some((a) => (a.errors ?? []).some((e) => e !== '')) && answers.some((a) => (a.matches ?? []).some((m) => m)));
});
