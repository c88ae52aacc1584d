// The CLI (the bundle, as a process) resolving a base image from a hostile
// registry: a fake one answering from this process, on 127.0.0.1 (plain
// HTTP). Each case is refused as containerd's resolver and BuildKit's
// imageutil.Config refuse it, with their words, naming the reference and the
// Dockerfile line, and without a JavaScript error's text or a request the
// registry should not have been sent:
//   redirects      containerd's CheckRedirect stops at the 10th (fetch's own limit is 20)
//   token server   a realm that is no http(s) URL, redirects for ever, a response Go cannot decode
//   digests        an index entry's or a config's digest that is no digest names no URL
//   sizes          a config longer or shorter than its descriptor says
//   JSON           manifests and indexes decoded as Go's json.Unmarshal (types, 10,000 levels)
//   cut bodies     a connection closed mid-body
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist', 'dockerfile-llb.js');
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

const digestOf = (b: Uint8Array | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Env: ['A=1'] }, rootfs: { type: 'layers', diff_ids: [] } }));
function manifestOf(cfg: Uint8Array, descriptor: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digestOf(cfg), size: cfg.length, ...descriptor },
      layers: [],
    }),
  );
}
const manifest = manifestOf(config);

type Handler = (req: IncomingMessage, res: ServerResponse, port: number) => void;

/** A manifest as a registry sends it: its type, length and digest in the headers. */
function sendManifest(res: ServerResponse, body: Uint8Array, type = OCI_MANIFEST): void {
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'docker-content-digest': digestOf(body) }).end(body);
}
function sendBlob(res: ServerResponse, body: Uint8Array): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
}
/** The well-behaved registry: `manifest` for any tag or digest, `config` for any blob. */
const good: Handler = (req, res) => (req.url!.includes('/blobs/') ? sendBlob(res, config) : sendManifest(res, manifest));

let server: Server;
let port: number;
let handler: Handler = good;
/** The paths asked for since the case began. */
let asked: string[] = [];
let dir: string;

before(async () => {
  server = createServer((req, res) => {
    asked.push(req.url!);
    handler(req, res, port);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'cli-hostile-'));
});

after(() => {
  server?.closeAllConnections();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** `llb` on `FROM scratch` then `FROM <ref>` (line 2), the registry answering with `h`. */
async function resolveWith(h: Handler, ref = `127.0.0.1:${port}/x/y:tag`): Promise<{ status: number | null; stderr: string; ref: string }> {
  handler = h;
  asked = [];
  const case_ = join(dir, `case-${++n}`);
  mkdirSync(case_, { recursive: true });
  writeFileSync(join(case_, 'Dockerfile'), `FROM scratch\nFROM ${ref}\n`);
  const env = { ...process.env, DOCKER_CONFIG: join(case_, 'docker'), XDG_CACHE_HOME: join(case_, 'cache') };
  const child = spawn(process.execPath, [CLI, 'llb', '-f', 'Dockerfile', '--no-resolve-cache'], { env, cwd: case_, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const status = await new Promise<number | null>((res) => child.once('close', (code) => res(code)));
  clearTimeout(timer);
  return { status, stderr, ref };
}

/** The CLI failed with exactly `Dockerfile:2: <ref>: failed to resolve source metadata for <ref>: <reason>`. */
function assertRefused(r: { status: number | null; stderr: string; ref: string }, reason: string): void {
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, `Dockerfile:2: ${r.ref}: failed to resolve source metadata for ${r.ref}: ${reason}\n`);
}

/** Redirects each manifest request to `?n=<n+1>` until n reaches `count`. */
const redirecting =
  (count: number): Handler =>
  (req, res) => {
    const url = new URL(req.url!, 'http://registry');
    const hop = Number(url.searchParams.get('n') ?? '0');
    if (url.pathname.includes('/manifests/') && hop < count) {
      res.writeHead(302, { location: `${url.pathname}?n=${hop + 1}` }).end();
      return;
    }
    good(req, res, port);
  };

test('redirects: nine are followed; the tenth is refused in Go\'s words, as containerd\'s CheckRedirect does', async () => {
  const nine = await resolveWith(redirecting(9));
  assert.equal(nine.status, 0, nine.stderr);
  assertRefused(await resolveWith(redirecting(10)), 'failed to do request: Get "/v2/x/y/manifests/tag?n=10": stopped after 10 redirects');
  // A loop: ten requests, not fetch's twenty-one.
  const loop = await resolveWith((req, res) => res.writeHead(307, { location: req.url }).end());
  assertRefused(loop, 'failed to do request: Get "/v2/x/y/manifests/tag": stopped after 10 redirects');
  assert.equal(asked.length, 10);
});

test('a token server that redirects for ever, a realm that is no http(s) URL, a response that is no token JSON: the token fetch fails in Go\'s words', async () => {
  const denied = 'pull access denied, repository does not exist or may require authorization';
  const challenge =
    (realm: (port: number) => string): Handler =>
    (req, res, p) => {
      if (req.url!.startsWith('/token')) res.writeHead(302, { location: '/token?again' }).end();
      else res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm(p)}",service="registry"` }).end();
    };
  assertRefused(await resolveWith(challenge((p) => `http://127.0.0.1:${p}/token`)), `${denied}: failed to fetch anonymous token: Get "/token?again": stopped after 10 redirects`);
  assertRefused(
    await resolveWith(challenge(() => 'file:///etc/passwd')),
    `${denied}: failed to fetch anonymous token: Get "file:///etc/passwd?service=registry&scope=repository%3Ax%2Fy%3Apull": unsupported protocol scheme "file"`,
  );
  assertRefused(await resolveWith(challenge(() => 'not a url')), `${denied}: failed to fetch anonymous token: Get "not a url": unsupported protocol scheme ""`);
  // A token response is decoded as containerd's json.Decoder decodes it.
  const answering =
    (body: string): Handler =>
    (req, res, p) => {
      if (req.url!.startsWith('/token')) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${p}/token",service="registry"` }).end();
    };
  const undecoded = `${denied}: failed to fetch anonymous token: unable to decode token response`;
  assertRefused(await resolveWith(answering('<html>')), `${undecoded}: invalid character '<' looking for beginning of value`);
  assertRefused(await resolveWith(answering(`{"token":"t","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`)), `${undecoded}: invalid character '[' exceeded max depth`);
  assertRefused(await resolveWith(answering('{"token":5}')), `${undecoded}: json: cannot unmarshal number into Go struct field FetchTokenResponse.token of type string`);
});

test('an index entry\'s or a config\'s digest that is no digest is refused before it names a URL', async () => {
  const invalid = 'unable to resolve blob path: cannot calculate blob path from invalid digest: invalid checksum digest format: invalid argument';
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: OCI_MANIFEST, digest: '../../../../secret', size: 10, platform: { os: 'linux', architecture: 'amd64' } }] }));
  assertRefused(await resolveWith((_req, res) => sendManifest(res, index, OCI_INDEX)), invalid);
  assert.deepEqual(asked, ['/v2/x/y/manifests/tag']);
  // A null entry is Go's zero Descriptor: its digest is empty.
  const nullEntry = Buffer.from(JSON.stringify({ manifests: [null] }));
  assertRefused(await resolveWith((_req, res) => sendManifest(res, nullEntry, OCI_INDEX)), invalid);
  const badConfig = manifestOf(config, { digest: '../../../../etc/passwd' });
  assertRefused(await resolveWith((_req, res) => sendManifest(res, badConfig)), invalid);
  assert.deepEqual(asked, ['/v2/x/y/manifests/tag']);
});

