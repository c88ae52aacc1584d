// Every error the expander can report, with upstream's exact text. The
// expected strings are what BuildKit v0.32.2's shell.Lex printed for these
// words (env A=abc, E=; escape \), via test/shell/oracle.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { envsFromSlice, ShellLex } from '../../src/dockerfile/shell/index.ts';

const ERRORS: [word: string, message: string][] = [
  ['he${PWD', 'failed to process "he${PWD": unsupported modifier (\ufffd) in substitution'],
  ['${}', 'failed to process "${}": syntax error: bad substitution'],
  ['${:}', 'failed to process "${:}": syntax error: bad substitution'],
  ['${', "failed to process \"${\": syntax error: missing '}'"],
  ['a${X:', "failed to process \"a${X:\": syntax error: missing '}'"],
  ['${X=aaa}', 'failed to process "${X=aaa}": unsupported modifier (=) in substitution'],
  ['${X:=aaa}', 'failed to process "${X:=aaa}": unsupported modifier (:=) in substitution'],
  ['${X:#a}', 'failed to process "${X:#a}": unsupported modifier (:#) in substitution'],
  ['${X:%%a}', 'failed to process "${X:%%a}": unsupported modifier (:%) in substitution'],
  ["'abc", 'failed to process "\'abc": unexpected end of statement while looking for matching single-quote'],
  ['"abc', 'failed to process "\\"abc": unexpected end of statement while looking for matching double-quote'],
  ['"abc\\', 'failed to process "\\"abc\\\\": unexpected end of statement while looking for matching double-quote'],
  ['${X:-${Y}', "failed to process \"${X:-${Y}\": syntax error: missing '}'"],
  ['${X/a}', "failed to process \"${X/a}\": syntax error: missing '/' in ${}"],
  ['${X//a', "failed to process \"${X//a\": syntax error: missing '/' in ${}"],
  ['${X?}', 'failed to process "${X?}": X: is not allowed to be unset'],
  ['${X:?}', 'failed to process "${X:?}": X: is not allowed to be unset'],
  ['${E:?}', 'failed to process "${E:?}": E: is not allowed to be empty'],
  ['${X?custom $Y}', 'failed to process "${X?custom $Y}": X: custom '],
  ['${E:?boom}', 'failed to process "${E:?boom}": E: boom'],
  ['${A#\\x}', "failed to process \"${A#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'"],
  ['${A%a\\xb}', "failed to process \"${A%a\\\\xb}\": invalid pattern (b\\xa) in substitution: invalid escape '\\x'"],
  ['${A/\\q/r}', "failed to process \"${A/\\\\q/r}\": invalid pattern (\\q) in substitution: invalid escape '\\q'"],
  ['${A#$T}', "failed to process \"${A#$T}\": invalid pattern (x\\) in substitution: invalid escape '\\\ufffd'"],
  ['${A/$T/}', "failed to process \"${A/$T/}\": invalid pattern (x\\) in substitution: invalid escape '\\\ufffd'"],
  ['${A#a\\}', "failed to process \"${A#a\\\\}\": syntax error: missing '}'"],
  ['${X-a"b}', "failed to process \"${X-a\\\"b}\": syntax error: missing '}'"],
  ['${X.}', 'failed to process "${X.}": unsupported modifier (.) in substitution'],
  ['${X:Y}', 'failed to process "${X:Y}": unsupported modifier (:Y) in substitution'],
  ['a\\"b "c', 'failed to process "a\\\\\\"b \\"c": unexpected end of statement while looking for matching double-quote'],
  ['${X\n}', 'failed to process "${X\\n}": unsupported modifier (\n) in substitution'],
  ['${A#\\é}', "failed to process \"${A#\\\\é}\": invalid pattern (\\é) in substitution: invalid escape '\\é'"],
];

test('each error message matches upstream exactly and carries no location', () => {
  const lex = new ShellLex('\\');
  const env = envsFromSlice(['A=abc', 'E=', 'T=x\\']);
  for (const [word, message] of ERRORS) {
    let caught: unknown;
    try {
      lex.processWord(word, env);
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof DockerfileError, `${word}: expected a DockerfileError`);
    assert.equal(caught.message, message, word);
    assert.deepEqual(caught.ranges, [], word);
  }
});

test('errors are the same from processWords', () => {
  const lex = new ShellLex('\\');
  assert.throws(() => lex.processWords('hello" there', envsFromSlice([])), {
    name: 'DockerfileError',
    message: 'failed to process "hello\\" there": unexpected end of statement while looking for matching double-quote',
  });
});
