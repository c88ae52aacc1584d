// Compares every file of a directory with upstream (the differential harness),
// giving each base image a Dockerfile names a plain linux/amd64 config (added
// when our conversion reports it missing, then compared again), and each ARG
// without a default that a FROM uses a value, so that files written for real
// registries convert past their FROM lines.
//   [SWEEP_PLATFORMS=linux/amd64,linux/arm64] node --import ./test/register.mjs test/convert/fuzz/sweep-dir.ts DIR [OUT]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { differential, releaseInputs, type DiffResult } from './differential.ts';
import type { FuzzInput } from './generate.ts';
import { hasInvalidUTF8 } from '../../../src/dockerfile/parser/bytes.ts';

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

const files = readdirSync(dir).sort();
const lines: string[] = [];
let same = 0;
let differing = 0;
let both = 0;
for (const f of files) {
  const data = readFileSync(join(dir, f));
  const bytes = hasInvalidUTF8(data.toString('latin1')) ? data : undefined;
  const text = bytes === undefined ? data.toString('utf8') : data.toString('latin1');
  const images: Record<string, string> = {};
  let r: DiffResult | undefined;
  for (let round = 0; round < 12; round++) {
    const input: FuzzInput = { name: f, text, bytes, buildArgs: metaArgs(text), platforms, opts: {}, images: Object.keys(images).length > 0 ? { ...images } : undefined };
    [r] = await differential([input]);
    releaseInputs([input]);
    const m = /image metadata for (\S+) \(/.exec(r!.ours.error?.message ?? '');
    if (m === null || images[m[1]!] !== undefined) break;
    images[m[1]!] = CONFIG;
  }
  const res = r!;
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
console.log(`sweep: ${same}/${files.length} identical (${both} failing in both), ${differing} differing; ${out}`);
