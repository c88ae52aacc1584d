// Variables at scale (issue 11, findings 1 and 2): many global ARGs, many ARGs
// and ENVs in a stage, and a base image whose config has many Env entries.
// Each ARG or ENV used to copy the whole variable list and a base image's Env
// was added one copied entry at a time, so 10,000 global ARGs took ~23 s.
//
// 1. The output for such inputs is upstream's: converted by the oracle
//    (BuildKit v0.32.2's frontend) and by ours, with overrides, duplicates,
//    references between variables and build args mixed in.
// 2. The cost grows linearly: converting 8 times the input must cost far less
//    than the 64 times a quadratic path needs (CPU time, best of runs, with a
//    bound between the two: no absolute time is asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { convertDockerfile, marshalImage } from '../../src/dockerfile/convert/index.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { frontendLikeOptions } from './frontend-like.ts';
import { compareBuilds } from './def-compare.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const BASE = 'docker.io/library/bigenv:latest';

/** An image metadata file with one image whose config has `n` Env entries (some repeated). */
function metadata(n: number): string {
  const env: string[] = [];
  for (let i = 0; i < n; i++) env.push(i % 7 === 3 ? `E${i - 3}=again${i}` : `E${i}=v${i}`);
  env.push('PATH=/opt/bin:/usr/bin', 'NOVALUE', 'E1=last');
  const config = { architecture: 'amd64', os: 'linux', config: { Env: env, WorkingDir: '/w' }, rootfs: { type: 'layers', diff_ids: [] } };
  return JSON.stringify({ [BASE]: { digest: 'sha256:' + 'b'.repeat(64), config } });
}

/** Global ARGs, a stage on the big base with its own ARGs and ENVs, RUNs that see all of them. */
function dockerfile(globals: number, stageArgs: number, stageEnvs: number): string {
  const lines: string[] = [];
  for (let i = 0; i < globals; i++) {
    if (i % 5 === 4) lines.push(`ARG G${i - 2}=again${i}`); // an override moves the arg last
    else if (i % 5 === 3) lines.push(`ARG G${i}=\${G${i - 1}}-ref`);
    else lines.push(`ARG G${i}=g${i}`);
  }
  lines.push('ARG BASE=bigenv', 'FROM ${BASE} AS big');
  lines.push('ARG G1', 'ARG G2=stage-default', 'RUN echo first');
  for (let i = 0; i < stageArgs; i++) lines.push(i % 4 === 1 ? `ARG S${i - 1}=\${E${i}}` : `ARG S${i}=s${i}`);
  for (let i = 0; i < stageEnvs; i++) lines.push(i % 3 === 2 ? `ENV E${i}=\${S${i}}x` : `ENV V${i}=v${i} E${i * 2}=over${i}`);
  lines.push('RUN echo "$G1 $S0 $E1 $PATH"', 'ENV PATH=/x:$PATH', 'FROM big', 'RUN env');
  return lines.join('\n') + '\n';
}

