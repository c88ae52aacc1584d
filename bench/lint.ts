// Lint benchmark (a script, not a test): runs the build checks (then with
// the lint pack on, then the formatter) over a
// generated Dockerfile of 5,000 instructions (many stages, every rule given
// something to look at) repeatedly after a warm-up and prints the median
// time and peak memory. When Go is available, upstream's frontend (the
// oracle's `lint`, i.e. `--call check`) lints the same file in the same run;
// its time includes process start-up, so the ratio is an upper bound.
//
//   npm run bench:lint

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempDir } from '../test/tmp.ts';
import { lintDockerfile } from '../src/dockerfile/convert/index.ts';
import { toByteString } from '../src/dockerfile/parser/bytes.ts';
import { format } from '../src/format/index.ts';
import { formatWithLineMap } from '../src/format/format.ts';
import { lintWithPack, PACK_NAME, PACK_RULES } from '../src/lint-pack/index.ts';
import type { ImageResolver } from '../src/registry/resolver.ts';
import { goAvailable, runOracle } from '../test/oracle/oracle.ts';

const INSTRUCTIONS = 5000;
const WARMUP = 10;
const RUNS = 30;

function generate(count: number): string {
  const lines: string[] = ['# check=experimental=all', 'ARG BASE_TAG=3.19', 'ARG api_token'];
  const body: ((i: number) => string)[] = [
    (i) => `ENV APP_${i}=value${i} PATH=/opt/bin:$PATH`,
    (i) => `ARG VERSION_${i}=1.${i}`,
    (i) => `RUN echo building ${i} \\\n    && make target${i}`,
    (i) => `COPY src/${i} /app/${i}/`,
    () => 'WORKDIR app',
    (i) => `LABEL index ${i}`,
    (i) => `EXPOSE ${8000 + (i % 1000)}/TCP`,
    () => 'CMD echo hello',
    (i) => `ENV DERIVED_${i}=$VERSION_${i}$UNDEFINED_${i % 7}`,
    () => 'USER app',
  ];
  let n = 2;
  let stage = 0;
  while (n < count) {
    if (n % 50 === 2 || stage === 0) {
      lines.push(`# stage ${stage}`, `FROM alpine:\${BASE_TAG} AS Stage${stage}`);
      stage++;
    } else {
      lines.push(body[n % body.length](n));
    }
    n++;
  }
  return lines.join('\n') + '\n';
}

const resolver: ImageResolver = {
  resolve(ref, opts) {
    const cfg = { architecture: opts.platform.architecture, os: opts.platform.os, config: {}, rootfs: { type: 'layers', diff_ids: ['sha256:' + '0'.repeat(64)] } };
    return Promise.resolve({ ref, digest: '', config: new TextEncoder().encode(JSON.stringify(cfg)) });
  },
};

const text = generate(INSTRUCTIONS);
const data = new TextEncoder().encode(text);
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};

let warnings = 0;
for (let i = 0; i < WARMUP; i++) warnings = (await lintDockerfile(data, { imageResolver: resolver })).warnings.length;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await lintDockerfile(data, { imageResolver: resolver });
  times.push(performance.now() - t0);
  sample();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`lint: ${INSTRUCTIONS} instructions, ${warnings} warnings`);
console.log(`lint: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)} ms) over ${RUNS} runs after ${WARMUP} warm-up runs`);
console.log(`lint: peak RSS ${(peak / 1024 / 1024).toFixed(1)} MiB`);
console.log(`lint: target < 100 ms: ${median < 100 ? 'met' : 'NOT met'}`);

// Growth: the same generator (which gives every rule something to look at) at
// 1x, 2x and 4x the size; time per instruction stays flat when no rule is
// slower than linear in the file size.
for (const count of [INSTRUCTIONS / 2, INSTRUCTIONS, INSTRUCTIONS * 2, INSTRUCTIONS * 4]) {
  const bytes = new TextEncoder().encode(generate(count));
  for (let i = 0; i < 3; i++) await lintDockerfile(bytes, { imageResolver: resolver });
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    await lintDockerfile(bytes, { imageResolver: resolver });
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const m = runs[Math.floor(runs.length / 2)];
  console.log(`lint growth: ${String(count).padStart(6)} instructions: median ${m.toFixed(1)} ms, ${((m * 1000) / count).toFixed(2)} µs/instruction`);
}

// The lint pack (best-practices) and the formatter. The same generator,
// with package installs, pipes, cd, global ARGs in RUN and consecutive RUNs
// in place of some RUN lines, so every pack rule has something to look at;
// the formatter gets the file with untidy keywords, blanks and JSON.
const PACK_RUNS = [
  (i: number) => `RUN apt-get update && apt-get install -y curl git=1:2.39.${i} \\\n    && rm -rf /var/lib/apt/lists/*`,
  (i: number) => `RUN apk add bash make=4.4-r${i} | tee /tmp/log${i}`,
  (i: number) => `RUN pip install flask requests==2.${i} \\\n    && cd /app && echo $BASE_TAG`,
  (i: number) => `RUN npm install -g typescript left-pad@1.${i}\nRUN gem install rake`,
];

