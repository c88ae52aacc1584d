// Parser benchmark (a script, not a test): parses a generated Dockerfile of
// 5,000 instructions (every instruction kind, continuations, comments,
// heredocs, flags, JSON forms) repeatedly after a warm-up and prints the
// median time, instructions per second and peak memory. With ORACLE set to
// the upstream oracle program (test/parser/oracle), BuildKit's Go parser
// parses the same file in the same run and the ratio is printed.
//
//   npm run bench:parse

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempDir } from '../test/tmp.ts';
import { parse } from '../src/dockerfile/parser/index.ts';

const INSTRUCTIONS = 5000;
const WARMUP = 30;
const RUNS = 60;

/** Deterministic Dockerfile text with exactly `count` instructions. */
function generate(count: number): string {
  const blocks: ((i: number) => string)[] = [
    (i) => `# stage ${i}\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build${i}`,
    (i) => `ARG VERSION_${i}=1.${i} OTHER="x y"`,
    (i) => `ENV PATH=/usr/local/bin:$PATH HOME=/root NAME_${i}="value ${i}"`,
    (i) => `LABEL org.example.index="${i}" maintainer=me`,
    (i) => `RUN --mount=type=cache,target=/root/.cache \\\n    go build -o /out/app${i} ./cmd/app \\\n    && strip /out/app${i}`,
    (i) => `RUN <<EOF\nset -e\necho building ${i}\nmake -j4 target${i}\nEOF`,
    (i) => `COPY --from=build${i} --chown=app:app --chmod=755 /out/app${i} /usr/local/bin/`,
    (i) => `COPY <<-"CONF" /etc/app${i}.conf\n\tkey=${i}\n\tother=value\n\tCONF`,
    (i) => `ADD https://example.com/archive${i}.tar.gz /tmp/`,
    () => 'WORKDIR /src/app',
    () => 'USER app:app',
    (i) => `EXPOSE ${8000 + (i % 1000)}/tcp 443`,
    () => 'VOLUME ["/data", "/cache"]',
    (i) => `CMD ["/usr/local/bin/app${i}", "--serve"]`,
    () => 'ENTRYPOINT /docker-entrypoint.sh',
    () => 'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1',
    () => 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    () => 'STOPSIGNAL SIGTERM',
    (i) => `ONBUILD RUN echo trigger ${i}`,
    (i) => `RUN apt-get update \\\n\n    && apt-get install -y pkg${i} \\\n    # a comment inside\n    && rm -rf /var/lib/apt/lists/*`,
  ];
  const parts: string[] = ['# syntax=docker/dockerfile:1', '# escape=\\', ''];
  for (let i = 0; i < count; i++) parts.push(blocks[i % blocks.length](i));
  return parts.join('\n') + '\n';
}

const baselineRss = process.resourceUsage().maxRSS;
const text = generate(INSTRUCTIONS);
const buf = Buffer.from(text, 'utf8');
const check = parse(buf);
if (check.children.length !== INSTRUCTIONS) throw new Error(`generated ${check.children.length} instructions`);

for (let i = 0; i < WARMUP; i++) parse(buf);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  parse(buf);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)];
const mem = process.memoryUsage();

console.log(`input: ${INSTRUCTIONS} instructions, ${text.split('\n').length - 1} lines, ${(buf.length / 1024).toFixed(0)} KiB`);
console.log(`parse (median of ${RUNS} after ${WARMUP} warm-up runs): ${median.toFixed(2)} ms; min ${times[0].toFixed(2)} ms, max ${times[RUNS - 1].toFixed(2)} ms`);
console.log(`throughput: ${Math.round(INSTRUCTIONS / (median / 1000)).toLocaleString('en-US')} instructions/s`);
console.log(
  `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB (${(baselineRss / 1024).toFixed(1)} MiB before parsing); heap used now: ${(mem.heapUsed / 1048576).toFixed(1)} MiB`,
);

const oracle = process.env.ORACLE;
if (oracle) {
  const file = join(tempDir('bench-parse-'), 'Dockerfile');
  writeFileSync(file, buf);
  const r = spawnSync(oracle, ['-bench', file, String(RUNS)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  const upstream = Number(r.stdout.trim());
  console.log(`upstream BuildKit v0.32.2 (Go) on the same file: ${upstream.toFixed(2)} ms; ratio ours/upstream: ${(median / upstream).toFixed(2)}`);
} else {
  console.log('upstream comparison: set ORACLE to the program built from test/parser/oracle (see its README)');
}
