// The SDK's entry points given what a JavaScript caller can pass and
// TypeScript would refuse: each is a TypeError naming the function and the
// argument, where before it failed deep inside (`Cannot read properties of
// undefined`, `opts.mounts.map is not a function`, `Invalid value used as
// weak map key`) or marshaled something else without a word (args of
// 'echo hi' split into seven one-letter arguments, a mode of '0755' written
// as 243, a local source named "undefined").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as llb from '../../src/llb/index.ts';

const P = { platform: { os: 'linux', architecture: 'amd64' } };
const busybox = (): llb.State => llb.image('busybox');
type Call = () => unknown;

test('each entry point refuses an argument of the wrong type with a TypeError naming it', () => {
  const cases: [Call, RegExp][] = [
    [() => llb.image(undefined as never), /^image: ref must be a string, not undefined$/],
    [() => llb.image(123 as never), /^image: ref must be a string, not the number 123$/],
    [() => llb.local(undefined as never), /^local: name must be a string, not undefined$/],
    [() => llb.local('context', 'x' as never), /^local: the options must be an object, not the string "x"$/],
    [() => llb.git(5 as never), /^git: url must be a string, not the number 5$/],
    [() => llb.http({} as never), /^http: url must be a string, not an object \(Object\)$/],
    [() => llb.ociLayout(null as never), /^ociLayout: ref must be a string, not null$/],
    [() => llb.merge(busybox() as never), /^merge: inputs must be an array of States, not an object \(Object\)$/],
    [() => llb.merge([busybox(), 'x'] as never), /^merge: inputs must be an array of States, not an array$/],
    [() => llb.diff(busybox(), undefined as never), /^diff: upper must be a State, not undefined$/],
    [() => busybox().run(undefined as never), /^State\.run: the options must be an object \(\{ args \} or \{ shlex \}\), not undefined$/],
    [() => busybox().run({ args: 'echo hi' as never }), /^State\.run: args must be an array of strings, not the string "echo hi"$/],
    [() => busybox().run({ args: ['echo', 1 as never] }), /^State\.run: args must be an array of strings, not an array$/],
    [() => busybox().run({ shlex: 5 as never }), /^State\.run: shlex must be a string, not the number 5$/],
    [() => busybox().run({ shlex: 'true', env: { A: 1 as never } }), /^State\.run: env\.A must be a string, not the number 1$/],
    [() => busybox().run({ shlex: 'true', mounts: {} as never }), /^State\.run: mounts must be an array, not an object \(Object\)$/],
    [() => busybox().run({ shlex: 'true', mounts: [{ source: llb.local('c') } as never] }), /^State\.run: mounts\[0\]\.target must be a string, not undefined$/],
    [() => busybox().run({ shlex: 'true', mounts: [{ target: '/src', source: 'context' as never }] }), /^State\.run: mounts\[0\]\.source must be a State, not the string "context"$/],
    [() => busybox().dir(undefined as never), /^State\.dir: path must be a string, not undefined$/],
    [() => busybox().addEnv('A', 5 as never), /^State\.addEnv: value must be a string, not the number 5$/],
    [() => busybox().user(0 as never), /^State\.user: user must be a string, not the number 0$/],
    [() => busybox().file('mkdir /a' as never), /^State\.file: action must be a FileAction \(mkdir, mkfile, rm, symlink, copy\), not the string "mkdir \/a"$/],
    [() => busybox().marshal({ platform: 'linux/amd64' as never }), /^State\.marshal: platform must be a platform object \{ os, architecture, variant\? \}, not the string "linux\/amd64"$/],
    [() => busybox().marshal({ platform: { os: 'linux' } as never }), /^State\.marshal: platform must be a platform object/],
    [() => llb.mkdir('/a', '0755' as never), /^mkdir: mode must be an integer \(a file mode such as 0o755\), not the string "0755"$/],
    [() => llb.mkdir(undefined as never, 0o755), /^mkdir: path must be a string, not undefined$/],
    [() => llb.mkfile('/a', 0o644, 5 as never), /^mkfile: data must be a string or a Uint8Array, not the number 5$/],
    [() => llb.mkdir('/a', 0o755).mkfile('/a/b', '644' as never, 'x'), /^mkfile: mode must be an integer/],
    [() => llb.rm(['/a'] as never), /^rm: path must be a string, not an array$/],
    [() => llb.symlink('/a', undefined as never), /^symlink: newpath must be a string, not undefined$/],
    [() => llb.copy(undefined as never, '/a', '/b'), /^copy: from must be a State \(or a FileAction bound with withState\), not undefined$/],
    [() => llb.copy('context' as never, '/a', '/b'), /^copy: from must be a State .*, not the string "context"$/],
    [() => llb.copy(busybox(), '/a', 7 as never), /^copy: dest must be a string, not the number 7$/],
    [() => llb.Definition.decode('abc' as never), /^Definition\.decode: bytes must be a Uint8Array, not the string "abc"$/],
    [() => llb.dumpDefinition('abc' as never), /^dumpDefinition: bytes must be a Uint8Array, not the string "abc"$/],
    [() => llb.parseNormalizedNamed(undefined as never), /^parseNormalizedNamed: ref must be a string, not undefined$/],
    [() => llb.chownFromString(5 as never), /^chownFromString: spec must be a string, not the number 5$/],
    // A platform given as a string where an object is wanted, in a constraint or on a state.
    [() => llb.image('busybox', { platform: 'linux/arm64' as never }), /^llb: platform must be a platform object \{ os, architecture, variant\? \}, not the string "linux\/arm64"$/],
    [() => busybox().run({ shlex: 'true', platform: 'linux/arm64' as never }), /^llb: platform must be a platform object/],
    [() => busybox().platform('linux/arm64' as never), /^State\.platform: the platform must be a platform object \{ os, architecture, variant\? \}, not the string "linux\/arm64"$/],
  ];
  for (const [call, want] of cases) {
    assert.throws(call, (err: unknown) => {
      assert.ok(err instanceof TypeError, `${String(call)}: ${String(err)}`);
      assert.match(err.message, want);
      return true;
    });
  }
});

test('right arguments still marshal as before: the README example, and null marshal options as none', () => {
  const st = busybox()
    .run({ shlex: 'sh -c "cat /src/a > /out"', mounts: [{ target: '/src', source: llb.local('context', { sessionId: 's' }) }] })
    .root();
  const bytes = st.marshal(P).encode();
  assert.ok(bytes.length > 0);
  assert.deepEqual(llb.Definition.decode(bytes).encode(), bytes);
  assert.deepEqual(busybox().marshal(null as never).encode(), busybox().marshal().encode());
  const f = llb.scratch().file(llb.mkdir('/a', 0o755).mkfile('/a/b', 0o644, new Uint8Array([1])).copy(busybox(), '/bin', '/b'));
  assert.ok(f.marshal(P).encode().length > 0);
});

test('resolvedImage without a resolver rejects with a TypeError naming it', async () => {
  await assert.rejects(llb.resolvedImage('busybox', undefined as never), (err: unknown) => err instanceof TypeError && /^resolvedImage: resolver must be an object with a resolveImageConfig method, not undefined$/.test(err.message));
});
