// What the library's entry points (src/index.ts) do with arguments a
// JavaScript caller can pass that their types do not allow: each is refused
// with an error that names the function and what was wrong (never a
// TypeError from deep in the converter, nor an option silently ignored), and
// a caller's image resolver that throws, rejects with something that is no
// Error or answers with something that is no ResolvedImage fails the
// conversion at the FROM line with a message saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build, connect, convert, formatPlatform, lint, outline, parse, parsePlatform, targets, DockerfileError, ImageResolveError, MetadataFileResolver, RegistryResolver, type ConvertOptions, type ImageMetadata, type ImageResolver } from '../src/index.ts';

const DF = 'FROM scratch AS a\nCOPY x /x\n';

/** Calls f and returns what it threw or rejected with. */
async function failure(f: () => unknown): Promise<Error> {
  try {
    await f();
  } catch (err) {
    assert.ok(err instanceof Error, `not an Error: ${String(err)}`);
    return err;
  }
  assert.fail('did not fail');
}

const odd: unknown[] = [undefined, null, 42, {}, [], new ArrayBuffer(4), (): void => {}];

test('a Dockerfile that is neither a string nor a Uint8Array is refused by every entry point, naming it', async () => {
  const calls: [string, (d: unknown) => unknown][] = [
    ['convert', (d) => convert(d as string)],
    ['lint', (d) => lint(d as string)],
    ['outline', (d) => outline(d as string)],
    ['targets', (d) => targets(d as string)],
    ['parse', (d) => parse(d as string)],
  ];
  for (const [name, call] of calls) {
    for (const d of odd) {
      const err = await failure(() => call(d));
      assert.ok(err instanceof TypeError, `${name}(${String(d)}): ${err.message}`);
      assert.match(err.message, new RegExp(`^${name}: the Dockerfile must be a string or a Uint8Array, not `), `${name}(${String(d)})`);
    }
  }
  // The async ones reject rather than throw.
  for (const f of [convert, lint, outline]) {
    const p = (f as (d: unknown) => Promise<unknown>)(5);
    assert.ok(p instanceof Promise);
    await assert.rejects(p, TypeError);
  }
  // A Buffer is a Uint8Array: the same as the string (a session id, else each Definition's local source is unique).
  assert.deepEqual((await convert(Buffer.from(DF), { sessionId: 's' })).definition, (await convert(DF, { sessionId: 's' })).definition);
  assert.deepEqual(parse(Buffer.from(DF)), parse(DF));
});

test('options: null and undefined values are no options; an unknown key or a value of the wrong type is refused, naming it', async () => {
  const plain = await convert(DF, { sessionId: 's' });
  assert.deepEqual((await convert(DF, null as unknown as ConvertOptions)).imageConfig, plain.imageConfig);
  assert.deepEqual((await convert(DF, { sessionId: 's', target: undefined, buildArgs: undefined })).definition, plain.definition);
  // A build arg whose value is undefined is not given, as `--build-arg A` gives none when $A is unset.
  const withArg = 'FROM scratch\nARG A=default\nLABEL a=$A\n';
  assert.equal((await convert(withArg, { buildArgs: { A: undefined as unknown as string } })).imageConfig, (await convert(withArg)).imageConfig);

  const cases: [string, unknown, RegExp][] = [
    ['options', 'target=a', /^convert: the options must be an object, not the string "target=a"$/],
    ['options', ['a'], /^convert: the options must be an object, not an array$/],
    ['platform', { platform: 'linux/arm64' }, /^convert: unknown option "platform" \(the target platform is targetPlatform\)$/],
    ['typo', { buildArg: { A: '1' } }, /^convert: unknown option "buildArg"$/],
    ['target', { target: 1 }, /^convert: option target must be a string, not the number 1$/],
    ['build arg value', { buildArgs: { A: 5 } }, /^convert: option buildArgs: the value of "A" must be a string, not the number 5$/],
    ['build args array', { buildArgs: ['A=1'] }, /^convert: option buildArgs must be an object of string values, not an array$/],
    ['build args null', { buildArgs: null }, /^convert: option buildArgs must be an object of string values, not null$/],
    ['platform string', { targetPlatform: 'linux/arm64' }, /^convert: option targetPlatform must be a platform object .*parsePlatform\('linux\/arm64'\).*not the string "linux\/arm64"$/],
    ['platform without architecture', { targetPlatform: { os: 'linux' } }, /^convert: option targetPlatform must be a platform object/],
    ['build platforms', { buildPlatforms: { os: 'linux', architecture: 'amd64' } }, /^convert: option buildPlatforms must be an array of platform objects/],
    ['resolver function', { imageResolver: async (): Promise<void> => {} }, /^convert: option imageResolver must be an object with a resolve\(ref, options\) method, not a function$/],
    ['channel', { channel: 'beta' }, /^convert: option channel must be one of "stable", "labs", not the string "beta"$/],
    ['excludePatterns', { excludePatterns: 'a' }, /^convert: option excludePatterns must be an array of strings/],
  ];
  for (const [what, options, want] of cases) {
    const err = await failure(() => convert(DF, options as ConvertOptions));
    assert.ok(err instanceof TypeError, `${what}: ${err.message}`);
    assert.match(err.message, want, what);
  }
  // lint takes no lintWarn, checkConfig or allStages: it runs the checks itself.
  assert.match((await failure(() => lint(DF, { lintWarn: () => {} } as never))).message, /^lint: unknown option "lintWarn"$/);
  assert.match((await failure(() => outline(DF, { targte: 'a' } as never))).message, /^outline: unknown option "targte"$/);
});

