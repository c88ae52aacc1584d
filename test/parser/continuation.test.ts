import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../src/dockerfile/parser/index.ts';
import { dumpOf, linesOf } from './helpers.ts';

test('blank lines inside a continuation are dropped with a NoEmptyContinuation warning; comments are dropped silently', () => {
  const r = parse('FROM a\nRUN a \\\n\n  b \\\n  # c\n  c\n');
  assert.equal(dumpOf('FROM a\nRUN a \\\n\n  b \\\n  # c\n  c\n'), '(from "a")\n(run "a   b   c")');
  assert.deepEqual(linesOf(r), [
    [1, 1],
    [2, 6],
  ]);
  assert.deepEqual(r.warnings, [
    {
      short: 'Empty continuation line found in: RUN a   b   c',
      detail: ['Empty continuation lines will become errors in a future release'],
      url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
      location: { start: 6, end: 6 },
    },
  ]);
});

test('a whitespace-only line inside a continuation counts as empty', () => {
  const r = parse('FROM a\nRUN a \\\n \t \nb\n');
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0].location?.start, 4);
  assert.equal(r.children[1].original, 'RUN a b');
});

test('upstream TestParseWarnsOnEmptyContinutationLine', () => {
  const text = `
FROM alpine:3.6

RUN valid \\
    continuation

RUN something \\

    following \\

    more

RUN another \\

    thing

RUN non-indented \\
# this is a comment
   after-comment

RUN indented \\
    # this is an indented comment
    comment
	`;
  const w = parse(text).warnings;
  assert.equal(w.length, 2);
  assert.match(w[0].short, /Empty continuation line found in/);
  assert.match(w[0].short, /RUN something {5}following {5}more/);
  assert.match(w[1].short, /RUN another {5}thing/);
  assert.match(w[0].detail[0], /will become errors in a future release/);
});

test('a continuation at end of file ends the instruction', () => {
  assert.equal(dumpOf('FROM a\nRUN a \\'), '(from "a")\n(run "a")');
  assert.equal(parse('FROM a\nRUN a \\').children[1].original, 'RUN a ');
  assert.deepEqual(linesOf(parse('RUN a \\\n')), [[1, 1]]);
});

test('a lone escape line becomes an empty instruction', () => {
  assert.equal(dumpOf('\\\n'), '("")');
});

test('CRLF line endings are trimmed and continuation lines keep their indentation', () => {
  const r = parse('FROM a\r\nRUN a \\\r\n b\r\n');
  assert.equal(r.children[1].original, 'RUN a  b');
  assert.deepEqual(linesOf(r), [
    [1, 1],
    [2, 3],
  ]);
});

test('comments above an instruction become PrevComment; a bare # resets them', () => {
  const r = parse('# a\n#\n# b\n  # c\nFROM a\n');
  // Upstream drops only the first byte of an indented comment line.
  assert.deepEqual(r.children[0].prevComment, ['b', '# c']);
  assert.deepEqual(linesOf(r), [[5, 5]]);
});
