import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDirective, parse } from '../../src/dockerfile/parser/index.ts';
import { assertParseError, dumpOf, linesOf } from './helpers.ts';

test('syntax, escape and check directives are recorded and escape takes effect', () => {
  const r = parse('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM a\nRUN echo `\n  hi\n');
  assert.equal(r.escapeToken, '`');
  assert.deepEqual(
    r.directives.map((d) => [d.name, d.value, d.location.start]),
    [
      ['syntax', 'docker/dockerfile:1', 1],
      ['escape', '`', 2],
      ['check', 'skip=all', 3],
    ],
  );
  assert.equal(dumpOf('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM a\nRUN echo `\n  hi\n'), '(from "a")\n(run "echo   hi")');
  assert.deepEqual(linesOf(r), [
    [4, 4],
    [5, 6],
  ]);
  // Directive lines are not comments of the instruction below them.
  assert.deepEqual(r.children[0].prevComment, []);
});

test('directive keys are case-insensitive and blanks around = and after the value are ignored', () => {
  const r = parse('# Syntax = x y \n#ESCAPE=`\nFROM a\n');
  assert.equal(r.escapeToken, '`');
  assert.deepEqual(
    r.directives.map((d) => [d.name, d.value]),
    [
      ['syntax', 'x y'],
      ['escape', '`'],
    ],
  );
});

test('a byte-order mark before the first directive is skipped', () => {
  const r = parse(Buffer.from('\xef\xbb\xbf# escape=`\nFROM a\nRUN a `\nb\n', 'latin1'));
  assert.equal(r.escapeToken, '`');
  assert.equal(dumpOf(Buffer.from('\xef\xbb\xbf# escape=`\nFROM a\nRUN a `\nb\n', 'latin1')), '(from "a")\n(run "a b")');
});

test('an indented directive still counts', () => {
  assert.equal(parse(' # escape=`\nFROM a\n').escapeToken, '`');
});

test('directives end at an instruction, comment, blank line, unknown key or shebang', () => {
  for (const text of [
    'FROM a\n# escape=`\nRUN a `\nb\n',
    '# comment\n# escape=`\nRUN a `\nb\n',
    '\n# escape=`\nFROM a\n',
    '# unknown=1\n# escape=`\nFROM a\n',
    '#!/bin/sh\n# escape=`\nFROM a\n',
  ]) {
    const r = parse(text);
    assert.equal(r.escapeToken, '\\', text);
    assert.deepEqual(r.directives, [], text);
  }
  // The ignored `# escape=` is then an ordinary comment.
  assert.deepEqual(parse('#!/bin/sh\n# escape=`\nFROM a\n').children[0].prevComment, ['!/bin/sh', 'escape=`']);
  assert.equal(dumpOf('FROM a\n# escape=`\nRUN a `\nb\n'), '(from "a")\n(run "a `")\n(b "")');
});

test('a repeated directive is an error, located (like upstream) at the 0-based line index', () => {
  assertParseError('# escape=`\n# escape=\\\nFROM a\n', 'only one escape parser directive can be used', [[1, 1]]);
  assertParseError('# syntax=a\n# syntax=b\nFROM a\n', 'only one syntax parser directive can be used', [[1, 1]]);
});

test('an invalid escape token is an error', () => {
  assertParseError('# escape=x\nFROM a\n', "invalid escape token 'x' does not match ` or \\", [[0, 0]]);
});

test('findDirective: syntax detection skips a shebang and accepts // and JSON forms', () => {
  assert.deepEqual(findDirective('syntax', '#!/bin/x\n# syntax=img:1 --opt\nFROM a\n', true), {
    value: 'img:1',
    cmdline: 'img:1 --opt',
    valueBytes: 'img:1',
    location: { start: 2, end: 2 },
  });
  assert.equal(findDirective('syntax', '// syntax=img\n', true)?.value, 'img');
  assert.equal(findDirective('syntax', '{"syntax": "img"}', true)?.value, 'img');
  assert.equal(findDirective('syntax', '// syntax=img\n'), null);
  assert.equal(findDirective('check', '# check=skip=all\nFROM a\n')?.cmdline, 'skip=all');
  assert.equal(findDirective('syntax', 'FROM a\n# syntax=img\n', true), null);
});
