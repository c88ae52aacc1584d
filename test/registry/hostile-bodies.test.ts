// A registry or token server that answers with a body that never ends (no
// Content-Length, chunks for ever): the resolver reads no further than its
// limits (a manifest's 4 MiB, an error text's 64000 bytes as containerd reads
// it, a token response's 1 MiB), cancels the body and fails with a clear
// error, where fetch's arrayBuffer(), text() and json() would read until
// memory ran out. The registry is a fetch function answering each URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryResolver } from '../../src/registry/registry-client.ts';
import { parsePlatform } from '../../src/platform/platform.ts';

const platform = parsePlatform('linux/amd64');

/** A body of `chunk` repeated for ever; `pulled()` counts the chunks read from it. */
function endless(chunk: string): { body: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  const bytes = new TextEncoder().encode(chunk.repeat(Math.ceil(65536 / chunk.length)));
  let n = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      n++;
      c.enqueue(bytes);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, pulled: () => n, cancelled: () => cancelled };
}

test('an endless manifest is read to the manifest limit and refused', async () => {
  const e = endless('{"a":');
  const r = new RegistryResolver({
    insecureHosts: ['registry.test'],
    fetch: async () => new Response(e.body, { status: 200, headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' } }),
  });
  await assert.rejects(r.resolve('registry.test/x:1', { platform }), /rejecting manifest for 1 of more than \d+ bytes/);
  assert.ok(e.cancelled());
  // 4 MiB in 64 KiB chunks, and no more.
  assert.ok(e.pulled() <= 70, `${e.pulled()} chunks read`);
});

test('an endless error text is read to 64000 bytes', async () => {
  const e = endless('x');
  const r = new RegistryResolver({ insecureHosts: ['registry.test'], fetch: async () => new Response(e.body, { status: 500, statusText: 'Internal Server Error' }) });
  await assert.rejects(r.resolve('registry.test/x:1', { platform }), /unexpected status from GET request to http:\/\/registry\.test\/v2\/x\/manifests\/1: 500 Internal Server Error/);
  assert.ok(e.cancelled());
  assert.ok(e.pulled() <= 3, `${e.pulled()} chunks read`);
});

test('an endless token response is refused', async () => {
  const e = endless('{"token":"');
  const r = new RegistryResolver({
    insecureHosts: ['registry.test'],
    fetch: async (url) => {
      if (String(url).startsWith('http://auth.test/')) return new Response(e.body, { status: 200 });
      return new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer realm="http://auth.test/token",service="registry.test"' } });
    },
  });
  await assert.rejects(r.resolve('registry.test/x:1', { platform }), /token server's response is larger than 1048576 bytes/);
  assert.ok(e.cancelled());
  assert.ok(e.pulled() <= 20, `${e.pulled()} chunks read`);
});

test('a manifest trickling a byte at a time is given up at its deadline, not read for weeks', async () => {
  // undici's body timeout is between two chunks: a byte every 10 ms never trips it.
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  const body = new ReadableStream<Uint8Array>({
    pull: (c) =>
      new Promise<void>((res) => {
        timer = setTimeout(() => {
          c.enqueue(new Uint8Array([0x20]));
          res();
        }, 10);
      }),
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  });
  const r = new RegistryResolver({
    insecureHosts: ['registry.test'],
    bodyDeadlineMs: 300,
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' } }),
  });
  const start = Date.now();
  await assert.rejects(r.resolve('registry.test/x:1', { platform }), { message: 'failed to copy: manifest for 1: body not complete after 0.3 s' });
  assert.ok(cancelled);
  assert.ok(Date.now() - start < 2000, `${Date.now() - start} ms`);
});
