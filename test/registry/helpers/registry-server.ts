// Runs Debian's docker-registry (the CNCF distribution server) for tests: a
// real registry on a free 127.0.0.1 port with throw-away storage, optionally
// behind token auth served by TokenServer. scripts/install-registry.sh
// installs it; when it is missing the tests fail (they never skip).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TokenAuthConfig {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
}

export interface RunningRegistry {
  host: string;
  stop(): Promise<void>;
}

export async function startRegistry(auth?: TokenAuthConfig): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-test-'));
  const port = await freePort();
  const authYaml = auth
    ? `auth:\n  token:\n    realm: ${auth.realm}\n    service: ${auth.service}\n    issuer: ${auth.issuer}\n    rootcertbundle: ${auth.certFile}\n`
    : '';
  const configFile = join(dir, 'config.yml');
  writeFileSync(
    configFile,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\n${authYaml}`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
    try {
      const res = await Promise.race([fetch(`http://${host}/v2/`), spawnError]);
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error('docker-registry is not installed; run scripts/install-registry.sh');
      }
      if (Date.now() > deadline) throw new Error(`docker-registry did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    host,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * A minimal token service as the distribution token spec describes: it grants
 * anonymous pull on any repository, signing ES256 JWTs whose x5c header
 * carries a self-signed certificate the registry trusts. Repositories under a
 * prefix of `privatePrefixes` are pulled only by a user of `users` (HTTP basic
 * auth on the token request); wrong credentials get a 401.
 */
export class TokenServer {
  readonly requests: URL[] = [];
  /** The Authorization header of each token request, in order ('' for none). */
  readonly authorizations: string[] = [];

  constructor(
    private readonly users: Record<string, string> = {},
    private readonly privatePrefixes: string[] = [],
  ) {}

  private server: Server | undefined;
  private key: KeyObject | undefined;
  private certDer: Buffer | undefined;
  private dir = '';
  readonly service = 'test-registry';
  readonly issuer = 'test-token-issuer';
  port = 0;

  async start(): Promise<TokenAuthConfig> {
    this.dir = mkdtempSync(join(tmpdir(), 'token-test-'));
    const keyFile = join(this.dir, 'key.pem');
    const certFile = join(this.dir, 'cert.pem');
    const r = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
      '-subj', '/CN=test-token-issuer', '-keyout', keyFile, '-out', certFile,
    ], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl failed: ${r.error?.message ?? r.stderr}`);
    this.key = createPrivateKey(readFileSync(keyFile));
    const pem = readFileSync(certFile, 'utf8');
    this.certDer = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      this.requests.push(url);
      if (url.pathname !== '/token') {
        res.writeHead(404).end();
        return;
      }
      const authorization = req.headers.authorization ?? '';
      this.authorizations.push(authorization);
      let user: string | undefined;
      if (authorization !== '') {
        const [scheme, value] = authorization.split(' ');
        const decoded = scheme === 'Basic' ? Buffer.from(value ?? '', 'base64').toString('utf8') : '';
        const i = decoded.indexOf(':');
        if (i < 0 || this.users[decoded.slice(0, i)] !== decoded.slice(i + 1)) {
          res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"incorrect username or password"}');
          return;
        }
        user = decoded.slice(0, i);
      }
      // Callers get pull only, whatever they ask for; private repositories only users.
      const access = url.searchParams.getAll('scope').flatMap((s) => {
        const [type, name] = s.split(':');
        if (user === undefined && this.privatePrefixes.some((p) => name.startsWith(p))) return [];
        return [{ type, name, actions: ['pull'] }];
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: this.issue(access) }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return { realm: `http://127.0.0.1:${this.port}/token`, service: this.service, issuer: this.issuer, certFile };
  }

  issue(access: { type: string; name: string; actions: string[] }[]): string {
    if (!this.key || !this.certDer) throw new Error('token server not started');
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'ES256', typ: 'JWT', x5c: [this.certDer.toString('base64')] };
    const claims = { iss: this.issuer, sub: '', aud: this.service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const sig = sign('sha256', Buffer.from(input), { key: this.key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(sig)}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
