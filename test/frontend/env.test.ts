// The gateway's environment read from /proc/self/environ (src/frontend/env.ts)
// must give what enumerating process.env gives, which it replaces for speed
// (each process.env lookup scans the whole environment). A child process is
// started by bash with variables Node cannot pass as strings: bytes that are
// no UTF-8 (a lone byte, a cut sequence, an encoded surrogate), a variable of
// no value, one of no `=` in its option, `=` in values, a name that is not
// ASCII; it prints the options both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../e2e/harness.ts';

const script = `
import { readGatewayEnv } from ${JSON.stringify(join(repoRoot, 'src', 'frontend', 'env.ts'))};
const fast = readGatewayEnv();
const slow = readGatewayEnv({ ...process.env });
console.log(JSON.stringify({ fast: [...fast.opts], slow: [...slow.opts], workers: [fast.workers, slow.workers], session: [fast.sessionId, slow.sessionId] }));
`;

test('the gateway environment read from /proc/self/environ is what process.env gives', { skip: process.platform !== 'linux' ? 'Linux only' : false }, () => {
  const setup = [
    `export BUILDKIT_FRONTEND_OPT_0="build-arg:A=$(printf '\\xff\\xfe x \\xe2\\x82 y \\xed\\xa0\\x80 z \\xf0\\x9f\\x98\\x80')"`,
    `export BUILDKIT_FRONTEND_OPT_1=noequals`,
    `export BUILDKIT_FRONTEND_OPT_2='label:a=b=c'`,
    `export BUILDKIT_FRONTEND_OPT_3=`,
    `export BUILDKIT_SESSION_ID=s BUILDKIT_WORKERS='[{"ID":"w"}]'`,
    ...Array.from({ length: 200 }, (_, i) => `export BUILDKIT_FRONTEND_OPT_${10 + i}=build-arg:B${i}=${i}`),
  ].join('\n');
  // `env` sets a name that is not ASCII. (Not a name that is no UTF-8: Node aborts starting a worker thread, as --import's loader does, with one.)
  const r = spawnSync('bash', ['-c', `${setup}\nexec env BUILDKIT_FRONTEND_OPT_9=platform=linux/arm64 "BUILDKIT_FRONTEND_OPT_$(printf '\\xc3\\xa9')=target=x" "$@"`, 'bash', process.execPath, '--import', join(repoRoot, 'test', 'register.mjs'), '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { fast: [string, string][]; slow: [string, string][]; workers: unknown[]; session: string[] };
  assert.deepEqual(out.fast, out.slow);
  assert.equal(out.fast.length, 206);
  const opts = new Map(out.fast);
  assert.equal(opts.get('build-arg:A'), '\ufffd\ufffd x \ufffd y \ufffd\ufffd\ufffd z \u{1f600}');
  assert.equal(opts.get('noequals'), '');
  assert.equal(opts.get('label:a'), 'b=c');
  assert.equal(opts.get('platform'), 'linux/arm64');
  assert.equal(opts.get('target'), 'x');
  assert.deepEqual(out.workers[0], out.workers[1]);
  assert.deepEqual(out.session, ['s', 's']);
});
