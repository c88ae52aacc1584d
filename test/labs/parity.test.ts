// Live parity of the labs channel with upstream's labs build. Upstream's
// frontend is built twice as the Go oracle: with its default tags (stable)
// and with the tags of its labs release (`dfrundevice`, the labs oracle).
//
// - testdata/labs/upstream: Dockerfiles using upstream's labs syntax (RUN
//   --device). Each is converted, linted, outlined and listed as targets by
//   our labs channel and by the labs oracle, and by our stable channel and
//   the stable oracle (upstream's stable error for the same syntax). Printed
//   as `labs parity: N/M identical`.
// - testdata/labs/ours: Dockerfiles using this project's own labs features.
//   Upstream has no labs build that accepts them, so only the stable channel
//   is compared: it must reject each one exactly as upstream's stable
//   frontend does.
//   Printed as `labs stable rejections: N/M identical`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracle, type OracleChannel } from '../oracle/oracle.ts';
import { convertDockerfile, marshalImage } from '../../src/dockerfile/convert/index.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import type { LintResult } from '../../src/dockerfile/lint/index.ts';
import { lintDockerfile } from '../../src/dockerfile/convert/lint.ts';
import { computeOutline, listTargets } from '../../src/dockerfile/outline/index.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { outlineResult, targetsResult, type SubrequestResult } from '../../src/subrequests/index.ts';
import { frontendLikeOptions } from '../convert/frontend-like.ts';
import { compareBuilds } from '../convert/def-compare.ts';

