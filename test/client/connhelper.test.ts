// Connection helpers (docker-container://, ssh://, …): `dockerfile-llb build`
// runs the helper's command once per connection it makes, and the command's
// standard input and output are the connection, as BuildKit's Go client
// does. There is no Docker engine or SSH server here, so `docker` and `ssh`
// are small scripts that check the arguments they are given and then run
// what the real ones would run at the other end: buildctl dial-stdio, to the
// real test daemon. buildctl goes through the same scripts for comparison.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binDir, buildkitOrSkip, ensureBuildkit, releaseBuildkit, run } from '../e2e/harness.ts';
import { BUNDLE } from './lib.ts';
import { helperCommand } from '../../src/client/connhelper.ts';

after(() => releaseBuildkit());
const TMP = mkdtempSync(join(tmpdir(), 'connhelper-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** Scripts standing in for docker and ssh, logging their arguments, dialing the test daemon as the real ones would at the other end. */
function fakeTools(socket: string): { bin: string; log: string } {
  const bin = join(TMP, 'bin');
  const log = join(TMP, 'calls.log');
  mkdirSync(bin, { recursive: true });
  const buildctl = join(binDir, 'buildctl');
  writeFileSync(
    join(bin, 'docker'),
    `#!/bin/sh
echo "docker $*" >> ${log}
[ "$1" = exec ] && [ "$2" = -i ] && [ "$4" = buildctl ] && [ "$5" = dial-stdio ] || { echo "unexpected arguments: $*" >&2; exit 2; }
[ "$3" = builder ] || { echo "Error response from daemon: No such container: $3" >&2; exit 1; }
exec ${buildctl} --addr unix://${socket} dial-stdio
`,
  );
  writeFileSync(
    join(bin, 'ssh'),
    `#!/bin/sh
echo "ssh $*" >> ${log}
while [ "$1" != "--" ]; do shift; done
shift 2
[ "$1" = buildctl ] || { echo "unexpected arguments" >&2; exit 2; }
shift
exec ${buildctl} "$@"
`,
  );
  chmodSync(join(bin, 'docker'), 0o755);
  chmodSync(join(bin, 'ssh'), 0o755);
  return { bin, log };
}

test('docker-container:// and ssh:// reach the daemon through their commands, once per connection; failures name the command and its stderr', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const env = await ensureBuildkit();
  const socket = env.buildkitHost.replace(/^unix:\/\//, '');
  const { bin, log } = fakeTools(socket);
  const PATH = `${bin}:${process.env.PATH}`;
  const ctx = join(TMP, 'ctx');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY a.txt /a.txt\n');
  writeFileSync(join(ctx, 'a.txt'), 'through a helper\n');
  const ours = (addr: string, out: string) => run(process.execPath, [BUNDLE, 'build', '--addr', addr, '--progress', 'quiet', '-o', out, ctx], { env: { PATH, BUILDKIT_HOST: '' } });

  rmSync(log, { force: true });
  const r = await ours('docker-container://builder', join(TMP, 'out-docker'));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(join(TMP, 'out-docker', 'a.txt'), 'utf8'), 'through a helper\n');
  // The control connection and the session's own: the command run for each.
  assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), ['docker exec -i builder buildctl dial-stdio', 'docker exec -i builder buildctl dial-stdio']);

  rmSync(log, { force: true });
  const s = await ours(`ssh://me@remote.example:2222${socket}`, join(TMP, 'out-ssh'));
  assert.equal(s.code, 0, s.stderr);
  assert.deepEqual(readdirSync(join(TMP, 'out-ssh')), ['a.txt']);
  assert.equal(readFileSync(log, 'utf8').trim().split('\n')[0], `ssh -l me -p 2222 -- remote.example buildctl --addr unix://${socket} dial-stdio`);

  // buildctl through the same script: the same build.
  const ctl = await run(join(binDir, 'buildctl'), ['--addr', 'docker-container://builder', 'build', '--frontend', 'dockerfile.v0', '--local', `context=${ctx}`, '--local', `dockerfile=${ctx}`, '--output', `type=local,dest=${join(TMP, 'out-ctl')}`], { env: { PATH } });
  assert.equal(ctl.code, 0, ctl.stderr);
  assert.equal(readFileSync(join(TMP, 'out-ctl', 'a.txt'), 'utf8'), readFileSync(join(TMP, 'out-docker', 'a.txt'), 'utf8'));

  // A command that fails: its exit status and stderr, as Go's commandconn reports them; no hang.
  const missing = await ours('docker-container://nosuch', join(TMP, 'out-none'));
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'error: could not connect to buildkitd at docker-container://nosuch: command [docker exec -i nosuch buildctl dial-stdio] has exited with exit status 1: stderr=Error response from daemon: No such container: nosuch\n');
  const noTool = await run(process.execPath, [BUNDLE, 'build', '--addr', 'podman-container://x', ctx], { env: { PATH: bin, BUILDKIT_HOST: '' } });
  assert.equal(noTool.code, 1);
  assert.equal(noTool.stderr, 'error: could not connect to buildkitd at podman-container://x: command [podman exec -i x buildctl dial-stdio]: podman is not installed or not on PATH\n');
});

test('helper addresses: the commands BuildKit\'s helpers run, and the addresses they refuse', () => {
  const cmd = (a: string) => {
    const h = helperCommand(a)!;
    return [h.cmd, ...h.args].join(' ');
  };
  assert.equal(cmd('docker-container://b?context=remote'), 'docker --context=remote exec -i b buildctl dial-stdio');
  assert.equal(cmd('podman-container://b'), 'podman exec -i b buildctl dial-stdio');
  assert.equal(cmd('nerdctl-container://b?namespace=ns'), 'nerdctl exec --namespace ns -i b buildctl dial-stdio');
  assert.equal(cmd('kube-pod://buildkitd-0?namespace=ci&container=bk'), 'kubectl --context= --namespace=ci exec --container=bk -i buildkitd-0 -- buildctl dial-stdio');
  assert.equal(cmd('ssh://host'), 'ssh -- host buildctl dial-stdio');
  assert.equal(cmd('ssh://u%20x@[::1]:22/run/b.sock'), 'ssh -l u x -p 22 -- ::1 buildctl --addr unix:///run/b.sock dial-stdio');
  assert.equal(helperCommand('unix:///run/buildkit/buildkitd.sock'), undefined);
  assert.equal(helperCommand('tcp://h:1234'), undefined);
  for (const [a, msg] of [
    ['docker-container://', 'url lacks container name'],
    ['kube-pod://', 'url lacks pod name'],
    ['kube-pod://Pod', 'unsupported pod name: "Pod"'],
    ['kube-pod://p?namespace=N_S', 'unsupported namespace name: "N_S"'],
    ['ssh://u:pw@h', 'plain-text password is not supported'],
    ['ssh://h#f', 'extra fragment after the host: "f"'],
  ]) {
    assert.throws(() => helperCommand(a!), { message: msg }, a);
  }
});
