// The HTTP/2 preface the image's entry point writes before it loads the
// bundle (src/frontend/preface.ts, scripts/launcher.cjs), and the relay's
// two filters that keep the gRPC client's view of the connection as if it
// had sent the preface itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { CLIENT_MAGIC, EARLY_PREFACE, EMPTY_SETTINGS, withoutClientMagic, withoutFirstSettingsAck } from '../../src/frontend/preface.ts';
import { runFrontend } from './fake-daemon.ts';
import { repoRoot } from '../e2e/harness.ts';

const built = existsSync(join(repoRoot, 'dist', 'dockerfile-llb-bundle.js'));
const skip = built ? false : 'run `npm run build` first';

function frame(type: number, flags: number, stream: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(9);
  h.writeUIntBE(payload.length, 0, 3);
  h[3] = type;
  h[4] = flags;
  h.writeUInt32BE(stream, 5);
  return Buffer.concat([h, payload]);
}

/** The bytes `t` gives for `input` cut into pieces of `size` bytes. */
async function through(t: Transform, input: Buffer, size: number): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < input.length; i += size) pieces.push(input.subarray(i, i + size));
  const out: Buffer[] = [];
  for await (const c of Readable.from(pieces).pipe(t)) out.push(c as Buffer);
  return Buffer.concat(out);
}

// What a daemon sends first: its SETTINGS, a WINDOW_UPDATE, the acknowledgement
// of the early empty SETTINGS, then (for the client's own SETTINGS) a second
// acknowledgement, and the answers; a DATA frame whose payload looks like a
// SETTINGS acknowledgement header must pass untouched.
const serverSettings = frame(4, 0, 0, Buffer.from([0, 5, 0, 0, 0x40, 0, 0, 3, 0, 0, 0, 100]));
const windowUpdate = frame(8, 0, 0, Buffer.from([0, 0x0f, 0, 1]));
const ack = frame(4, 1, 0, Buffer.alloc(0));
const lookalike = frame(0, 0, 1, frame(4, 1, 0, Buffer.alloc(0)));
const headers = frame(1, 4, 1, Buffer.from('headers'));

test('the daemon-to-client filter takes out the first SETTINGS acknowledgement and nothing else, however the bytes are cut', async () => {
  const input = Buffer.concat([serverSettings, windowUpdate, lookalike, ack, ack, headers, lookalike]);
  const expected = Buffer.concat([serverSettings, windowUpdate, lookalike, ack, headers, lookalike]);
  for (const size of [1, 2, 3, 5, 9, 10, 17, input.length]) {
    assert.deepEqual(await through(withoutFirstSettingsAck(), input, size), expected, `pieces of ${size}`);
  }
});

test('the client-to-daemon filter takes the client magic off the front, however the bytes are cut', async () => {
  const rest = Buffer.concat([frame(4, 0, 0, Buffer.from([0, 2, 0, 0, 0, 0])), windowUpdate, CLIENT_MAGIC]);
  for (const size of [1, 5, 24, 25, 100]) {
    assert.deepEqual(await through(withoutClientMagic(), Buffer.concat([CLIENT_MAGIC, rest]), size), rest, `pieces of ${size}`);
  }
  await assert.rejects(through(withoutClientMagic(), Buffer.concat([Buffer.from('GET / HTTP/1.1\r\n\r\n........'), rest]), 7), /did not open its connection with the HTTP\/2 magic/);
});

test('the early preface is the HTTP/2 client magic and a SETTINGS frame without parameters', () => {
  assert.equal(CLIENT_MAGIC.toString('latin1'), 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
  assert.deepEqual(EARLY_PREFACE, Buffer.concat([CLIENT_MAGIC, EMPTY_SETTINGS]));
  assert.deepEqual(EMPTY_SETTINGS, frame(4, 0, 0, Buffer.alloc(0)));
});

test('the image entry point writes the early preface before it runs the bundle, and only as a frontend', { skip }, () => {
  // A bundle that ends the process as soon as it runs: whatever is on
  // standard output was written before it.
  const dir = mkdtempSync(join(tmpdir(), 'preface-'));
  try {
    copyFileSync(join(repoRoot, 'dist', 'dockerfile-llb.js'), join(dir, 'dockerfile-llb.js'));
    // (Both bundles: `llb` runs the smaller one.)
    for (const bundle of ['dockerfile-llb-bundle.js', 'dockerfile-llb-core.js']) {
      writeFileSync(join(dir, bundle), "process.stderr.write(String(globalThis[Symbol.for('dockerfile-llb.early-preface')])); process.exit(0);\n");
    }
    // No code cache: the stand-in bundle is not the one the entry point was built for.
    const run = (args: string[]) => spawnSync(process.execPath, [join(dir, 'dockerfile-llb.js'), ...args], { input: '', env: { ...process.env, DOCKERFILE_LLB_CODE_CACHE: 'off' } });
    const asFrontend = run(['frontend']);
    assert.equal(asFrontend.status, 0, asFrontend.stderr.toString());
    assert.deepEqual(asFrontend.stdout, EARLY_PREFACE);
    assert.equal(asFrontend.stderr.toString(), 'true');
    for (const args of [['llb'], ['frontend', 'extra'], []]) {
      const other = run(args);
      assert.equal(other.stdout.length, 0, args.join(' '));
      assert.equal(other.stderr.toString(), 'undefined');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a build through the image entry point (early preface, then the gRPC client) returns the same result as through the bundle', { skip }, async () => {
  const viaEntry = await runFrontend(() => ({ kind: 'default' }));
  const viaBundle = await runFrontend(() => ({ kind: 'default' }), { bundleOnly: true });
  assert.equal(viaEntry.code, 0, viaEntry.stderr);
  assert.equal(viaBundle.code, 0, viaBundle.stderr);
  assert.ok(viaEntry.returned?.result !== undefined, viaEntry.returned?.error?.message ?? viaEntry.stderr);
  assert.deepEqual(viaEntry.calls, viaBundle.calls);
  assert.deepEqual(viaEntry.returned, viaBundle.returned);
});