const metadataFile = join('testdata', 'convert', 'image-metadata.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

type Outcome = { ok: string } | { error: string };

interface OracleConvert {
  def?: string;
  image?: unknown;
  error?: { message: string; ranges: { start: { line: number } }[] };
}

async function compareConvert(file: string, channel: OracleChannel): Promise<string[]> {
  const text = readFileSync(file);
  const up = JSON.parse(runOracle(['dockerfile2llb', '-f', file, '--image-metadata', metadataFile], undefined, channel).toString('utf8')) as OracleConvert;
  let ours: { def: Uint8Array; image: unknown } | undefined;
  let err: Error | undefined;
  try {
    const opts = frontendLikeOptions({ buildArgs: {}, opts: {}, channel }, MetadataFileResolver.fromFile(metadataFile));
    const res = await convertDockerfile(text, opts);
    ours = { def: res.state.marshal().encode(), image: JSON.parse(marshalImage(res.image)) };
  } catch (e) {
    err = e as Error;
  }
  if (up.error !== undefined) {
    if (err === undefined) return [`convert: upstream fails with "${up.error.message}", ours succeeds`];
    const upLine = up.error.ranges[0]?.start.line ?? 0;
    const ourLine = err instanceof DockerfileError ? err.line : 0;
    if (err.message !== up.error.message || upLine !== ourLine) {
      return [`convert error: ours "${err.message}" line ${ourLine}, upstream "${up.error.message}" line ${upLine}`];
    }
    return [];
  }
  if (ours === undefined) return [`convert: ours fails with "${err?.message}", upstream succeeds`];
  return compareBuilds([up.def ?? ''], [up.image], [ours.def], [ours.image]).map((d) => `convert: ${d}`);
}

/** result.json of a subrequest, or the error, as upstream's oracle answers it. */
function oracleSubrequest(request: string, file: string, channel: OracleChannel): Outcome {
  const args = ['subrequest', '--request', request, '-f', file, '--image-metadata', metadataFile];
  const out = JSON.parse(runOracle(args, undefined, channel).toString('utf8')) as { metadata?: Record<string, string>; error?: { message: string } };
  if (out.error !== undefined) return { error: out.error.message };
  return { ok: out.metadata?.['result.json'] ?? '' };
}

async function ourSubrequest(run: () => Promise<SubrequestResult> | SubrequestResult): Promise<Outcome> {
  try {
    const r = await run();
    return { ok: Buffer.from(r.metadata.get('result.json') ?? new Uint8Array()).toString('utf8') };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Upstream's `--call check` answer and ours, as rule@lines and the build error. */
async function compareLint(file: string, channel: OracleChannel): Promise<string[]> {
  const text = readFileSync(file);
  const up = JSON.parse(runOracle(['lint', '-f', file, '--image-metadata', metadataFile], undefined, channel).toString('utf8')) as LintResult;
  const ours = await lintDockerfile(text, { imageResolver: MetadataFileResolver.fromFile(metadataFile), sessionId: 'oracle-session', channel });
  const show = (r: LintResult): string =>
    JSON.stringify({
      warnings: (r.warnings ?? []).map((w) => [w.ruleName, w.detail, w.location?.ranges?.map((x) => x.start.line)]),
      error: r.buildError?.message,
    });
  return show(up) === show(ours) ? [] : [`lint:\n  ours     ${show(ours)}\n  upstream ${show(up)}`];
}

async function compareViews(file: string, channel: OracleChannel): Promise<string[]> {
  const data = readFileSync(file);
  const diffs: string[] = [];
  const outline = await ourSubrequest(async () =>
    outlineResult(await computeOutline(data, { imageResolver: MetadataFileResolver.fromFile(metadataFile), channel })),
  );
  const targets = await ourSubrequest(() => targetsResult(listTargets(data, channel)));
  for (const [name, ours] of [['frontend.outline', outline], ['frontend.targets', targets]] as const) {
    const up = oracleSubrequest(name, file, channel);
    if (JSON.stringify(up) !== JSON.stringify(ours)) diffs.push(`${name}:\n  ours     ${JSON.stringify(ours)}\n  upstream ${JSON.stringify(up)}`);
  }
  return diffs;
}

function corpus(sub: string): string[] {
  const dir = join('testdata', 'labs', sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.Dockerfile'))
    .sort()
    .map((f) => join(dir, f));
}

async function collect(name: string, parts: (() => Promise<string[]>)[]): Promise<string[]> {
  const diffs: string[] = [];
  for (const p of parts) {
    try {
      diffs.push(...(await p()));
    } catch (e) {
      diffs.push(`${name}: comparison failed: ${(e as Error).message}`);
    }
  }
  return diffs;
}

const labsResults = new Map<string, string[]>();
const stableResults = new Map<string, string[]>();

for (const file of corpus('upstream')) {
  for (const channel of ['labs', 'stable'] as const) {
    test(`labs parity (${channel}): ${file}`, { skip }, async () => {
      const diffs = await collect(file, [() => compareConvert(file, channel), () => compareLint(file, channel), () => compareViews(file, channel)]);
      (channel === 'labs' ? labsResults : stableResults).set(file, diffs);
      assert.deepEqual(diffs, [], diffs.join('\n'));
    });
  }
}

for (const file of corpus('ours')) {
  test(`labs stable rejection: ${file}`, { skip }, async () => {
    const diffs = await collect(file, [
      () => compareConvert(file, 'stable'),
      () => compareLint(file, 'stable'),
      () => compareViews(file, 'stable'),
    ]);
    stableResults.set(file, diffs);
    assert.deepEqual(diffs, [], diffs.join('\n'));
  });
}

test('labs parity: summary', { skip }, () => {
  const count = (m: Map<string, string[]>): number => [...m.values()].filter((d) => d.length === 0).length;
  console.log(`labs parity: ${count(labsResults)}/${labsResults.size} identical (RUN --device: convert, lint, outline, targets vs upstream's labs build)`);
  console.log(`labs stable rejections: ${count(stableResults)}/${stableResults.size} identical (the same files and our labs features through the stable channel vs upstream's stable build)`);
  assert.equal(labsResults.size, corpus('upstream').length);
  assert.ok(labsResults.size >= 8);
});
