// SDK behaviour that byte parity alone does not show: invalid states are
// rejected with a typed LLBError before anything is marshaled, states are
// immutable, and shared subgraphs marshal in linear time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as llb from '../../src/llb/index.ts';

const amd64 = { platform: { os: 'linux', architecture: 'amd64' } } as const;

function rejects(fn: () => unknown, code: llb.LLBErrorCode, message: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof llb.LLBError, `expected LLBError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  });
}

test('an exec without args is rejected (upstream: "arguments are required")', () => {
  rejects(() => llb.image('busybox').run({}).root().marshal(amd64), 'invalid-state', /^arguments are required$/);
  rejects(() => llb.image('busybox').run({ args: [] }).root().marshal(amd64), 'invalid-state', /^arguments are required$/);
});

test('a tmpfs mount with a source is rejected (upstream: "tmpfs mounts must use scratch")', () => {
  const st = llb.image('busybox').run({ args: ['true'], mounts: [{ target: '/t', source: llb.image('alpine'), tmpfs: {} }] }).root();
  rejects(() => st.marshal(amd64), 'invalid-mount', /^tmpfs mounts must use scratch$/);
});

test('the output of a tmpfs or no-output mount cannot be used as an input', () => {
  const e = llb.image('busybox').run({
    args: ['true'],
    mounts: [
      { target: '/t', tmpfs: {} },
      { target: '/n', source: llb.local('ctx'), noOutput: true },
    ],
  });
  rejects(() => e.getMount('/t').run({ args: ['ls'] }).root().marshal(amd64), 'invalid-mount', /tmpfs mount for \/t can't be used as a parent/);
  rejects(() => e.getMount('/n').run({ args: ['ls'] }).root().marshal(amd64), 'invalid-mount', /mount marked no-output and \/n can't be used as a parent/);
});

test('a bad image reference is reported when the graph is marshaled', () => {
  rejects(() => llb.image('Busybox').marshal(amd64), 'invalid-reference', /must be lowercase/);
  rejects(() => llb.image('busybox@sha256:abc').marshal(amd64), 'invalid-reference', /invalid reference format/);
});

test('a passthrough with an empty id is rejected', () => {
  rejects(() => llb.image('busybox').requires('', llb.local('x')).marshal(amd64), 'invalid-state', /passthrough requires an id/);
});

test('states are immutable: every call returns a new state', () => {
  const a = llb.image('busybox');
  const b = a.addEnv('X', '1').dir('/w').user('u');
  assert.equal(a.getEnv('X'), undefined);
  assert.equal(a.getDir(), '/');
  assert.equal(a.getUser(), '');
  assert.equal(b.getEnv('X'), '1');
  assert.equal(b.getDir(), '/w');
  assert.equal(b.dir('sub').getDir(), '/w/sub');
  assert.deepEqual(b.addEnv('Y', '2').addEnv('X', '3').env().toArray(), ['Y=2', 'X=3']);
  assert.equal(b.withValue('k', 42).value('k'), 42);
  assert.equal(b.value('k'), undefined);
});

test('withImageConfig applies env, working directory and platform, not the user', () => {
  const cfg = '{"architecture":"arm64","os":"linux","config":{"Env":["A=1","B=x=y"],"WorkingDir":"/app","User":"nobody"}}';
  const st = llb.image('busybox').withImageConfig(cfg);
  assert.deepEqual(st.env().toArray(), ['A=1', 'B=x=y']);
  assert.equal(st.getDir(), '/app');
  assert.equal(st.getUser(), '');
  assert.deepEqual(st.getPlatform(), { os: 'linux', architecture: 'arm64' });
});

test('a definition decodes back to the same ops and metadata', () => {
  const st = llb.image('busybox').run({ args: ['true'], customName: 'x' }).root();
  const def = st.marshal(amd64);
  const again = llb.Definition.decode(def.encode());
  assert.deepEqual(again.def.map((b) => Buffer.from(b).toString('hex')), def.def.map((b) => Buffer.from(b).toString('hex')));
  assert.equal(Buffer.from(again.encode()).toString('hex'), Buffer.from(def.encode()).toString('hex'));
  assert.equal(again.head(), def.head());
});

test('shared subgraphs marshal in linear time (a 200-level diamond lattice)', () => {
  // Each level depends twice on the one below: 2^200 paths, 400 distinct ops.
  let st = llb.image('busybox');
  for (let i = 0; i < 200; i++) {
    const left = st.run({ args: ['left', String(i)] }).root();
    const right = st.file(llb.mkfile(`/f${i}`, 0o644, 'x'));
    st = llb.merge([left, right]);
  }
  const started = performance.now();
  const def = st.marshal(amd64);
  assert.equal(def.def.length, 1 + 200 * 3 + 1);
  assert.ok(performance.now() - started < 2000);
});
