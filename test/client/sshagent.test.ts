// `--ssh ID=KEYFILE`: key files served as an SSH agent by the client,
// checked with OpenSSH's own tools against the agent: ssh-add lists the keys
// ssh-keygen wrote, ssh-keygen signs through the agent and verifies the
// signature, and the agent refuses to add keys (read-only, as BuildKit's).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { agentConnection, agentKey, parsePrivateKey } from '../../src/client/sshagent.ts';

const TMP = mkdtempSync(join(tmpdir(), 'sshagent-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** ssh-keygen's key types and formats (OpenSSH's own, PEM as PKCS#1 / SEC 1, PKCS#8). */
const KEYS: [string, string[]][] = [
  ['ed25519', ['-t', 'ed25519']],
  ['rsa', ['-t', 'rsa', '-b', '2048']],
  ['ecdsa256', ['-t', 'ecdsa', '-b', '256']],
  ['ecdsa384', ['-t', 'ecdsa', '-b', '384']],
  ['ecdsa521', ['-t', 'ecdsa', '-b', '521']],
  ['rsa-pem', ['-t', 'rsa', '-b', '2048', '-m', 'PEM']],
  ['ecdsa-pem', ['-t', 'ecdsa', '-m', 'PEM']],
  ['ecdsa-pkcs8', ['-t', 'ecdsa', '-m', 'PKCS8']],
];

function run(cmd: string, args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, input });
}

/** A unix socket answering the agent protocol for the keys, as the session's ForwardAgent does. */
async function agent(files: string[]): Promise<{ socket: string; close: () => void }> {
  const keys = files.map((f) => agentKey(parsePrivateKey(readFileSync(f))));
  const socket = join(TMP, `agent-${Math.random().toString(36).slice(2)}.sock`);
  const server = createServer((c) => {
    c.on('data', agentConnection(keys, (b) => c.write(b), () => c.destroy()));
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return { socket, close: () => server.close() };
}

test('key files as an agent: ssh-add lists them, ssh-keygen signs through it and verifies, adding is refused', async () => {
  const files = KEYS.map(([name, args]) => {
    const f = join(TMP, name);
    const r = run('ssh-keygen', ['-q', '-N', '', '-C', '', '-f', f, ...args]);
    assert.equal(r.status, 0, r.stderr);
    return f;
  });
  const a = await agent(files);
  // The agent's work (signing) runs in this process: the tools run asynchronously beside it.
  const { spawn } = await import('node:child_process');
  const runAsync = (cmd: string, args: string[], input?: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn(cmd, args, { env: { ...process.env, SSH_AUTH_SOCK: a.socket }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      p.on('close', (status) => resolve({ status, stdout, stderr }));
      p.stdin.end(input ?? '');
    });
  try {
    const listed = await runAsync('ssh-add', ['-L']);
    assert.equal(listed.status, 0, listed.stderr);
    const pub = (f: string) => readFileSync(`${f}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
    assert.deepEqual(listed.stdout.trim().split('\n').map((l) => l.trim()), files.map(pub));

    const msg = join(TMP, 'msg');
    writeFileSync(msg, 'signed through the agent\n');
    for (const f of files) {
      rmSync(`${msg}.sig`, { force: true });
      // -f names the public key: ssh-keygen asks the agent for the signature.
      const signed = await runAsync('ssh-keygen', ['-Y', 'sign', '-n', 'file', '-f', `${f}.pub`, msg]);
      assert.equal(signed.status, 0, `${f}: ${signed.stderr}`);
      writeFileSync(join(TMP, 'allowed'), `signer ${readFileSync(`${f}.pub`, 'utf8')}`);
      const verified = await runAsync('ssh-keygen', ['-Y', 'verify', '-f', join(TMP, 'allowed'), '-I', 'signer', '-n', 'file', '-s', `${msg}.sig`], readFileSync(msg, 'utf8'));
      assert.equal(verified.status, 0, `${f}: ${verified.stderr}`);
      assert.match(verified.stdout, /^Good "file" signature for signer/);
    }
    const added = await runAsync('ssh-add', [files[0]!]);
    assert.notEqual(added.status, 0, 'the agent is read-only');
    assert.match(added.stderr, /agent refused operation/);
  } finally {
    a.close();
  }
});

test('key files: a passphrase-protected key or a file that is no key is refused with the reason', () => {
  const f = join(TMP, 'locked');
  const r = run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret', '-C', '', '-f', f]);
  assert.equal(r.status, 0, r.stderr);
  assert.throws(() => parsePrivateKey(readFileSync(f)), /^Error: ssh: this private key is passphrase protected$/);
  assert.throws(() => parsePrivateKey(readFileSync(`${f}.pub`)), /^Error: ssh: no key found$/);
});
