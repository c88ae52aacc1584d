// Scans that replaced regular expressions V8 backtracks on (quadratic or
// worse in hostile input, where Go's regexp is linear): each against the
// expression it replaced, written with Go's meaning (`.` is anything but
// "\n"), on every string of a small alphabet up to a length, where
// backtracking costs nothing. Then hostile inputs, which must be answered.
// Upstream's answers for whole Dockerfiles are in the converter corpus
// (448-add-git-scp-hostile-query) and `bench:hostile`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchDirective } from '../../src/dockerfile/parser/directives.ts';
import { matchHeredocWord } from '../../src/dockerfile/parser/heredoc.ts';
import { matchSCPStyle } from '../../src/llb/giturl.ts';
import { substituteArgs } from '../../src/lint-pack/pack.ts';

/** Every string over `alphabet` of length 0 to `max`. */
function* strings(alphabet: readonly string[], max: number): Generator<string> {
  let level = [''];
  yield '';
  for (let n = 1; n <= max; n++) {
    const next: string[] = [];
    for (const s of level) for (const c of alphabet) next.push(s + c);
    yield* next;
    level = next;
  }
}

function compareAll<T>(alphabet: readonly string[], max: number, ours: (s: string) => T, theirs: (s: string) => T): number {
  let n = 0;
  for (const s of strings(alphabet, max)) {
    assert.deepEqual(ours(s), theirs(s), JSON.stringify(s));
    n++;
  }
  return n;
}

test('parser directives: matchDirective answers as `^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$`', () => {
  const re = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
  const n = compareAll(['a', 'B', '1', '=', ' ', '\t', '\n', '\r', 'x', '-'], 6, matchDirective, (s) => {
    const m = re.exec(s);
    return m === null ? undefined : [m[1]!, m[2]!];
  });
  assert.ok(n > 1_000_000);
  const long = 'syntax=x' + ' '.repeat(1_000_000) + 'y';
  assert.deepEqual(matchDirective(long), ['syntax', 'x' + ' '.repeat(1_000_000) + 'y']);
  assert.equal(matchDirective('A=' + '\t'.repeat(100_000) + '=' + '\t'.repeat(100_000) + '\n=\t'), undefined);
});

test('heredoc words: matchHeredocWord answers as `^(\\d*)<<(-?)\\s*([^<]*)$`', () => {
  const re = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
  const n = compareAll(['1', '<', '-', ' ', '\t', '\f', 'a', '\n', '"'], 7, matchHeredocWord, (s) => {
    const m = re.exec(s);
    return m === null ? undefined : [m[1]!, m[2]!, m[3]!];
  });
  assert.ok(n > 5_000_000);
  assert.equal(matchHeredocWord('<<-' + '\t'.repeat(1_000_000) + '<'), undefined);
});

test("scp-style git URLs: matchSCPStyle answers as sshutil's expression with Go's `.`", () => {
  const re = /^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):([^\n]*?)(?:\?([^\n]*?))?(?:#([^\n]*))?$/;
  const n = compareAll(['a', '@', ':', '?', '#', '\n', '\r', '.', '_', '\u2028'], 6, matchSCPStyle, (s) => {
    const m = re.exec(s);
    return m === null ? undefined : ([m[1]!, m[2]!, m[3]!, m[4], m[5]] as [string, string, string, string | undefined, string | undefined]);
  });
  assert.ok(n > 1_000_000);
  const q = '?'.repeat(200_000);
  const h = '#'.repeat(200_000);
  assert.deepEqual(matchSCPStyle(`git@h:${q}${h}\u2028`), ['git', 'h', '', q.slice(1), h.slice(1) + '\u2028']);
  assert.equal(matchSCPStyle(`git@h:${q}${h}\n`), undefined);
});

test('lint pack base names: substituteArgs replaces as /\\$\\{(NAME)(:?[-+][^}]*)?\\}|\\$(NAME)/g', () => {
  const re = /\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  const value = (name: string, mod: string | undefined): string => `<${name}|${mod ?? 'none'}>`;
  const n = compareAll(['$', '{', '}', 'A', '_', '1', ':', '-', '+', 'x'], 6, (s) => substituteArgs(s, value), (s) =>
    s.replace(re, (_, a: string | undefined, mod: string | undefined, b: string | undefined) => value((a ?? b)!, mod)),
  );
  assert.ok(n > 1_000_000);
  const hostile = '${A+'.repeat(200_000) + '$A';
  assert.equal(substituteArgs(hostile, value), '${A+'.repeat(200_000) + '<A|none>');
});
