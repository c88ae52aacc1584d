// Base images resolve together: upstream's frontend resolves each stage in a
// goroutine of its own, so a Dockerfile with three base images asks the daemon
// for all three before any answer comes (a cold build waits for one registry
// round trip, not three). Ours and upstream's frontend process each build such
// a file against a scripted daemon that answers every ResolveSourceMeta after
// 400 ms; both must have sent all three requests before the first answer.
// And the platforms of a build convert together under one context: when one
// fails, the others' calls are cancelled, the one in flight and any after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeMessage } from '../../src/protobuf/encode.ts';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import * as gw from '../../src/gen/moby.buildkit.v1.frontend.ts';
import { Caps } from '../../src/llb/caps.ts';
import { binDir, inCI, repoRoot } from '../e2e/harness.ts';
import { runFrontend, type Action, type Script } from './fake-daemon.ts';

const upstreamBinary = join(binDir, 'dockerfile-frontend');
const skip = !existsSync(join(repoRoot, 'dist', 'dockerfile-llb.js'))
  ? 'run `npm run build` first'
  : !existsSync(upstreamBinary) && !inCI
    ? 'run scripts/e2e/build-buildkit.sh first (upstream’s frontend binary)'
    : false;

const DELAY_MS = 400;
const images = JSON.parse(readFileSync(join(repoRoot, 'testdata', 'convert', 'image-metadata.json'), 'utf8')) as Record<string, { config: unknown; digest: string }>;
const dockerfile = 'FROM alpine:3.19 AS a\nRUN true\nFROM busybox:latest AS b\nRUN true\nFROM debian:bookworm\nCOPY --from=a / /a\nCOPY --from=b / /b\n';

const answer = <T>(d: Parameters<typeof encodeMessage<T>>[0], v: T): Action => ({ kind: 'answer', answer: { message: encodeMessage(d, v) } });

/**
 * The daemon: every call answered at once but image resolutions, answered after DELAY_MS (busybox
 * for `failing`'s architecture: failed at once, so that one error is the build's whatever the
 * order the stages fail in); the times they came.
 */
