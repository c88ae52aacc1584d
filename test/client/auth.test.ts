// Registry credentials through the session's Auth service: a real registry
// (docker-registry) behind token auth whose token server grants push only to
// user:secret (basic auth); `dockerfile-llb build --push` reads the
// credentials from $DOCKER_CONFIG/config.json as buildctl does, and without
// them the push is refused.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildctl, buildkitOrSkip, releaseBuildkit } from '../e2e/harness.ts';
import { startRegistry, TokenServer, type RunningRegistry } from '../registry/helpers/registry-server.ts';
import { contextArgs } from '../gateway/lib/build.ts';
import { ourBuild } from './lib.ts';

after(() => releaseBuildkit());
const TMP = mkdtempSync(join(tmpdir(), 'client-auth-'));
const stops: (() => Promise<void>)[] = [];
after(async () => {
  for (const s of stops) await s();
  rmSync(TMP, { recursive: true, force: true });
});

/**
 * Tokens from TokenServer's key: push and pull for user:secret (basic auth on
 * a GET, or the OAuth password grant POSTed as Go's clients try first), pull
 * only for anyone else.
 */
async function tokenServer(tokens: TokenServer): Promise<{ realm: string; server: Server; authorized: string[] }> {
  const authorized: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let user: string | undefined;
      let scopes = url.searchParams.getAll('scope');
      if (req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        if (form.get('username') !== null) user = `${form.get('username')}:${form.get('password') ?? ''}`;
        scopes = (form.get('scope') ?? '').split(' ').filter((x) => x !== '');
      } else if (req.headers.authorization?.startsWith('Basic ')) {
        user = Buffer.from(req.headers.authorization.slice(6), 'base64').toString();
      }
      if (user !== undefined) authorized.push(user);
      const granted = user === 'user:secret' ? ['pull', 'push'] : ['pull'];
      const access = scopes.map((sc) => {
        const [type, name] = sc.split(':');
        return { type: type!, name: name!, actions: granted };
      });
      const token = tokens.issue(access);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token, access_token: token }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { realm: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, server, authorized };
}

test('push to a token-auth registry with credentials from the Docker config (and refused without)', { timeout: 300_000 }, async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const tokens = new TokenServer();
  const cfg = await tokens.start();
  stops.push(() => tokens.stop());
  const ts = await tokenServer(tokens);
  stops.push(() => new Promise((r) => ts.server.close(() => r())));
  const registry: RunningRegistry = await startRegistry({ ...cfg, realm: ts.realm });
  stops.push(() => registry.stop());
  const host = registry.host.replace('127.0.0.1', 'localhost');

  const ctx = join(TMP, 'ctx');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM busybox\nRUN echo pushed > /p\n');
  const withCreds = join(TMP, 'docker');
  mkdirSync(withCreds);
  writeFileSync(join(withCreds, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('user:secret').toString('base64') } } }));
  const without = join(TMP, 'docker-empty');
  mkdirSync(without);

  const ours = await ourBuild(['--progress', 'plain', '-t', `${host}/client/auth:1`, '--push', ctx], { env: { DOCKER_CONFIG: withCreds } });
  const theirs = await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=image,name=${host}/client/auth:2,push=true`], { env: { DOCKER_CONFIG: withCreds } });
  assert.equal(theirs.code, 0, `buildctl pushes with the credentials:\n${theirs.stderr}`);
  assert.equal(ours.code, 0, `ours pushes with the credentials:\n${ours.stderr}`);
  assert.ok(ts.authorized.includes('user:secret'), 'the token was fetched with the configured credentials');

  const refused = await ourBuild(['--progress', 'plain', '-t', `${host}/client/auth:3`, '--push', ctx], { env: { DOCKER_CONFIG: without } });
  const refusedCtl = await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=image,name=${host}/client/auth:4,push=true`], { env: { DOCKER_CONFIG: without } });
  assert.notEqual(refusedCtl.code, 0, 'buildctl is refused without credentials');
  assert.equal(refused.code, 1, `ours is refused without credentials:\n${refused.stderr}`);
  const last = (s: string) => s.trim().split('\n').pop()!.replace(/auth:\d/g, 'auth:N');
  assert.equal(last(refused.stderr), last(refusedCtl.stderr), 'the same error as buildctl');
});
