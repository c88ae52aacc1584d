// Fixture servers for the gateway e2e tests that build from remote sources:
// a work directory, `git daemon` (git://), `git http-backend` behind a Node
// HTTP server (smart HTTP), files over HTTP, and the fixture repository with
// a main branch, a tag and a feature branch. Everything a Fixtures object
// starts is stopped, by pid, by its close().
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { run } from '../../e2e/harness.ts';

/** Runs a program in `cwd`; its stdout, or an error with its output when it fails. */
export async function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const r = await run(cmd, args, { cwd, env });
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** A TCP port free on 127.0.0.1 just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** git's environment for fixture commits: a fixed identity, HOME in the work directory, no system config; with `date`, author and committer dates. */
export function gitEnv(home: string, date?: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: 'e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    GIT_COMMITTER_NAME: 'e2e',
    GIT_COMMITTER_EMAIL: 'e2e@example.com',
    ...(date === undefined ? {} : { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: home,
  };
}

/**
 * A bare repository WORK/repos/repo.git of a fixture directory (commits dated
 * 2024-01-02T03:04:05Z): main (the directory), tag v1, and feature (one more
 * commit adding app/feature.txt, dated `featureDate`, by default as main).
 * Returns WORK/repos.
 */
export async function makeBranchedRepo(work: string, fixture: string, featureDate?: string): Promise<string> {
  const src = join(work, 'src');
  cpSync(fixture, src, { recursive: true });
  const env = gitEnv(work, '2024-01-02T03:04:05Z');
  await sh('git', ['init', '-q', '-b', 'main'], src, env);
  await sh('git', ['add', '-A'], src, env);
  await sh('git', ['commit', '-q', '-m', 'fixture'], src, env);
  await sh('git', ['tag', 'v1'], src, env);
  await sh('git', ['checkout', '-q', '-b', 'feature'], src, env);
  writeFileSync(join(src, 'app', 'feature.txt'), 'only on the feature branch\n');
  const featureEnv = featureDate === undefined ? env : { ...env, GIT_AUTHOR_DATE: featureDate, GIT_COMMITTER_DATE: featureDate };
  await sh('git', ['add', '-A'], src, featureEnv);
  await sh('git', ['commit', '-q', '-m', 'feature'], src, featureEnv);
  await sh('git', ['checkout', '-q', 'main'], src, env);
  const repos = join(work, 'repos');
  await sh('git', ['clone', '-q', '--bare', src, join(repos, 'repo.git')], work, env);
  return repos;
}

/** Answers with the regular file `rel` under `root` (nothing outside it); false when there is none. */
export function sendFile(res: ServerResponse, root: string, rel: string, headers: Record<string, string>): boolean {
  const p = normalize(join(root, rel));
  try {
    if (p.startsWith(root + '/') && statSync(p).isFile()) {
      res.writeHead(200, headers).end(readFileSync(p));
      return true;
    }
  } catch {
    // not found
  }
  return false;
}

/** `git http-backend` as a CGI program behind the Node server (smart HTTP) for the repositories under `repos`. */
export function gitHttpBackend(req: IncomingMessage, res: ServerResponse, repos: string, pathInfo: string, query: string): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: repos,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: pathInfo,
      QUERY_STRING: query,
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(body.length),
      REMOTE_ADDR: '127.0.0.1',
      GATEWAY_INTERFACE: 'CGI/1.1',
    };
    const enc = req.headers['content-encoding'];
    if (typeof enc === 'string') env.HTTP_CONTENT_ENCODING = enc;
    const proto = req.headers['git-protocol'];
    if (typeof proto === 'string') env.GIT_PROTOCOL = proto;
    const cgi = spawn('git', ['http-backend'], { env });
    const out: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => out.push(c));
    cgi.stderr.resume();
    cgi.stdin.end(body);
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      let sep = all.indexOf('\r\n\r\n');
      let sepLen = 4;
      if (sep < 0) {
        sep = all.indexOf('\n\n');
        sepLen = 2;
      }
      if (sep < 0) {
        res.writeHead(500).end();
        return;
      }
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of all.subarray(0, sep).toString('latin1').split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = parseInt(v, 10);
        else headers[k] = v;
      }
      res.writeHead(status, headers).end(all.subarray(sep + sepLen));
    });
  });
}

/** A work directory and the servers started for one test file. */
export class Fixtures {
  /** a new temporary directory (removed by close()) */
  readonly work: string;
  private readonly children: ChildProcess[] = [];
  private readonly servers: Server[] = [];

  constructor(prefix: string) {
    this.work = mkdtempSync(join(tmpdir(), prefix));
  }

  /** `git daemon` exporting every repository under `repos`: git://127.0.0.1:PORT, once `git ls-remote` of `probe` answers. */
  async gitDaemon(repos: string, probe = 'repo.git'): Promise<string> {
    const port = await freePort();
    const daemon = spawn(
      'git',
      ['daemon', '--reuseaddr', '--export-all', `--base-path=${repos}`, '--listen=127.0.0.1', `--port=${port}`, repos],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.children.push(daemon);
    const daemonErr: Buffer[] = [];
    daemon.stderr?.on('data', (c: Buffer) => daemonErr.push(c));
    const url = `git://127.0.0.1:${port}`;
    // git daemon needs a moment to listen.
    for (let i = 0; ; i++) {
      const r = await run('git', ['ls-remote', `${url}/${probe}`], { timeoutMs: 10_000 });
      if (r.code === 0) break;
      if (i >= 50) throw new Error(`git daemon did not start: ${r.stderr}${Buffer.concat(daemonErr).toString()}`);
      await new Promise((res) => setTimeout(res, 100));
    }
    return url;
  }

  /** A Node HTTP server on 127.0.0.1: http://127.0.0.1:PORT. */
  async http(handler: RequestListener): Promise<string> {
    const server = createServer(handler);
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const a = server.address();
    const port = typeof a === 'object' && a !== null ? a.port : 0;
    return `http://127.0.0.1:${port}`;
  }

  /** Stops the servers (SIGTERM by pid) and removes the work directory. */
  async close(): Promise<void> {
    for (const c of this.children) if (c.pid !== undefined && c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    rmSync(this.work, { recursive: true, force: true });
  }
}
