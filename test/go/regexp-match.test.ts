// The linear-time matcher of translated Go expressions (src/go/regexp-match.ts)
// against V8's RegExp, which it stands in for, on generated expressions and
// short inputs (where backtracking costs nothing): every answer the same.
// Then inputs that make a backtracking engine exponential: the answers are
// still given (test/lint/ignore-match.test.ts compares the whole matching
// with Go's patternmatcher).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGoRegexp, translateGoRegexp } from '../../src/go/regexp.ts';
import { LinearRegexp, Unsupported } from '../../src/go/regexp-match.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['a', 'b', 'x', '.', '\\b', '\\B', '^', '$', '|', '*', '?', '{2}', '{1,3}', '{2,}', '{0}', '[a-c]', '[^a]', '[[:digit:]]', '\\d', '\\s', '\\W', '\\p{Greek}', '\\PL', '(.*/)?', '([^/]*)', 'é', '😀', '/', '\\.', '\\x41', '\\Qa|b\\E'];
const INPUT = ['a', 'b', 'x', '/', 'é', '😀', 'α', '1', ' ', '\n', '_', '-', 'A', '\ud800', 'ab'];

test('the linear matcher answers as V8 RegExp for 20,000 generated expressions and short inputs', () => {
  const seed = Number(process.env.REGEXP_MATCH_SEED ?? 20261205);
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let compared = 0;
  let expressions = 0;
  const diffs: string[] = [];
  for (let e = 0; e < 20000; e++) {
    let src = '';
    const n = 1 + Math.floor(rand() * 8);
    for (let k = 0; k < n; k++) src += pick(PIECES);
    const js = translateGoRegexp(src);
    if (js === undefined) continue;
    let re: RegExp;
    try {
      re = new RegExp(js, 'u');
    } catch {
      continue;
    }
    expressions++;
    const ours = LinearRegexp.compile(js)!;
    // V8 tries \b and \B between the halves of a surrogate pair, where Go
    // (and ours) has no position: those inputs are left to the oracle test.
    const alphabet = /\\[bB]/.test(js) ? INPUT.filter((c) => !/[\ud800-\udfff]/.test(c)) : INPUT;
    for (let t = 0; t < 12; t++) {
      let input = '';
      const len = Math.floor(rand() * 9);
      for (let k = 0; k < len; k++) input += pick(alphabet);
      compared++;
      if (ours.test(input) !== re.test(input) && diffs.length < 10) diffs.push(`${JSON.stringify(src)} -> /${js}/u on ${JSON.stringify(input)}: ours ${ours.test(input)}, RegExp ${re.test(input)}`);
    }
  }
  console.log(`linear regexp: ${compared - diffs.length}/${compared} answers as RegExp's (${expressions} expressions, seed ${seed})`);
  assert.deepEqual(diffs, []);
  assert.ok(expressions > 5000);
});

test('inputs that make backtracking exponential are answered (a .dockerignore pattern of 12 stars, 10,000 characters)', () => {
  const stars = compileGoRegexp('^' + 'a[^/]*'.repeat(12) + 'b$')!;
  assert.equal(stars.test('a'.repeat(10_000)), false);
  assert.equal(stars.test('a'.repeat(10_000) + 'b'), true);
  const alternatives = compileGoRegexp('^(a|aa|a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?)*c$')!;
  assert.equal(alternatives.test('a'.repeat(5000)), false);
  const repeats = compileGoRegexp('^(.*/)?x{1,1000}x{1,1000}y$')!;
  assert.equal(repeats.test('x'.repeat(3000)), false);
  assert.equal(repeats.test('d/' + 'x'.repeat(300) + 'y'), true);
});

test('the DFA cache starts again past its bound and keeps answering', () => {
  // Many distinct sets of states: a{0,200} against many different prefixes.
  const m = compileGoRegexp('[ab]{0,30}[ab]{30}c$')!;
  const re = new RegExp(translateGoRegexp('[ab]{0,30}[ab]{30}c$')!, 'u');
  const rand = rng(7);
  for (let k = 0; k < 300; k++) {
    let s = '';
    for (let j = 0; j < 80; j++) s += rand() < 0.5 ? 'a' : 'b';
    if (k % 3 === 0) s += 'c';
    assert.equal(m.test(s), re.test(s), s);
  }
});

test('text outside the translator\'s subset is refused by the matcher (compileGoRegexp then keeps V8\'s RegExp)', () => {
  for (const js of ['a+', '(?=a)', '\\1', '[a-z]', 'a*?']) assert.throws(() => LinearRegexp.compile(js), Unsupported, js);
});
