// Dockerfiles are bytes: where upstream keeps bytes that are no UTF-8 as
// bytes, so do we (issue 11, finding 7): a keyword with such a byte gets a
// lower-case suggestion (Go's case tests fail on it), a stage name of such
// bytes is quoted as \xNN and fails StageNameCasing, a `# check=` directive's
// bytes are quoted as \xNN in its errors. Each case is compared
// live with upstream (conversion and lint).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable } from '../oracle/oracle.ts';
import { differential } from './fuzz/differential.ts';
import type { FuzzInput } from './fuzz/generate.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

export const INVALID_UTF8_CASES: [string, Buffer][] = [
  ['keyword with a leading \\xff', Buffer.from('FROM busybox\n\xffRUN echo\n', 'latin1')],
  ['keyword with a trailing \\xfe', Buffer.from('FROM busybox\nRUN\xfe echo\n', 'latin1')],
  ['lower-case keyword with \\xff', Buffer.from('FROM busybox\nru\xffn echo\n', 'latin1')],
  ['stage name of bytes \\xff\\xfe', Buffer.from('FROM busybox AS \xff\xfe\nRUN echo\n', 'latin1')],
  ['stage name a\\xffb', Buffer.from('FROM busybox AS a\xffb\nRUN echo\n', 'latin1')],
  ['FROM keyword with \\xff and AS', Buffer.from('FR\xffOM busybox AS a\nRUN echo\n', 'latin1')],
  ['AS with \\xff', Buffer.from('FROM busybox A\xffS a\nRUN echo\n', 'latin1')],
  ['a valid U+FFFD in a stage name', Buffer.from('FROM busybox AS a\u{fffd}b\nRUN echo\n', 'utf8')],
  // The `# check=` directive is read as bytes: its errors quote them as \xNN.
  ['check option key with a cut sequence', Buffer.from('# check=exp\xe2\x82erimental=all\nFROM busybox\n', 'latin1')],
  ['check option with surrogate bytes', Buffer.from('# check=er\xed\xa0\x80ror=true\nFROM busybox\n', 'latin1')],
  ['check option ending in a lone continuation byte', Buffer.from('# check=skip\x80\nFROM busybox\n', 'latin1')],
  ['check error= value with \xff', Buffer.from('# check=error=tr\xffue\nFROM busybox\n', 'latin1')],
  ['check skip list with \xff', Buffer.from('# check=skip=StageNameCasing,\xff;error=true\nFROM busybox AS Foo\n', 'latin1')],
];

function input(name: string, bytes: Buffer): FuzzInput {
  return { name, text: bytes.toString('latin1'), bytes, buildArgs: {}, platforms: [], opts: {} };
}

test('bytes that are no UTF-8 are treated as upstream treats them', { skip, timeout: 120_000 }, async () => {
  const results = await differential(INVALID_UTF8_CASES.map(([n, b]) => input(n, b)));
  assert.deepEqual(results.map((r) => [r.input.name, [...r.diffs, r.robustness ?? ''].filter((d) => d !== '').join('\n')]), INVALID_UTF8_CASES.map(([n]) => [n, '']));
  // Identical as they are, not only once U+FFFD is written in place of the bytes (the fuzzer's known class).
  assert.deepEqual(results.filter((r) => r.known !== undefined).map((r) => r.input.name), []);
});
