// The public API's own guarantees: purity of expansion, the parse-error
// prefix split, and EXPOSE word splitting as upstream's dispatchExpose does it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandCommand, expandExposePorts, InstructionParseError, parseInstruction, parseStages } from '../../src/dockerfile/instructions/index.ts';
import { parse } from '../../src/dockerfile/parser/index.ts';

test('expandCommand returns a new command and leaves the parsed one unchanged', () => {
  const cmd = parseInstruction(parse('FROM a\nWORKDIR $W\n').children[1]);
  assert.equal(cmd.kind, 'workdir');
  if (cmd.kind !== 'workdir') return;
  const out = expandCommand(cmd, (w) => w.replace('$W', '/x'));
  assert.equal(out.path, '/x');
  assert.equal(cmd.path, '$W');
});

test('EXPOSE ports are expanded word by word and the results flattened', () => {
  const cmd = parseInstruction(parse('FROM a\nEXPOSE $P 80\n').children[1]);
  assert.equal(cmd.kind, 'expose');
  if (cmd.kind !== 'expose') return;
  const out = expandExposePorts(cmd, (w) => (w === '$P' ? ['1', '2'] : [w]));
  assert.deepEqual(out.ports, ['1', '2', '80']);
});

test('parseStages errors keep the bare text next to the prefixed message', () => {
  assert.throws(
    () => parseStages(parse('FROM a\nRUN --foo x\n')),
    (err: unknown) =>
      err instanceof InstructionParseError &&
      err.message === 'dockerfile parse error on line 2: unknown flag: --foo' &&
      err.detail === 'unknown flag: --foo' &&
      err.line === 2,
  );
});

test('parsing without a linter reports nothing and does not fail', () => {
  const r = parseStages(parse('# nope\nFROM a AS Foo\nMAINTAINER x\n'));
  assert.equal(r.stages[0].name, 'foo');
});
