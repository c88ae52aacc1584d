// Marshaling speed of the LLB SDK on large generated graphs with heavy
// sharing: every op depends on several earlier ones (exec mounts, file copies,
// merges), so a marshaler without per-vertex memoisation would be exponential.
//
//   npm run bench:llb            10k, 50k and 100k ops, one child process each
//   npm run bench:llb -- 20000   one size
//
// Prints build, marshal and encode time, their total (state building +
// State.marshal + Definition.encode to bytes), ops/second and peak memory per size.
import { spawnSync } from 'node:child_process';
import * as llb from '../src/llb/index.ts';

/** A deterministic pseudo-random sequence, so every run builds the same graph. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A graph with about `n` ops; returns its final state. */
function buildGraph(n: number): llb.State {
  const rand = rng(42);
  const states: llb.State[] = [];
  const pick = (): llb.State => states[Math.floor(rand() * states.length)]!;
  // Recent states are picked more often, which makes deep chains as well as wide sharing.
  const pickRecent = (): llb.State => states[Math.max(0, states.length - 1 - Math.floor(rand() * 32))]!;
  for (let i = 0; i < 16; i++) states.push(llb.image(`registry.example/base${i}:1`));
  for (let i = 0; i < 16; i++) states.push(llb.local(`ctx${i}`, { sessionId: 'bench' }));
  while (states.length < n) {
    const i = states.length;
    const kind = i % 4;
    if (kind === 0 || kind === 1) {
      const st = pickRecent()
        .addEnv('STEP', String(i))
        .run({
          args: ['/bin/sh', '-c', `step ${i}`],
          mounts: [
            { target: '/in/a', source: pick(), readonly: true },
            { target: '/in/b', source: pick(), readonly: true, selector: '/out' },
            { target: '/cache', cache: { id: `c${i % 7}`, sharing: 'locked' } },
          ],
        })
        .root();
      states.push(st);
    } else if (kind === 2) {
      const st = pickRecent().file(
        llb
          .copy(pick(), '/out', `/dst/${i}/`, { createDestPath: true })
          .copy(pick(), '/bin', `/dst/${i}/bin`, { mode: 0o755 })
          .mkfile(`/dst/${i}/marker`, 0o644, `step ${i}`),
      );
      states.push(st);
    } else {
      states.push(llb.merge([pickRecent(), pick(), pick()]));
    }
  }
  // One sink that depends on many states, so nearly the whole graph is reachable.
  return llb.merge(Array.from({ length: 64 }, (_, k) => states[states.length - 1 - k]!));
}

function runOne(n: number): void {
  const t0 = performance.now();
  const st = buildGraph(n);
  const t1 = performance.now();
  const def = st.marshal({ platform: { os: 'linux', architecture: 'amd64' } });
  const t2 = performance.now();
  const bytes = def.encode();
  const t3 = performance.now();
  const ops = def.def.length;
  const result = {
    size: n,
    ops,
    buildMs: t1 - t0,
    marshalMs: t2 - t1,
    encodeMs: t3 - t2,
    opsPerSecond: ops / ((t2 - t1) / 1000),
    bytes: bytes.length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const args = process.argv.slice(2).filter((a) => a !== '--child');
if (process.argv.includes('--child')) {
  runOne(Number(args[0]));
} else {
  const sizes = args.length > 0 ? args.map(Number) : [10_000, 50_000, 100_000];
  const scriptPath = new URL(import.meta.url).pathname;
  process.stdout.write('size     ops in def   build ms   marshal ms   encode ms   total ms   marshal ops/s   peak RSS MB\n');
  for (const n of sizes) {
    // A child per size, so peak memory is that size's alone.
    const r = spawnSync(process.execPath, ['--import', './test/register.mjs', scriptPath, '--child', String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(1);
    }
    const x = JSON.parse(r.stdout) as { size: number; ops: number; buildMs: number; marshalMs: number; encodeMs: number; opsPerSecond: number; peakRssMB: number };
    process.stdout.write(
      `${String(x.size).padEnd(9)}${String(x.ops).padEnd(13)}${x.buildMs.toFixed(0).padEnd(11)}${x.marshalMs.toFixed(0).padEnd(13)}${x.encodeMs
        .toFixed(0)
        .padEnd(12)}${(x.buildMs + x.marshalMs + x.encodeMs).toFixed(0).padEnd(11)}${x.opsPerSecond.toFixed(0).padEnd(16)}${x.peakRssMB.toFixed(0)}\n`,
    );
  }
}