test('an image resolver that throws, rejects with no Error or answers with no ResolvedImage fails the conversion at its FROM line, saying so', async () => {
  const text = 'FROM alpine\nRUN true\n';
  const config = new TextEncoder().encode('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"config":{}}');
  const digest = 'sha256:' + 'a'.repeat(64);
  const cases: [string, ImageResolver['resolve'], RegExp][] = [
    ['throws an Error', () => { throw new Error('boom'); }, /^alpine: boom$/],
    ['throws a string', () => { throw 'boom'; }, /^alpine: boom$/], // eslint-disable-line @typescript-eslint/only-throw-error
    ['rejects with undefined', () => Promise.reject(undefined), /^alpine: the image resolver failed with undefined$/], // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
    ['answers undefined', async () => undefined as never, /^alpine: the image resolver's answer for docker\.io\/library\/alpine:latest is not \{ ref: string, digest: string, config: Uint8Array \} \(got undefined\)$/],
    ['answers null', async () => null as never, /\(got null\)$/],
    ['answers no digest', async (ref) => ({ ref, config }) as never, /is not \{ ref: string, digest: string, config: Uint8Array \} \(got \{ ref, config \}\)$/],
    ['answers a config string', async (ref) => ({ ref, digest, config: '{}' }) as never, /is not \{ ref: string, digest: string, config: Uint8Array \}/],
  ];
  for (const [what, resolve, want] of cases) {
    const err = await failure(() => convert(text, { imageResolver: { resolve } }));
    assert.ok(err instanceof DockerfileError, `${what}: ${err.constructor.name} ${err.message}`);
    assert.match(err.message, want, what);
    assert.equal(err.line, 1, what);
    // lint reports it as the build's error, at the same line.
    const l = await lint(text, { imageResolver: { resolve } });
    assert.equal(l.buildError?.message, err.message, what);
    assert.equal(l.buildError?.location?.ranges?.[0]?.start.line, 1, what);
  }
  // An answer that is not a promise, and a Buffer config, are fine.
  const ok = await convert(text, { imageResolver: { resolve: ((ref: string) => ({ ref, digest, config: Buffer.from(config) })) as unknown as ImageResolver['resolve'] } });
  assert.ok(ok.definition.length > 0);
});

test('a resolver that never answers: convert, lint and outline reject with the signal’s reason once it aborts', async () => {
  const text = 'FROM alpine\nRUN true\n';
  const never: ImageResolver = { resolve: () => new Promise(() => {}) };
  for (const [name, call] of [
    ['convert', (signal: AbortSignal) => convert(text, { imageResolver: never, signal })],
    ['lint', (signal: AbortSignal) => lint(text, { imageResolver: never, signal })],
    ['outline', (signal: AbortSignal) => outline(text, { imageResolver: never, signal })],
  ] as const) {
    const started = Date.now();
    // AbortSignal.timeout's timer does not keep the process alive, and a promise never settled does not either: a timer that does.
    const t = new AbortController();
    setTimeout(() => t.abort(new DOMException('timed out', 'TimeoutError')), 100);
    const err = await failure(() => call(t.signal));
    assert.equal(err.name, 'TimeoutError', `${name}: ${err.message}`);
    assert.ok(Date.now() - started < 5000, name);
    // Aborted before the call: rejected at once with the reason given.
    const c = new AbortController();
    c.abort(new Error('stop'));
    assert.equal((await failure(() => call(c.signal))).message, 'stop', name);
  }
  // A signal that never aborts changes nothing.
  assert.ok((await convert(DF, { signal: new AbortController().signal })).definition.length > 0);
  assert.match((await failure(() => convert(DF, { signal: 100 as never }))).message, /^convert: option signal must be an AbortSignal, not the number 100$/);
});

test('a MetadataFileResolver made from an object checks it as a file is checked, when it is made', () => {
  const digest = 'sha256:' + 'a'.repeat(64);
  const cases: [unknown, RegExp][] = [
    [null, /^invalid image metadata mine: expected a JSON object$/],
    [42, /^invalid image metadata mine: expected a JSON object$/],
    [[], /^invalid image metadata mine: expected a JSON object$/],
    [{ 'docker.io/library/busybox:latest': 5 }, /^invalid image metadata mine: entry "docker\.io\/library\/busybox:latest" needs a "digest" string and a "config"$/],
    [{ 'docker.io/library/busybox:latest': { digest: 'x', config: {} } }, /^invalid image metadata mine: entry "docker\.io\/library\/busybox:latest": invalid checksum digest format$/],
  ];
  for (const [metadata, want] of cases) {
    assert.throws(() => new MetadataFileResolver(metadata as ImageMetadata, 'mine'), (err: unknown) => err instanceof ImageResolveError && want.test(err.message));
  }
  assert.ok(new MetadataFileResolver({ 'docker.io/library/busybox:latest': { digest, config: {} } }, 'mine'));
});

test('connect and build refuse what is no options or no Connection, before reaching any daemon', async () => {
  // A string would have been ignored: connect('tcp://...') reached the default daemon instead.
  const cases: [() => Promise<unknown>, RegExp][] = [
    [() => connect('unix:///nonexistent.sock' as never), /^connect: the options must be an object \(\{ address: "unix:\/\/\/nonexistent\.sock" \} names an address\), not the string "unix:\/\/\/nonexistent\.sock"$/],
    [() => connect(42 as never), /^connect: the options must be an object, not the number 42$/],
    [() => build(undefined as never), /^build: the connection must be a Connection \(from connect\(\)\), not undefined$/],
    [() => build({} as never, {}), /^build: the connection must be a Connection \(from connect\(\)\), not an object \(Object\)$/],
  ];
  for (const [call, want] of cases) {
    const p = call();
    assert.ok(p instanceof Promise);
    const err = await failure(() => p);
    assert.ok(err instanceof TypeError, err.message);
    assert.match(err.message, want);
  }
});

test('a RegistryResolver refuses options of the wrong type when it is made (a mirror list given as a string was ignored)', () => {
  const cases: [unknown, RegExp][] = [
    ['localhost:5000', /^RegistryResolver: the options must be an object$/],
    [{ mirrors: 'localhost:5000' }, /^RegistryResolver: mirrors must be an object of host lists \(\{ "docker\.io": \["localhost:5000"\] \}\), not "localhost:5000"$/],
    [{ mirrors: { 'docker.io': 'localhost:5000' } }, /^RegistryResolver: mirrors must be an object of host lists/],
    [{ insecureHosts: 'myhost:5000' }, /^RegistryResolver: insecureHosts must be an array of hosts, not "myhost:5000"$/],
    [{ fetch: 'x' }, /^RegistryResolver: fetch must be a function$/],
    [{ credentials: { user: 'a' } }, /^RegistryResolver: credentials must be a function/],
    [{ configCache: {} }, /^RegistryResolver: configCache must be an object with get and put methods$/],
    [{ bodyDeadlineMs: '100' }, /^RegistryResolver: bodyDeadlineMs must be a positive number, not 100$/],
  ];
  for (const [options, want] of cases) {
    assert.throws(() => new RegistryResolver(options as never), (err: unknown) => err instanceof TypeError && want.test(err.message), JSON.stringify(options));
  }
  assert.ok(new RegistryResolver({ mirrors: { 'docker.io': ['localhost:5000'] }, insecureHosts: ['h:1'], bodyDeadlineMs: 10 }));
  assert.ok(new RegistryResolver());
});

test('parsePlatform and formatPlatform refuse what is no specifier or no platform (formatPlatform of a string gave "/")', () => {
  assert.throws(() => parsePlatform(undefined as never), /^TypeError: parsePlatform: the specifier must be a string such as "linux\/arm64", not undefined$/);
  assert.throws(() => parsePlatform({ os: 'linux' } as never), /^TypeError: parsePlatform: the specifier must be a string such as "linux\/arm64", not object$/);
  assert.throws(() => formatPlatform('linux/amd64' as never), /^TypeError: formatPlatform: the platform must be an object \{ os, architecture, variant\? \}, not string$/);
  assert.throws(() => formatPlatform(undefined as never), /^TypeError: formatPlatform: the platform must be an object/);
  assert.equal(formatPlatform(parsePlatform('linux/arm64')), 'linux/arm64');
});

test('an aborted call stops the RegistryResolver’s requests too: the process ends, not held by a registry that never answers', () => {
  // A registry that accepts connections and never answers (its sockets do not keep the process alive);
  // before, the request went on after the call rejected, and the process waited for undici's timeouts (minutes).
  const script = `
    import net from 'node:net';
    import { convert, RegistryResolver } from ${JSON.stringify(join(import.meta.dirname, '..', 'src', 'index.ts'))};
    const server = net.createServer((s) => s.unref()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    server.unref();
    const port = server.address().port;
    const err = await convert('FROM localhost:' + port + '/x\\n', { imageResolver: new RegistryResolver(), signal: AbortSignal.timeout(300) }).catch((e) => e);
    console.log(err.name);
  `;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'register.mjs'), '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.signal, null, `the process was still running after ${Date.now() - started} ms`);
  assert.equal(r.stdout.trim(), 'TimeoutError', r.stderr);
  assert.ok(Date.now() - started < 15_000);
});
