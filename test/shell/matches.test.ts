// Cases from upstream's lex_test.go (TestProcessWithMatches,
// TestProcessWithMatchesPlatform, TestShellParserMandatoryEnvVars, TestGetEnv,
// TestConvertShellPatternToRegex, TestReversePattern, TestReverseString).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { envsFromRecord, envsFromSlice, ShellLex } from '../../src/dockerfile/shell/index.ts';
import { compileShellPattern, reversePattern, reverseString } from '../../src/dockerfile/shell/pattern.ts';

interface MatchCase {
  input: string;
  envs: Record<string, string>;
  expected?: string;
  expectedErr?: boolean;
  matches?: string[];
  unmatched?: string[];
}

const XY = { FOO: 'xxx', BAR: '' };

const CASES: MatchCase[] = [
  { input: 'x', envs: { DUMMY: 'dummy' }, expected: 'x' },
  { input: 'x ${UNUSED}', envs: { DUMMY: 'dummy' }, expected: 'x ', unmatched: ['UNUSED'] },
  { input: 'x ${FOO}', envs: { FOO: 'y' }, expected: 'x y', matches: ['FOO'] },
  { input: '${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', envs: XY, expected: 'xxx  ccc', matches: ['FOO', 'BAR'], unmatched: ['BAZ'] },
  { input: '${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', envs: XY, expected: 'xxx bbb ccc', matches: ['FOO', 'BAR'], unmatched: ['BAZ'] },
  { input: '${FOO:-}', envs: XY, expected: 'xxx', matches: ['FOO'] },
  { input: '${FOO:-}', envs: {}, expected: '', unmatched: ['FOO'] },
  { input: '${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', envs: XY, expected: 'aaa bbb ', matches: ['FOO', 'BAR'], unmatched: ['BAZ'] },
  { input: '${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', envs: XY, expected: 'aaa  ', matches: ['FOO', 'BAR'], unmatched: ['BAZ'] },
  { input: '${FOO?aaa}', envs: XY, expected: 'xxx', matches: ['FOO'] },
  { input: '${BAR?bbb}', envs: XY, expected: '', matches: ['BAR'] },
  { input: '${BAZ?ccc}', envs: XY, expectedErr: true },
  { input: '${FOO:?aaa}', envs: XY, expected: 'xxx', matches: ['FOO'] },
  { input: '${BAR:?bbb}', envs: XY, expectedErr: true },
  { input: '${BAZ:?ccc}', envs: XY, expectedErr: true },
  { input: '${BAZ:?}', envs: XY, expectedErr: true },
  { input: '${FOO=aaa}', envs: XY, expectedErr: true },
  { input: '${FOO=:aaa}', envs: XY, expectedErr: true },
  { input: '${FOO=}', envs: {}, expectedErr: true },
  { input: '${FOO#()[]{\\}^$.\\*\\?|\\\\}', envs: { FOO: '()[]{}^$.*?|\\x' }, expected: 'x', matches: ['FOO'] },
  { input: '${FOO%%\\**}', envs: { FOO: 'xx**' }, expected: 'xx', matches: ['FOO'] },
  { input: '${FOO#*x*y}', envs: { FOO: 'xxyy' }, expected: 'y', matches: ['FOO'] },
  { input: '${FOO#*}', envs: { FOO: 'xxyy' }, expected: 'xxyy', matches: ['FOO'] },
  { input: '${FOO#$BAR}', envs: { FOO: 'xxyy', BAR: 'x' }, expected: 'xyy', matches: ['FOO', 'BAR'] },
  { input: '${FOO#$BAR}', envs: { FOO: 'xxyy', BAR: '' }, expected: 'xxyy', matches: ['FOO', 'BAR'] },
  { input: '${FOO#}', envs: { FOO: 'xxyy' }, expected: 'xxyy', matches: ['FOO'] },
  { input: '${FOO##*x}', envs: { FOO: 'xxyy' }, expected: 'yy', matches: ['FOO'] },
  { input: '${FOO##}', envs: { FOO: 'xxyy' }, expected: 'xxyy', matches: ['FOO'] },
  { input: '${FOO#?\\?}', envs: { FOO: '???y' }, expected: '?y', matches: ['FOO'] },
  { input: '${ABC:-.}${FOO%x}${ABC:-.}', envs: { FOO: 'xxyy' }, expected: '.xxyy.', matches: ['FOO'], unmatched: ['ABC'] },
  { input: '${FOO%%\\**\\*}', envs: { FOO: 'a***yy*' }, expected: 'a', matches: ['FOO'] },
  { input: '${FOO%}', envs: { FOO: 'xxyy' }, expected: 'xxyy', matches: ['FOO'] },
  { input: '${FOO%%$BAR}', envs: { FOO: 'xxyy', BAR: '' }, expected: 'xxyy', matches: ['FOO', 'BAR'] },
  { input: '${FOO:#}', envs: {}, expectedErr: true },
  { input: '${FOO:##}', envs: {}, expectedErr: true },
  { input: '${FOO:%}', envs: {}, expectedErr: true },
  { input: '${FOO:%%}', envs: {}, expectedErr: true },
  {
    input: '${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}',
    envs: { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' },
    expected: '/foo.*/*.txt - /foo..*.txt',
    matches: ['FOO', 'NEEDLE'],
  },
  {
    input: '${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}',
    envs: { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' },
    expected: '/tmp/bar.txt - /bar.txt',
    matches: ['FOO', 'NEEDLE'],
  },
  {
    input: '${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}',
    envs: { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', REPLACEMENT: '/' },
    expected: '/foo/b/c.txt - /foo/c.txt',
    matches: ['FOO', 'NEEDLE', 'REPLACEMENT'],
  },
  {
    input: '${FOO/$NEEDLE/$REPLACEMENT}',
    envs: { FOO: 'http://google.de', NEEDLE: 'http://', REPLACEMENT: 'https://' },
    expected: 'https://google.de',
    matches: ['FOO', 'NEEDLE', 'REPLACEMENT'],
  },
  { input: '${FOO//\\//\\/}', envs: { FOO: '/tmp/foo.txt' }, expected: '\\/tmp\\/foo.txt', matches: ['FOO'] },
  { input: '${FOO/$BAR/ww}', envs: { FOO: 'xxyy', BAR: '' }, expected: 'wwxxyy', matches: ['FOO', 'BAR'] },
  { input: '${FOO//ww}', envs: { FOO: 'xxyy' }, expectedErr: true },
  { input: '${FOO//}', envs: { FOO: 'xxyy' }, expectedErr: true },
  { input: '${FOO///}', envs: { FOO: 'xxyy' }, expected: 'xxyy', matches: ['FOO'] },
  { input: '${FOO///}', envs: {}, expected: '', unmatched: ['FOO'] },
];

test('processWordWithMatches: results and matched/unmatched names (upstream cases)', () => {
  const lex = new ShellLex('\\');
  for (const c of CASES) {
    const env = envsFromRecord(c.envs);
    if (c.expectedErr) {
      assert.throws(() => lex.processWordWithMatches(c.input, env), DockerfileError, c.input);
      continue;
    }
    const r = lex.processWordWithMatches(c.input, env);
    assert.equal(r.result, c.expected, c.input);
    assert.deepEqual([...r.matched].sort(), [...(c.matches ?? [])].sort(), `${c.input}: matched`);
    assert.deepEqual([...r.unmatched].sort(), [...(c.unmatched ?? [])].sort(), `${c.input}: unmatched`);
  }
  assert.equal(CASES.length, 47);
});

test('processWordWithMatches: release file name with optional TARGETVARIANT', () => {
  const lex = new ShellLex('\\');
  const release = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';
  const base = { VERSION: 'v1.2.3', TARGETOS: 'linux' };
  const run = (env: Record<string, string>) => lex.processWordWithMatches(release, envsFromRecord(env)).result;
  assert.equal(run({ ...base, TARGETARCH: 'arm', TARGETVARIANT: 'v7' }), 'something-v1.2.3.linux-arm-v7.tar.gz');
  assert.equal(run({ ...base, TARGETARCH: 'arm64', TARGETVARIANT: '' }), 'something-v1.2.3.linux-arm64.tar.gz');
  assert.equal(run({ ...base, TARGETARCH: 'arm64' }), 'something-v1.2.3.linux-arm64.tar.gz');
});

test('${VAR:?msg} and ${VAR?msg}: mandatory variables', () => {
  const lex = new ShellLex('\\');
  const set = envsFromSlice(['VAR=plain', 'ARG=x']);
  const empty = envsFromSlice(['VAR=', 'ARG=x']);
  const unset = envsFromSlice(['ARG=x']);
  const noEmpty = '${VAR:?message here$ARG}';
  const noUnset = '${VAR?message here$ARG}';
  assert.equal(lex.processWord(noEmpty, set), 'plain');
  assert.throws(() => lex.processWord(noEmpty, empty), /message herex/);
  assert.throws(() => lex.processWord(noEmpty, unset), /message herex/);
  assert.equal(lex.processWord(noUnset, set), 'plain');
  assert.equal(lex.processWord(noUnset, empty), '');
  assert.throws(() => lex.processWord(noUnset, unset), /message herex/);
});

test('envsFromSlice: missing = means empty, later entries win, keys case-sensitive', () => {
  assert.equal(envsFromSlice([]).get('foo'), undefined);
  assert.equal(envsFromSlice(['foo']).get('foo'), '');
  assert.equal(envsFromSlice(['foo=']).get('foo'), '');
  assert.equal(envsFromSlice(['foo=bar']).get('foo'), 'bar');
  const two = envsFromSlice(['foo=bar', 'car=hat']);
  assert.equal(two.get('foo'), 'bar');
  assert.equal(two.get('car'), 'hat');
  const three = envsFromSlice(['foo=bar', 'car=hat', 'car=bike']);
  assert.equal(three.get('car'), 'bike');
  assert.deepEqual(three.keys(), ['foo', 'car', 'car']);
  assert.equal(envsFromSlice(['FOO=1']).get('foo'), undefined);
  assert.equal(envsFromSlice(['A=b=c']).get('A'), 'b=c');
});

test('shell patterns: invalid escapes are rejected', () => {
  for (const pattern of ['\\', '\\x', '\\\\\\']) {
    assert.throws(() => compileShellPattern(pattern, true), pattern);
  }
  for (const pattern of ['*', '?', '\\*', '(()[]{\\}^$.\\*\\?|\\\\']) {
    assert.doesNotThrow(() => compileShellPattern(pattern, true), pattern);
  }
});

test('reversePattern keeps escapes with what they escape; reverseString by code point', () => {
  const cases: [string, string][] = [
    ['a\\*c', 'c\\*a'],
    ['\\\\\\ab', 'b\\a\\\\'],
    ['ab\\', '\\ba'],
    ['👽\\🚀🖖', '🖖\\🚀👽'],
    ['\\\\b', 'b\\\\'],
  ];
  for (const [pattern, expected] of cases) assert.equal(reversePattern(pattern), expected, pattern);
  assert.equal(reverseString('54321'), '12345');
  assert.equal(reverseString('🖖🚀👽'), '👽🚀🖖');
});

// Upstream quirks, with results observed from upstream's shell.Lex (oracle).
test('processWords: a ${} operand restarts the word being built, as upstream does', () => {
  const lex = new ShellLex('\\');
  const none = envsFromSlice([]);
  assert.deepEqual(lex.processWords('ab${X:-c} d', none), ['c', 'd']);
  assert.deepEqual(lex.processWords('ab"${X:-c d}"e f', none), ['c de', 'f']);
  assert.deepEqual(lex.processWords('x<<  EOF y', none), ['x<<  EOF', 'y']);
});

test('${VAR//p/r}: Go regexp replacement rules', () => {
  const lex = new ShellLex('\\');
  assert.equal(lex.processWord('${V//a/[\\$0]}', envsFromSlice(['V=banana'])), 'b[\\a]n[\\a]n[\\a]');
  assert.equal(lex.processWord('${V//*/x}', envsFromSlice(['V=ab\ncd'])), 'x\nx');
  assert.equal(lex.processWord('${V//$E/-}', envsFromSlice(['V=ab', 'E='])), '-a-b-');
});
