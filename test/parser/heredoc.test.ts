import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chompHeredocContent, parse, parseHeredoc } from '../../src/dockerfile/parser/index.ts';
import { assertParseError, dumpOf, linesOf } from './helpers.ts';

function heredocs(text: string): [string, string, boolean, boolean, number][] {
  return parse(text).children.flatMap((c) => c.heredocs.map((h) => [h.name, h.content, h.expand, h.chomp, h.fileDescriptor] as [string, string, boolean, boolean, number]));
}

test('a heredoc body belongs to its instruction and is left out of the dump', () => {
  const text = 'FROM a\nRUN <<EOF\nhello\nEOF\n';
  assert.equal(dumpOf(text), '(from "a")\n(run "<<EOF")');
  assert.deepEqual(linesOf(parse(text)), [
    [1, 1],
    [2, 4],
  ]);
  assert.deepEqual(heredocs(text), [['EOF', 'hello\n', true, false, 0]]);
});

test('<<- matches a tab-indented terminator; the body keeps its tabs (stripped later)', () => {
  const text = 'FROM a\nRUN <<-EOF\n\thello\n\tEOF\n';
  assert.deepEqual(heredocs(text), [['EOF', '\thello\n', true, true, 0]]);
  assert.equal(chompHeredocContent('\thello\n\t\tx\n'), 'hello\nx\n');
});

test('several heredocs are read in order; quoted delimiters turn expansion off', () => {
  const text = 'FROM a\nRUN <<\'EOF\' <<"E2" cat\n$a\nEOF\n$b\nE2\n';
  assert.deepEqual(heredocs(text), [
    ['EOF', '$a\n', false, false, 0],
    ['E2', '$b\n', false, false, 0],
  ]);
  assert.deepEqual(linesOf(parse(text))[1], [2, 6]);
  // Any quoted part counts.
  assert.deepEqual(heredocs('FROM a\nRUN <<E"O"F\n$x\nEOF\n'), [['EOF', '$x\n', false, false, 0]]);
});

test('a file-descriptor prefix is parsed', () => {
  assert.deepEqual(heredocs('FROM a\nRUN 3<<FD cat\nx\nFD\n'), [['FD', 'x\n', true, false, 3]]);
});

test('ONBUILD wrapping RUN may have a heredoc (attached to the ONBUILD node)', () => {
  const r = parse('FROM a\nONBUILD RUN <<EOF\nx\nEOF\n');
  assert.equal(dumpOf('FROM a\nONBUILD RUN <<EOF\nx\nEOF\n'), '(from "a")\n(onbuild (run "<<EOF"))');
  assert.equal(r.children[1].heredocs[0].content, 'x\n');
  assert.deepEqual(r.children[1].sub?.heredocs, []);
  assert.deepEqual(linesOf(r)[1], [2, 4]);
});

test('no heredocs for JSON form or for other instructions', () => {
  assert.equal(dumpOf('FROM a\nRUN ["cat", "<<EOF"]\nEOF\n'), '(from "a")\n(run "cat" "<<EOF")\n(eof "")');
  // ENV reads no body: the error covers line 2 only.
  assertParseError('FROM a\nENV <<EOF\nEOF\n', 'ENV must have two arguments', [[2, 2]]);
});

test('text before ${x:-y} in the same word is lost by the lexer, so `<<a${b:-c}` is not a heredoc', () => {
  assert.equal(
    dumpOf('FROM a\nCOPY <<a${b:-c} /x\nbody\na${b:-c}\n'),
    '(from "a")\n(copy "<<a${b:-c}" "/x")\n(body "")\n(a${b:-c} "")',
  );
});

test('unterminated heredoc is an error spanning to the end of the file', () => {
  assertParseError('FROM a\nRUN <<EOF\nnever ends\n', 'unterminated heredoc', [[2, 3]]);
});

test('parseHeredoc recognises heredoc words (for later stages)', () => {
  assert.deepEqual(parseHeredoc('<<-"EOF"'), { name: 'EOF', expand: false, chomp: true, fileDescriptor: 0 });
  assert.equal(parseHeredoc('file.txt'), null);
  assert.equal(parseHeredoc('<<'), null);
});
