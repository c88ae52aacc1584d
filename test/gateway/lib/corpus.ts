// The end-to-end corpus (testdata/e2e) as the whole-build tests read it: its
// cases (E2E_CASES=a,b keeps those whose names contain one of the words),
// each case's case.json, and the secret and SSH inputs a case gives a build
// (one real ssh-agent, Debian's openssh-client, per test process).
import { after } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../e2e/harness.ts';

export const E2E_CORPUS = join(repoRoot, 'testdata', 'e2e');

export interface E2ECase {
  /** further build arguments */
  args?: string[];
  /** secrets passed from files (`--secret id=ID,src=FILE`) */
  secrets?: Record<string, string>;
  /** secrets the client reads from its environment (`--secret id=ID,env=VAR`) */
  secretEnv?: Record<string, string>;
  /** forward an ssh-agent socket as the default SSH id (`--ssh default=SOCKET`) */
  ssh?: boolean;
  fail?: boolean;
  /**
   * Steps that run again on every build (no-cache): their layers hold new
   * file times, so only the number of layers is compared, and every build
   * must have run its RUN steps.
   */
  rerun?: boolean;
}

/** The names of the corpus's cases, sorted, filtered by E2E_CASES. */
export function e2eCaseNames(): string[] {
  const only = (process.env.E2E_CASES ?? '').split(',').filter((w) => w !== '');
  return readdirSync(E2E_CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((n) => only.length === 0 || only.some((w) => n.includes(w)))
    .sort();
}

/** A case's case.json, or no options. */
export function readE2ECase(name: string): E2ECase {
  const file = join(E2E_CORPUS, name, 'case.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as E2ECase) : {};
}

let agent: { proc: ChildProcess; dir: string; ready: Promise<string> } | undefined;
after(() => {
  if (agent?.proc.pid !== undefined) agent.proc.kill('SIGTERM');
  if (agent) rmSync(agent.dir, { recursive: true, force: true });
});

/** The socket of this process's ssh-agent, started on first use and stopped after the tests. */
export function sshAgentSocket(): Promise<string> {
  if (!agent) {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-agent-'));
    const socket = join(dir, 'agent.sock');
    const proc = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    const ready = (async () => {
      for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
      if (!existsSync(socket)) throw new Error(`ssh-agent did not create ${socket}`);
      return socket;
    })();
    agent = { proc, dir, ready };
  }
  return agent.ready;
}

/**
 * The `--secret` and `--ssh` arguments of a case (secret files written into
 * `dir`) and the environment its `env=` secrets are read from.
 */
export async function secretInputs(spec: E2ECase, dir: string): Promise<{ args: string[]; env: Record<string, string> }> {
  const args: string[] = [];
  const env: Record<string, string> = {};
  for (const [id, v] of Object.entries(spec.secrets ?? {})) {
    const file = join(dir, id);
    await writeFile(file, v);
    args.push('--secret', `id=${id},src=${file}`);
  }
  for (const [id, v] of Object.entries(spec.secretEnv ?? {})) {
    env[`E2E_SECRET_${id.toUpperCase()}`] = v;
    args.push('--secret', `id=${id},env=E2E_SECRET_${id.toUpperCase()}`);
  }
  if (spec.ssh) args.push('--ssh', `default=${await sshAgentSocket()}`);
  return { args, env };
}