function daemon(times: number[], t0: { at: number }, dockerfile: string, failing?: string): Script {
  return (method, _n, body) => {
    switch (method) {
      case 'Ping':
        t0.at = Date.now();
        return answer(gw.PongResponse, { FrontendAPICaps: ['solve.base', 'resolveimage', 'readfile', 'return', 'returnmap', 'frontend.inputs', 'gateway.solve.metadata', 'gateway.warnings', 'source.metaresolver'].map((ID) => ({ ID, Enabled: true })), LLBCaps: Object.values(Caps).map((ID) => ({ ID, Enabled: true })) });
      case 'ReadFile': {
        const req = decodeMessage(gw.ReadFileRequest, body);
        if ((req.FilePath ?? '').endsWith('Dockerfile')) return answer(gw.ReadFileResponse, { Data: Buffer.from(dockerfile) });
        return { kind: 'answer', answer: { code: 5, text: `open ${req.FilePath ?? ''}: no such file or directory` } };
      }
      case 'ResolveSourceMeta': {
        times.push(Date.now());
        const req = decodeMessage(gw.ResolveSourceMetaRequest, body);
        const ref = (req.Source?.identifier ?? '').replace(/^docker-image:\/\//, '');
        const image = images[ref];
        if (failing !== undefined && req.Platform?.Architecture === failing && ref.startsWith('docker.io/library/busybox:')) return { kind: 'answer', answer: { code: 5, text: `${ref}: not found for ${failing}` } };
        if (image === undefined) return { kind: 'answer', answer: { code: 5, text: `${ref}: not found` } };
        return { kind: 'delay', ms: DELAY_MS, then: answer(gw.ResolveSourceMetaResponse, { Source: req.Source, Image: { Digest: image.digest, Config: Buffer.from(JSON.stringify(image.config)) } }) };
      }
      case 'Solve':
        return answer(gw.SolveResponse, { result: { result: { case: 'ref', value: { id: 'r' } } } });
      default:
        return { kind: 'default' };
    }
  };
}

test('three base images: every resolution is asked of the daemon before the first answer, by ours as by upstream', { skip, timeout: 120_000 }, async () => {
  const report: string[] = [];
  for (const [who, command] of [['ours', undefined], ['upstream', [upstreamBinary]]] as const) {
    const times: number[] = [];
    const t0 = { at: 0 };
    const r = await runFrontend(daemon(times, t0, dockerfile), { env: { BUILDKIT_FRONTEND_OPT_0: 'platform=linux/amd64' }, command: command === undefined ? undefined : [...command] });
    assert.equal(r.returned?.error, undefined, `${who}: ${JSON.stringify(r.returned?.error)} ${r.stderr.slice(0, 500)}`);
    assert.equal(times.length, 3, `${who}: ${times.length} resolutions`);
    const spread = Math.max(...times) - Math.min(...times);
    report.push(`${who}: 3 resolutions asked within ${spread} ms`);
    assert.ok(spread < DELAY_MS, `${who}: the resolutions were asked ${spread} ms apart; an answer takes ${DELAY_MS} ms`);
  }
  console.log(`resolve concurrency: ${report.join(', ')}`);
});

for (const [what, file] of [
  ['one stage', 'FROM busybox:latest\nRUN true\n'],
  // Within the failing platform, its other stage's resolution is out when busybox fails: upstream's
  // errgroup for the stages cancels it and the platform fails at once (ours waited for its answer,
  // and the other platform, answered meanwhile, could Solve).
  ['two stages, one resolving while the other fails', 'FROM alpine:3.19 AS a\nRUN true\nFROM busybox:latest\nCOPY --from=a / /\n'],
] as const) {
  test(`two platforms, one failing (${what}): the calls in flight are cancelled and nothing more is called, as upstream's`, { skip, timeout: 120_000 }, async () => {
    const runs: Record<string, { calls: string[]; error: string; ms: number }> = {};
    for (const [who, command] of [['ours', undefined], ['upstream', [upstreamBinary]]] as const) {
      const times: number[] = [];
      const t0 = { at: 0 };
      const r = await runFrontend(daemon(times, t0, file, 'arm64'), { env: { BUILDKIT_FRONTEND_OPT_0: 'platform=linux/amd64,linux/arm64' }, command: command === undefined ? undefined : [...command] });
      // (Ping and Inputs go out together, in either order; so do the resolutions.)
      const start = r.calls.indexOf('ResolveSourceMeta');
      runs[who] = { calls: [...r.calls.slice(0, start).sort(), ...r.calls.slice(start)], error: r.returned?.error?.message ?? '(no error)', ms: r.ms };
    }
    const ours = runs['ours']!;
    const up = runs['upstream']!;
    assert.match(up.error, /not found for arm64/);
    assert.deepEqual(ours, { ...up, ms: ours.ms });
    // Neither waited for the answer the cancelled resolution would have had.
    console.log(`resolve concurrency, a failing platform (${what}): ours ${ours.calls.length} calls, the process ran ${ours.ms} ms; upstream ${up.calls.length} calls, ${up.ms} ms (an answer takes ${DELAY_MS} ms)`);
    assert.ok(up.ms < DELAY_MS + 1000 && ours.ms < DELAY_MS + 1000);
  });
}

test('thirteen platforms: their calls under one cancellable group leave nothing on standard error (no listener-leak warning)', { skip, timeout: 120_000 }, async () => {
  const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/s390x', 'linux/ppc64le', 'linux/riscv64', 'linux/mips64le', 'linux/mips64', 'linux/loong64', 'linux/arm/v5', 'linux/arm64/v8'];
  const t0 = { at: 0 };
  const r = await runFrontend(daemon([], t0, 'FROM alpine:3.19\nRUN true\n'), { env: { BUILDKIT_FRONTEND_OPT_0: `platform=${platforms.join(',')}` } });
  assert.equal(r.returned?.error, undefined, r.stderr.slice(0, 500));
  assert.equal(r.stderr, '');
});