test('a config longer or shorter than its descriptor\'s size is refused, as content.Copy and Commit refuse it', async () => {
  const longer = manifestOf(config, { size: 5 });
  assertRefused(
    await resolveWith((req, res) => (req.url!.includes('/blobs/') ? sendBlob(res, config) : sendManifest(res, longer))),
    `unexpected commit size ${config.length}, expected 5: failed precondition`,
  );
  const shorter = manifestOf(config, { size: config.length + 10 });
  assertRefused(
    await resolveWith((req, res) => (req.url!.includes('/blobs/') ? sendBlob(res, config) : sendManifest(res, shorter))),
    `short read: expected ${config.length + 10} bytes but got ${config.length}: unexpected EOF`,
  );
});

test('manifests and indexes are decoded as Go\'s json.Unmarshal decodes them: its type errors, its nesting limit', async () => {
  const serve =
    (body: string, type: string): Handler =>
    (req, res) =>
      req.url!.includes('/blobs/') ? sendBlob(res, config) : sendManifest(res, Buffer.from(body), type);
  assertRefused(await resolveWith(serve('{"manifests":5}', OCI_INDEX)), 'json: cannot unmarshal number into Go struct field Index.manifests of type []v1.Descriptor');
  assertRefused(
    await resolveWith(serve(`{"manifests":[{"digest":5,"platform":{"os":"linux","architecture":"amd64"}}]}`, OCI_INDEX)),
    'json: cannot unmarshal number into Go struct field Descriptor.manifests.digest of type digest.Digest',
  );
  assertRefused(await resolveWith(serve(JSON.stringify({ schemaVersion: 2, config: 'x' }), OCI_MANIFEST)), 'json: cannot unmarshal string into Go struct field Manifest.config of type v1.Descriptor');
  // Nested 100,000 deep in a field the walk never reads: Go's scanner stops at 10,000.
  const deep = `${manifest.toString().slice(0, -1)},"annotations":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  assertRefused(await resolveWith(serve(deep, OCI_MANIFEST)), "invalid character '[' exceeded max depth");
  // With no usable Content-Type the media type is detected from the same decode.
  assertRefused(await resolveWith(serve(deep, 'text/plain')), "invalid character '[' exceeded max depth");
});

test('a connection closed mid-body fails the copy, saying so', async () => {
  const cut =
    (blob: boolean): Handler =>
    (req, res) => {
      if (req.url!.includes('/blobs/') !== blob) return good(req, res, port);
      res.writeHead(200, { 'content-type': OCI_MANIFEST, 'content-length': 1000 });
      res.write('{"schemaVersion":2,', () => req.socket.destroy());
    };
  assertRefused(await resolveWith(cut(false)), 'failed to copy: manifest for tag: other side closed');
  assertRefused(await resolveWith(cut(true)), `failed to copy: blob ${digestOf(config)}: other side closed`);
});
