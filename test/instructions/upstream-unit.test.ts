// Upstream's unit tests of the instructions package (bflag_test.go,
// parse_test.go, commands_rundevice_test.go, support_test.go) over our code.
// Expected values are upstream's.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { BFlags, parseCommand, parseDevice, parseInstruction } from '../../src/dockerfile/instructions/index.ts';
import { handleJSONArgs } from '../../src/dockerfile/instructions/parse-exec.ts';
import { node } from './node-builder.ts';

test('bflag_test: TestBuilderFlags', () => {
  assert.doesNotThrow(() => new BFlags([]).parse());
  assert.doesNotThrow(() => new BFlags(['--']).parse());

  let bf = new BFlags([]);
  bf.addString('str1', '');
  bf.addBool('bool1', false);
  bf.parse();
  assert.equal(bf.isUsed('str1'), false);
  assert.equal(bf.isUsed('bool1'), false);

  bf = new BFlags([]);
  let str1 = bf.addString('str1', 'HI');
  let bool1 = bf.addBool('bool1', false);
  bf.parse();
  assert.equal(str1.value, 'HI');
  assert.equal(bool1.value, 'false');

  bf = new BFlags(['--str1']);
  bf.addString('str1', 'HI');
  assert.throws(() => bf.parse());

  bf = new BFlags(['--str1=']);
  str1 = bf.addString('str1', 'HI');
  bf.parse();
  assert.equal(str1.value, '');

  bf = new BFlags(['--str1=BYE']);
  str1 = bf.addString('str1', 'HI');
  bf.parse();
  assert.equal(str1.value, 'BYE');

  for (const [arg, want] of [['--bool1', 'true'], ['--bool1=true', 'true'], ['--bool1=false', 'false']]) {
    bf = new BFlags([arg]);
    bool1 = bf.addBool('bool1', false);
    bf.parse();
    assert.equal(bool1.value, want, arg);
  }

  bf = new BFlags(['--bool1=false1']);
  bf.addBool('bool1', false);
  assert.throws(() => bf.parse());

  bf = new BFlags(['--bool2']);
  bf.addBool('bool1', false);
  assert.throws(() => bf.parse());

  bf = new BFlags(['--bool1', '--str1=BYE']);
  str1 = bf.addString('str1', 'HI');
  bool1 = bf.addBool('bool1', false);
  bf.parse();
  assert.equal(str1.value, 'BYE');
  assert.equal(bool1.value, 'true');

  bf = new BFlags(['--bool2=false', '--bool3', '--bool4=true', '--bool5', '--str2= ', '--str3=def3', '--str4=my-val']);
  for (const b of ['bool1', 'bool2', 'bool3']) bf.addBool(b, false);
  for (const b of ['bool4', 'bool5']) bf.addBool(b, true);
  bf.addString('str1', '');
  bf.addString('str2', '');
  bf.addString('str3', 'def3');
  bf.addString('str4', 'def4');
  bf.parse();
  assert.equal([...bf.used()].sort().join(', '), 'bool2, bool3, bool4, bool5, str2, str3, str4');
});

test('bflags: a flag declared twice fails at parse time', () => {
  const bf = new BFlags([]);
  bf.addString('a', '');
  bf.addBool('a', false);
  assert.throws(() => bf.parse(), { message: 'error setting up flags: Duplicate flag defined: a' });
});

test('parse_test: TestCommandsTooManyArguments (hand-built nodes)', () => {
  for (const cmd of ['ENV', 'LABEL']) {
    const n = node(cmd, ['arg1', 'arg2', 'arg3', '']);
    n.args = ['arg1', 'arg2', 'arg3', ''];
    assert.throws(() => parseInstruction(n), { message: `Bad input to ${cmd}, too many arguments` });
  }
});

test('parse_test: TestCommandsBlankNames (hand-built nodes)', () => {
  for (const cmd of ['ENV', 'LABEL']) {
    const n = node(cmd, ['', 'arg2', '=']);
    assert.throws(() => parseInstruction(n), { message: `${cmd} names can not be blank` });
  }
});

test('parse_test: TestHealthCheckCmd (hand-built node)', () => {
  const cmd = parseInstruction(node('healthcheck', ['CMD', 'hello', 'world']));
  assert.equal(cmd.kind, 'healthcheck');
  if (cmd.kind !== 'healthcheck') return;
  assert.deepEqual(cmd.health.test, ['CMD-SHELL', 'hello world']);
});

test('parse_test: TestParseOptInterval', () => {
  const hc = (value: string) =>
    parseInstruction(node('healthcheck', ['CMD', 'x'], { flags: [`--interval=${value}`] }));
  assert.throws(() => hc('50ns'), /cannot be less than 1ms/);
  assert.doesNotThrow(() => hc('0ms'));
  assert.doesNotThrow(() => hc('1ms'));
});

test('parse errors carry the instruction line range', () => {
  const n = node('copy', ['a'], { startLine: 4, endLine: 6 });
  assert.throws(
    () => parseInstruction(n),
    (err: unknown) => err instanceof DockerfileError && err.ranges.length === 1 && err.ranges[0].start === 4 && err.ranges[0].end === 6,
  );
});

test('parseCommand rejects FROM (upstream ParseCommand)', () => {
  assert.throws(() => parseCommand(node('from', ['busybox'])), { message: '*instructions.Stage is not a command type' });
  assert.equal(parseCommand(node('user', ['root'])).kind, 'user');
});

test('commands_rundevice_test: TestParseDevice', () => {
  const cases: [string, { name: string; required: boolean } | string][] = [
    ['vendor1.com/device=foo', { name: 'vendor1.com/device=foo', required: false }],
    ['vendor1.com/device', { name: 'vendor1.com/device', required: false }],
    ['vendor1.com/device=foo,required', { name: 'vendor1.com/device=foo', required: true }],
    ['vendor1.com/device=foo,required=true', { name: 'vendor1.com/device=foo', required: true }],
    ['vendor1.com/device=foo,required=false', { name: 'vendor1.com/device=foo', required: false }],
    ['name=vendor1.com/device=foo', { name: 'vendor1.com/device=foo', required: false }],
    ['name=vendor1.com/device=foo,required', { name: 'vendor1.com/device=foo', required: true }],
    ['vendor1.com/device=foo,name=vendor2.com/device=bar', 'device name already set to vendor1.com/device=foo'],
  ];
  for (const [input, want] of cases) {
    if (typeof want === 'string') assert.throws(() => parseDevice(input), { message: want }, input);
    else assert.deepEqual(parseDevice(input), want, input);
  }
});

test('support_test: TestHandleJSONArgs', () => {
  assert.deepEqual(handleJSONArgs([], false), []);
  assert.deepEqual(handleJSONArgs(['foo'], true), ['foo']);
  assert.deepEqual(handleJSONArgs(['foo', 'bar'], true), ['foo', 'bar']);
  assert.deepEqual(handleJSONArgs(['foo', 'bar'], false), ['foo bar']);
});
