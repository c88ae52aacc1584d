import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../src/dockerfile/parser/index.ts';
import { assertParseError, dumpOf } from './helpers.ts';

test('flags: quotes removed, `--` ends them, ONBUILD keeps its own', () => {
  assert.equal(dumpOf('FROM a\nCOPY --from=b --chown="a b" -- --x y\n'), '(from "a")\n(copy ["--from=b" "--chown=a b"] "--x" "y")');
  assert.equal(dumpOf('FROM a\nONBUILD --x ONBUILD run x\n'), '(from "a")\n(onbuild ["--x"] (onbuild (run "x")))');
});

test('flags are read byte by byte: non-ASCII bytes become Latin-1 characters', () => {
  const r = parse('FROM a\nCOPY --from=\u00e0 a b\n');
  // Upstream splits at the 0xA0 byte of "à" and re-encodes 0xC3 as "Ã".
  assert.deepEqual(r.children[1].flags, ['--from=\u00c3']);
  assert.equal(dumpOf('FROM a\nCOPY --from=\u00e0 a b\n'), '(from "a")\n(copy ["--from=\u00c3"] "a" "b")');
});

test('HEALTHCHECK: type word then JSON or shell', () => {
  const r = parse('FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=1s CMD ["a"]\n');
  assert.equal(dumpOf('FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=1s CMD ["a"]\n'), '(from "a")\n(healthcheck "NONE")\n(healthcheck ["--interval=1s"] "CMD" "a")');
  assert.equal(r.children[2].json, true);
});

test('ARG keeps words as written', () => {
  assert.equal(dumpOf('FROM a\nARG A B=c "D"=e\n'), '(from "a")\n(arg "A" "B=c" "\\"D\\"=e")');
});

test('EXPOSE keeps the written order in the AST (upstream sorts later, in the instruction stage)', () => {
  assert.equal(dumpOf('FROM a\nEXPOSE 9 10 1 80/tcp\n'), '(from "a")\n(expose "9" "10" "1" "80/tcp")');
});

test('unknown instructions parse with one empty argument', () => {
  assert.equal(dumpOf('FROM a\nfoo bar\n'), '(from "a")\n(foo "")');
  assert.equal(parse('FROM a\nfoo bar\n').children[1].rawKeyword, 'foo');
});

test('JSON form: invalid JSON or an out-of-range number fall back to shell form', () => {
  assert.equal(dumpOf('FROM a\nRUN ["a", 1e999]\n'), '(from "a")\n(run "[\\"a\\", 1e999]")');
  assert.equal(dumpOf('FROM a\nRUN ["a"\n'), '(from "a")\n(run "[\\"a\\"")');
});

test('argument errors carry the instruction lines', () => {
  assertParseError('FROM a\nENV x\n', 'ENV must have two arguments', [[2, 2]]);
  assertParseError('FROM a\nLABEL x\n', 'LABEL must have two arguments', [[2, 2]]);
  assertParseError('FROM a\nENV a=b c\n', 'Syntax error - can\'t find = in "c". Must be of the form: name=value', [[2, 2]]);
  assertParseError('FROM a\nRUN ["a", 1]\n', 'when using JSON array syntax, arrays must be comprised of strings only', [[2, 2]]);
  assertParseError('FROM a\nENV \\\n x\n', 'ENV must have two arguments', [[2, 3]]);
});

test('no instructions: empty, blank or comment-only files', () => {
  assertParseError('', 'file with no instructions', [[0, 0]]);
  assertParseError(' \n', 'file with no instructions', [[1, 1]]);
  assertParseError('\n\n# only\n#\n', 'file with no instructions', [[4, 4]]);
});

test('a line over 65535 bytes stops the scan with upstream\'s error', () => {
  // Upstream TestParseReturnsScannerErrors.
  const label = 'a'.repeat(65536);
  assertParseError(`\n\t\tFROM image\n\t\tLABEL test=${label}\n`, 'dockerfile line greater than max allowed size of 65535', [[2, 2]]);
  // The limit counts bytes, without the newline.
  assert.equal(parse('FROM a\nLABEL x=' + 'a'.repeat(65535 - 8) + '\n').children.length, 2);
  assertParseError('FROM a\nLABEL x=' + '\u00e9'.repeat(32764) + '\n', 'dockerfile line greater than max allowed size of 65535', [[1, 1]]);
});
