// Compares every file of a directory with upstream (the differential harness),
// giving each base image a Dockerfile names a plain linux/amd64 config (added
// when our conversion reports it missing, then compared again), and each ARG
// without a default that a FROM uses a value, so that files written for real
// registries convert past their FROM lines.
//   [SWEEP_PLATFORMS=linux/amd64,linux/arm64] node --import ./test/register.mjs test/convert/fuzz/sweep-dir.ts DIR [OUT]
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differential, metadataFile, releaseInputs, type DiffResult } from './differential.ts';
import type { FuzzInput } from './generate.ts';
import { hasInvalidUTF8 } from '../../../src/dockerfile/parser/bytes.ts';
import { runOracle, runOracleBatchAsync } from '../../oracle/oracle.ts';
import { MetadataFileResolver } from '../../../src/registry/metadata-file.ts';
import { canon, normalized, oursOutcome, upstreamOutcome, type Outcome } from '../../subrequests/outcome.ts';

const dir = process.argv[2]!;
const out = process.argv[3] ?? '/tmp/sweep-dir.txt';
/** SWEEP_PLATFORMS: target platforms, comma-separated (none: the default). */
const platforms = (process.env.SWEEP_PLATFORMS ?? '').split(',').filter((p) => p !== '');
const CONFIG = JSON.stringify({
  architecture: 'amd64',
  os: 'linux',
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'], WorkingDir: '/' },
  rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64)] },
  history: [{ created: '2024-01-01T00:00:00Z', created_by: 'ADD rootfs /' }],
});

/** Build args for ARGs declared before the first FROM without a value: a plausible image name part. */
function metaArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (/^\s*FROM\s/i.test(line)) break;
    const m = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/i.exec(line);
    if (m) args[m[1]!] = /VERSION|TAG/i.test(m[1]!) ? '1' : 'base';
  }
  return args;
}

let subSame = 0;
const scratch = mkdtempSync(join(tmpdir(), 'sweep-'));

/** SWEEP_SUBREQUESTS=1: outline, targets and convertllb asked of both, with the same images and build args. */
async function subrequests(name: string, data: Buffer, buildArgs: Record<string, string>, images: Record<string, string>): Promise<string[]> {
  const shared = readFileSync(metadataFile, 'utf8').trimEnd();
  const extra = Object.entries(images).map(([k, config]) => `${JSON.stringify(k)}: {"digest": "sha256:${'e'.repeat(64)}", "config": ${config}}`);
  const meta = join(scratch, 'meta.json');
  writeFileSync(meta, extra.length > 0 ? `${shared.slice(0, -1)}, ${extra.join(', ')}}` : shared);
  const file = join(scratch, 'Dockerfile');
  writeFileSync(file, data);
  const opts = Object.entries(buildArgs).map(([k, v]) => [`build-arg:${k}`, v] as [string, string]);
  const args = (request: string): string[] => ['--request', request, '-f', file, '--image-metadata', meta, ...opts.flatMap(([k, v]) => ['--opt', `${k}=${v}`])];
  const requests = ['frontend.outline', 'frontend.targets', 'frontend.convertllb'];
  const answers = await runOracleBatchAsync(requests.map((request) => ({ cmd: 'subrequest', args: args(request) })));
  const resolver = MetadataFileResolver.fromFile(meta);
  const out: string[] = [];
  for (let j = 0; j < requests.length; j++) {
    const up = upstreamOutcome(answers[j]!);
    if (up === undefined) {
      out.push(`${requests[j]}: oracle failed: ${answers[j]}`);
      continue;
    }
    let want = normalized(up);
    const got = normalized(await oursOutcome(requests[j]!, data, new Map(opts), resolver));
    // Upstream's answer can vary between runs (map order): asked again, each time in a process of its own.
    for (let k = 0; k < 8 && canon(want) !== canon(got); k++) {
      const again = upstreamOutcome(runOracle(['subrequest', ...args(requests[j]!)]).toString());
      if (again !== undefined) want = normalized(again);
    }
    if (canon(want) !== canon(got)) out.push(`${requests[j]} ${name}\n${firstDifference(want, got)}`);
  }
  return out;
}

/** The first line where the two answers' texts differ, with the lines around it. */
function firstDifference(want: Outcome, got: Outcome): string {
  const text = (o: Outcome): string[] => ('error' in o ? JSON.stringify(o) : Object.entries(o.metadata).map(([k, v]) => `${k}: ${v}`).join('\n')).split('\n');
  const a = text(want);
  const b = text(got);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (l: string[]): string => l.slice(Math.max(0, i - 6), i + 4).map((x) => '    ' + x.slice(0, 300)).join('\n');
  return `  upstream (line ${i + 1} of ${a.length}):\n${around(a)}\n  ours (of ${b.length}):\n${around(b)}`;
}

const files = readdirSync(dir).sort();
const lines: string[] = [];
let same = 0;
let differing = 0;
let both = 0;
for (const f of files) {
  const data = readFileSync(join(dir, f));
  const bytes = hasInvalidUTF8(data.toString('latin1')) ? data : undefined;
  const text = bytes === undefined ? data.toString('utf8') : data.toString('latin1');
  const buildArgs = metaArgs(text);
  const images: Record<string, string> = {};
  let r: DiffResult | undefined;
  for (let round = 0; round < 12; round++) {
    const input: FuzzInput = { name: f, text, bytes, buildArgs, platforms, opts: {}, images: Object.keys(images).length > 0 ? { ...images } : undefined };
    [r] = await differential([input]);
    releaseInputs([input]);
    const m = /image metadata for (\S+) \(/.exec(r!.ours.error?.message ?? '');
    if (m === null || images[m[1]!] !== undefined) break;
    images[m[1]!] = CONFIG;
  }
  const res = r!;
  if (process.env.SWEEP_SUBREQUESTS === '1') {
    const d = await subrequests(f, data, buildArgs, images);
    if (d.length > 0) lines.push(`SUBREQUEST DIFF ${f}\n  ${d.join('\n  ').slice(0, 3000)}`);
    else subSame++;
  }
  if (res.diffs.length === 0) {
    same++;
    if (res.ours.error !== undefined) both++;
    lines.push(`same ${f}${res.ours.error ? ` (both fail: ${res.ours.error.message.slice(0, 120)})` : ''}`);
  } else {
    differing++;
    lines.push(`DIFF ${f}\n  ${res.diffs.join('\n  ').slice(0, 2000)}`);
  }
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`sweep: ${same}/${files.length} identical (${both} failing in both), ${differing} differing${process.env.SWEEP_SUBREQUESTS === '1' ? `; subrequests (outline, targets, convertllb) identical for ${subSame}/${files.length} files` : ''}; ${out}`);