function generatePack(count: number): string {
  let k = 0;
  return generate(count).replace(/RUN echo building (\d+) \\\n {4}&& make target\d+/g, (_, i: string) => PACK_RUNS[k++ % PACK_RUNS.length](Number(i)));
}

function untidy(text: string): string {
  return text
    .split('\n')
    .map((l, i) => (i % 3 === 0 ? l.replace(/^([A-Z]+) /, (_, kw: string) => kw.toLowerCase() + '   ') : l) + (i % 5 === 0 ? '  ' : ''))
    .join('\n')
    .replace(/CMD echo hello/g, 'CMD [ "echo" ,"hello" ]');
}

/** Wall-clock median and minimum, and the median CPU time of the process (less sensitive to a busy machine). */
async function medianOf(runs: number, warmup: number, fn: () => unknown): Promise<{ median: number; min: number; cpu: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  t.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], min: t[0], cpu: cpu[Math.floor(cpu.length / 2)] };
}

const packBytes = new TextEncoder().encode(generatePack(INSTRUCTIONS));
const packResult = await lintWithPack(packBytes, { imageResolver: resolver, packs: [PACK_NAME] });
const packOnly = packResult.result.warnings.filter((w) => packResult.packRules.includes(w.ruleName));
const packFired = new Set(packOnly.map((w) => w.ruleName));
console.log(`lint --pack ${PACK_NAME}: ${INSTRUCTIONS} instructions, ${packResult.result.warnings.length} warnings (${packOnly.length} from the pack, ${packFired.size} of its ${PACK_RULES.length} rules)`);
const packTime = await medianOf(RUNS, WARMUP, () => lintWithPack(packBytes, { imageResolver: resolver, packs: [PACK_NAME] }));
console.log(`lint --pack: median ${packTime.median.toFixed(1)} ms (min ${packTime.min.toFixed(1)} ms; CPU ${packTime.cpu.toFixed(1)} ms) over ${RUNS} runs after ${WARMUP} warm-up runs; target < 100 ms: ${packTime.median < 100 ? 'met' : 'NOT met'}`);
for (const count of [INSTRUCTIONS / 2, INSTRUCTIONS, INSTRUCTIONS * 2, INSTRUCTIONS * 4]) {
  const bytes = new TextEncoder().encode(generatePack(count));
  const { median: m, cpu } = await medianOf(9, 3, () => lintWithPack(bytes, { imageResolver: resolver, packs: [PACK_NAME] }));
  console.log(`lint --pack growth: ${String(count).padStart(6)} instructions: median ${m.toFixed(1)} ms, ${((m * 1000) / count).toFixed(2)} µs/instruction (CPU ${((cpu * 1000) / count).toFixed(2)} µs/instruction)`);
}

const fmtBytes = new TextEncoder().encode(untidy(generatePack(INSTRUCTIONS)));
const formatted = formatWithLineMap(toByteString(fmtBytes));
console.log(`fmt: ${INSTRUCTIONS} instructions, ${fmtBytes.length} bytes, ${formatted.text === toByteString(fmtBytes) ? 'unchanged' : 'changed'}, ${formatted.keptAsWritten} kept as written`);
const fmtTime = await medianOf(RUNS, WARMUP, () => format(fmtBytes));
console.log(`fmt: median ${fmtTime.median.toFixed(1)} ms (min ${fmtTime.min.toFixed(1)} ms; CPU ${fmtTime.cpu.toFixed(1)} ms) over ${RUNS} runs after ${WARMUP} warm-up runs; target < 100 ms: ${fmtTime.median < 100 ? 'met' : 'NOT met'}`);
for (const count of [INSTRUCTIONS / 2, INSTRUCTIONS, INSTRUCTIONS * 2, INSTRUCTIONS * 4]) {
  const bytes = new TextEncoder().encode(untidy(generatePack(count)));
  const { median: m, cpu } = await medianOf(9, 3, () => format(bytes));
  console.log(`fmt growth: ${String(count).padStart(6)} instructions: median ${m.toFixed(1)} ms, ${((m * 1000) / count).toFixed(2)} µs/instruction (CPU ${((cpu * 1000) / count).toFixed(2)} µs/instruction)`);
}

if (goAvailable()) {
  // Upstream needs image configs for every base image; give it the one we use.
  const dir = tempDir('bench-lint-');
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, text);
  const meta = join(dir, 'meta.json');
  const cfg = { architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: ['sha256:' + '0'.repeat(64)] } };
  writeFileSync(meta, JSON.stringify({ 'docker.io/library/alpine:3.19': { digest: '', config: cfg } }));
  const upWarnings = (JSON.parse(runOracle(['lint', '-f', file, '--image-metadata', meta]).toString('utf8')) as { warnings: unknown[] | null }).warnings;
  console.log(`upstream: ${upWarnings?.length ?? 0} warnings on the same file`);
  const up: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    runOracle(['lint', '-f', file, '--image-metadata', meta]);
    up.push(performance.now() - t0);
  }
  up.sort((a, b) => a - b);
  const um = up[Math.floor(up.length / 2)];
  console.log(`upstream (Go oracle, incl. process start): median ${um.toFixed(1)} ms; ours/upstream ${(median / um).toFixed(2)}`);
} else {
  console.log('upstream: Go not available, no comparison');
}
