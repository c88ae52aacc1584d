// Whole-build benchmark on the real daemon (a script, not a test): the same
// buildkitd builds a generated 10-stage Dockerfile through our frontend image
// and through upstream's v0.32.2 image (both as gateway.v0 frontends), runs
// alternating ours/upstream so drift in the machine's load hits both alike.
//
//   fully cached: the same build again; the daemon answers every op from its
//                 cache, so the time is buildctl + starting the frontend
//                 container + reading the Dockerfile + converting + the solve's
//                 cache look-ups.
//   cold:         a unique build arg (BUST) that the first stage's RUN uses;
//                 every later stage copies the file it made, so all 10 RUNs
//                 execute again (base image and frontend image stay cached, as
//                 in a real edit-and-rebuild). `--no-cache` is not used: it
//                 would re-resolve the base image too and measure the registry.
//
// Before timing, each frontend builds the file once and the two results must
// have the same layers (so the timed builds do the same work).
//
// The fully cached builds also alternate with two floor frontends
// (bench/floor): each connects, Pings and returns an empty result, one in
// Node.js (on our image's Node.js base), one in Go (BuildKit's gateway
// client, FROM scratch). A floor's time is what the daemon, the container
// and the language's process cost before any Dockerfile work; what upstream
// takes beyond the Go floor is its Dockerfile work (the daemon calls and
// Go's conversion). The Node.js floor plus that work is the best time a
// Node.js frontend making upstream's calls in upstream's order could get,
// with its own code costing nothing.
//
//   npm run bench:e2e
//   RUNS=25 npm run bench:e2e
//
// Uses BUILDKIT_HOST/E2E_REGISTRY when set, else starts the project's own
// environment (test/e2e/harness.ts) and stops it at the end.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UPSTREAM_FRONTEND, buildctl, ensureBuildkit, layerDiffIds, releaseBuildkit, uniqueRef } from '../test/e2e/harness.ts';
import { ensureFrontendImage } from '../test/gateway/frontend-image.ts';
import { ensureFloorImages } from './floor/images.ts';
import { STAGES, benchDockerfile as dockerfile } from './dockerfile.ts';

const RUNS = Math.max(5, Number(process.env.RUNS ?? 15));

interface Frontend {
  name: string;
  source: string;
}

async function buildOnce(f: Frontend, context: string, bust: string | undefined, output?: string): Promise<number> {
  const args = ['build', '--progress=plain', '--frontend', 'gateway.v0', '--opt', `source=${f.source}`, '--local', `context=${context}`, '--local', `dockerfile=${context}`];
  if (bust !== undefined) args.push('--opt', `build-arg:BUST=${bust}`);
  if (output) args.push('--output', output);
  const t0 = performance.now();
  const r = await buildctl(args, { timeoutMs: 600_000 });
  const ms = performance.now() - t0;
  if (r.code !== 0) throw new Error(`${f.name} build failed:\n${r.stderr}`);
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  const env = await ensureBuildkit();
  const ours: Frontend = { name: 'ours', source: await ensureFrontendImage() };
  const upstream: Frontend = { name: 'upstream', source: UPSTREAM_FRONTEND };
  const context = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
  try {
    const text = dockerfile();
    writeFileSync(join(context, 'Dockerfile'), text);
    console.log(`node ${process.version}; daemon ${env.buildkitHost} (BuildKit v0.32.2); ${RUNS} runs each, alternating, medians`);
    console.log(`input: generated ${STAGES}-stage Dockerfile, ${text.split('\n').length} lines; ours ${ours.source}, upstream ${upstream.source}`);

    // Same work: each frontend's result pushed once, layers compared.
    const refs: string[] = [];
    for (const f of [ours, upstream]) {
      const ref = uniqueRef(`bench-${f.name}`);
      await buildOnce(f, context, undefined, `type=image,name=${ref},push=true`);
      refs.push(ref);
    }
    const [a, b] = await Promise.all(refs.map((r) => layerDiffIds(r)));
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`layers differ: ours ${JSON.stringify(a)}, upstream ${JSON.stringify(b)}`);
    console.log(`check: both images have the same ${a!.length} layer diff ids`);

    const report = (label: string, times: Map<string, number[]>, target?: number): void => {
      const o = median(times.get('ours')!);
      const u = median(times.get('upstream')!);
      const ratio = o / u;
      const mins = (k: string): string => fmt(Math.min(...times.get(k)!));
      console.log(`${label}: ours ${fmt(o)} (min ${mins('ours')}), upstream ${fmt(u)} (min ${mins('upstream')}); ratio ours/upstream ${ratio.toFixed(2)}` + (target ? ` (target <= ${target}: ${ratio <= target ? 'met' : 'not met'})` : ''));
    };

    // Fully cached: warm each once more, then alternate (the order turned each round).
    const floors = await ensureFloorImages();
    const floorNode: Frontend = { name: 'floor-node', source: floors.node };
    const floorGo: Frontend = { name: 'floor-go', source: floors.go };
    const all = [ours, upstream, floorNode, floorGo];
    const cached = new Map<string, number[]>(all.map((f) => [f.name, []]));
    for (const f of all) await buildOnce(f, context, undefined);
    for (let i = 0; i < RUNS; i++) {
      for (let j = 0; j < all.length; j++) {
        const f = all[(i + j) % all.length]!;
        cached.get(f.name)!.push(await buildOnce(f, context, undefined));
      }
    }
    report('fully cached build', cached, 1.25);
    const med = (k: string): number => median(cached.get(k)!);
    const [o, u, fn, fg] = [med('ours'), med('upstream'), med('floor-node'), med('floor-go')];
    console.log(`floor (connect, Ping, return an empty result): Node.js ${fmt(fn)}, Go ${fmt(fg)}; ratio Node.js/upstream ${(fn / u).toFixed(2)}`);
    console.log(`beyond its floor: ours ${fmt(o - fn)}, upstream ${fmt(u - fg)} (target: ours <= upstream's: ${o - fn <= u - fg ? 'met' : 'not met'})`);
    console.log(`best case for a Node.js frontend (Node.js floor + upstream's work beyond the Go floor): ${fmt(fn + u - fg)}; ratio to upstream ${((fn + u - fg) / u).toFixed(2)}`);

    // Cold: a new BUST value per build, so all 10 RUNs execute.
    const cold = new Map<string, number[]>([['ours', []], ['upstream', []]]);
    const tag = `${Date.now().toString(36)}-${process.pid}`;
    for (let i = 0; i < RUNS; i++) {
      for (const f of i % 2 ? [upstream, ours] : [ours, upstream]) cold.get(f.name)!.push(await buildOnce(f, context, `${tag}-${f.name}-${i}`));
    }
    report(`cold build (unique build arg, ${STAGES} RUNs execute)`, cold);
  } finally {
    rmSync(context, { recursive: true, force: true });
    await releaseBuildkit();
  }
}

await main();
