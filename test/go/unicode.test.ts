// Go's unicode.IsLetter, IsDigit and IsPrint against ours, for every Unicode
// code point: the shell lexer reads variable names with IsLetter/IsDigit, the
// parser's heredoc lexer too, and strconv.Quote (error messages, the AST dump,
// image history) escapes what IsPrint refuses. Node.js's ICU has another
// Unicode version than Go's tables, so src/go/unicode-table.ts holds Go's
// (`npm run gen:unicode` writes it from the oracle's `unicode`).
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { goAvailable } from '../oracle/oracle.ts';
import { UNICODE_TABLE_FILE, goUnicodeRanges, unicodeTableSource } from './unicode-gen.ts';
import { goIsDigit, goIsLetter, goIsPrint } from '../../src/go/unicode.ts';
import { goQuote } from '../../src/go/strconv.ts';
import { ShellLex, envsFromRecord } from '../../src/dockerfile/shell/index.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

test("src/go/unicode-table.ts is what `npm run gen:unicode` writes from Go's tables now", { skip }, () => {
  assert.equal(readFileSync(UNICODE_TABLE_FILE, 'utf8'), unicodeTableSource(goUnicodeRanges()), 'run `npm run gen:unicode`');
});

test('goIsLetter, goIsDigit and goIsPrint hold for exactly the code points Go says', { skip }, () => {
  const go = goUnicodeRanges();
  const expand = (ranges: number[]): Uint8Array => {
    const set = new Uint8Array(0x110000);
    for (let i = 0; i < ranges.length; i += 2) set.fill(1, ranges[i]!, ranges[i + 1]! + 1);
    return set;
  };
  const classes: [string, (cp: number) => boolean][] = [['L', goIsLetter], ['Nd', goIsDigit], ['P', goIsPrint]];
  for (const [name, is] of classes) {
    const set = expand(go.get(name)!);
    let members = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (is(cp) !== (set[cp] === 1)) assert.fail(`${name}: U+${cp.toString(16).toUpperCase()}: ours ${is(cp)}, Go ${set[cp] === 1}`);
      members += set[cp]!;
    }
    assert.ok(members > 50, `${name} has ${members} code points`);
  }
  assert.equal(goIsLetter(-1), false);
});

test("where Node.js's Unicode and Go's part: quoting and variable names follow Go", () => {
  // U+1C89 (Cyrillic Tje) and U+10D40 (Garay digit zero) came with Unicode 16.
  assert.equal(goQuote('a\u1c89'), '"a\\u1c89"');
  assert.equal(goQuote('\u{10d40}'), '"\\U00010d40"');
  assert.equal(goQuote('é\u00a0'), '"é\\u00a0"');
  const lex = new ShellLex('\\');
  assert.equal(lex.processWord('$a\u1c89', envsFromRecord({ a: '1' })), '1\u1c89');
  assert.equal(lex.processWord('$a\u{10d40}', envsFromRecord({ a: '1' })), '1\u{10d40}');
});