test('many variables: our Definitions and image config are upstream\'s', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-scale-'));
  try {
    const meta = join(dir, 'image-metadata.json');
    writeFileSync(meta, metadata(3_000));
    const file = join(dir, 'Dockerfile');
    const text = dockerfile(2_000, 1_500, 1_500);
    writeFileSync(file, text);
    const buildArgs = { G10: 'from-build-arg', S20: 'build-arg-s', UNUSED: 'u' };
    const args = ['dockerfile2llb', '-f', file, '--image-metadata', meta];
    for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
    const up = JSON.parse(runOracle(args).toString('utf8')) as { def?: string; image?: unknown; error?: { message: string } };
    assert.equal(up.error, undefined, `upstream failed: ${up.error?.message}`);

    const opts = frontendLikeOptions({ buildArgs, opts: {} }, MetadataFileResolver.fromFile(meta));
    const res = await convertDockerfile(Buffer.from(text), opts);
    const ours = res.state.marshal().encode();
    const diffs = compareBuilds([up.def ?? ''], [up.image], [ours], [JSON.parse(marshalImage(res.image))]);
    assert.deepEqual(diffs, [], diffs.join('\n'));
    assert.ok(Buffer.from(up.def ?? '', 'base64').equals(Buffer.from(ours)), 'the Definitions are not byte-identical');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A FROM chain: each stage sets its image's Env into the state it takes over
// from the stage before (EnvList.setAll: unchanged when the state already
// ends with it, set entry by entry when an ENV replaced a key in place in the
// config but moved it last in the state, or an ARG sits in between).
test('a FROM chain of 300 stages with ENVs, overrides and ARGs: our Definitions and image config are upstream\'s', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-chain-'));
  try {
    const meta = join(dir, 'image-metadata.json');
    writeFileSync(meta, metadata(50));
    const lines = ['FROM bigenv AS s0'];
    for (let i = 1; i < 300; i++) {
      lines.push(`FROM s${i - 1} AS s${i}`);
      if (i % 10 === 3) lines.push(`ENV E${i % 40}=over${i}`);
      else if (i % 10 === 7) lines.push(`ARG A${i}=a`, `ENV V${i}=$A${i}`);
      else lines.push(`ENV V${i}=${i}`);
      if (i % 50 === 0) lines.push('RUN env');
    }
    const file = join(dir, 'Dockerfile');
    const text = lines.join('\n') + '\n';
    writeFileSync(file, text);
    const up = JSON.parse(runOracle(['dockerfile2llb', '-f', file, '--image-metadata', meta]).toString('utf8')) as { def?: string; image?: unknown; error?: { message: string } };
    assert.equal(up.error, undefined, `upstream failed: ${up.error?.message}`);
    const res = await convertDockerfile(Buffer.from(text), frontendLikeOptions({ buildArgs: {}, opts: {} }, MetadataFileResolver.fromFile(meta)));
    const ours = res.state.marshal().encode();
    const diffs = compareBuilds([up.def ?? ''], [up.image], [ours], [JSON.parse(marshalImage(res.image))]);
    assert.deepEqual(diffs, [], diffs.join('\n'));
    assert.ok(Buffer.from(up.def ?? '', 'base64').equals(Buffer.from(ours)), 'the Definitions are not byte-identical');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** CPU microseconds of the fastest of `runs` conversions. */
async function cpuOf(text: string, meta: string | undefined, runs = 2): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const opts = frontendLikeOptions({ buildArgs: {}, opts: {} }, meta ? MetadataFileResolver.fromFile(meta) : MetadataFileResolver.fromFile(emptyMeta()));
    const start = process.cpuUsage();
    const res = await convertDockerfile(Buffer.from(text), opts);
    res.state.marshal().encode();
    const d = process.cpuUsage(start);
    best = Math.min(best, d.user + d.system);
  }
  return best;
}

let emptyMetaPath: string | undefined;
function emptyMeta(): string {
  if (emptyMetaPath === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'env-scale-empty-'));
    emptyMetaPath = join(dir, 'image-metadata.json');
    writeFileSync(emptyMetaPath, '{}');
  }
  return emptyMetaPath;
}

interface Shape {
  name: string;
  make(n: number): { text: string; meta?: string };
}

const scaleDir = mkdtempSync(join(tmpdir(), 'env-scale-meta-'));
process.on('exit', () => {
  rmSync(scaleDir, { recursive: true, force: true });
  if (emptyMetaPath) rmSync(join(emptyMetaPath, '..'), { recursive: true, force: true });
});

const shapes: Shape[] = [
  { name: 'global ARGs', make: (n) => ({ text: Array.from({ length: n }, (_, i) => `ARG A${i}=x\n`).join('') + 'FROM scratch\nRUN true\n' }) },
  { name: 'ARGs in a stage', make: (n) => ({ text: 'FROM scratch\n' + Array.from({ length: n }, (_, i) => `ARG A${i}=x\n`).join('') + 'RUN true\n' }) },
  { name: 'ENVs in a stage', make: (n) => ({ text: 'FROM scratch\n' + Array.from({ length: n }, (_, i) => `ENV E${i}=x\n`).join('') + 'RUN true\n' }) },
  {
    name: 'Env entries of the base image',
    make: (n) => {
      const meta = join(scaleDir, `meta-${n}.json`);
      const env = Array.from({ length: n }, (_, i) => `E${i}=x`);
      const config = { architecture: 'amd64', os: 'linux', config: { Env: env }, rootfs: { type: 'layers', diff_ids: [] } };
      writeFileSync(meta, JSON.stringify({ [BASE]: { digest: 'sha256:' + 'c'.repeat(64), config } }));
      return { text: 'FROM bigenv\nENV E1=y\nRUN true\n', meta };
    },
  },
];

for (const shape of shapes) {
  test(`${shape.name}: 8 times as many cost far less than 64 times as much`, async () => {
    const n = 2_500;
    const small = shape.make(n);
    const large = shape.make(8 * n);
    await cpuOf(small.text, small.meta, 1); // warm-up
    const a = await cpuOf(small.text, small.meta);
    const b = await cpuOf(large.text, large.meta);
    const ratio = b / Math.max(a, 1);
    assert.ok(ratio < 24, `${8 * n} cost ${ratio.toFixed(1)} times ${n} (linear: about 8, quadratic: 64)`);
  });
}
