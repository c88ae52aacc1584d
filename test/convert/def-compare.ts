// How the convert parity test and the differential fuzzer compare our
// Definitions and image configs with upstream's: the ops (as dump lines with
// digests replaced by positions, so an encoding difference shows where it
// is), the op digests, the terminal digest, the progress names and the image
// config with its keys sorted.
import { createHash } from 'node:crypto';
import { decodeMessage, dumpDefinition } from '../../src/llb/index.ts';
import { Definition as DefinitionDesc } from '../../src/gen/pb.ts';

/** What we compare of one Definition. */
interface DefSummary {
  /** Digests of every op but the terminal one, sorted. */
  digests: string[];
  terminal: string;
  /** Progress names (llb.customname), sorted. */
  names: string[];
  /** The ops as JSON lines with digests replaced by positions: equal when only the encoding differs. */
  shape: string[];
}

function summarize(bytes: Uint8Array): DefSummary {
  const def = decodeMessage(DefinitionDesc as never, bytes) as { def?: Uint8Array[]; metadata?: Record<string, { description?: Record<string, string> }> };
  const ops = def.def ?? [];
  const digests = ops.map((b) => 'sha256:' + createHash('sha256').update(b).digest('hex'));
  const names: string[] = [];
  for (const d of digests) {
    const n = def.metadata?.[d]?.description?.['llb.customname'];
    if (n !== undefined) names.push(n);
  }
  let shape = dumpDefinition(bytes).split('\n').filter((l) => l !== '');
  shape = shape.map((l) => digests.reduce((s, d, i) => s.split(d).join(`#${i}`), l));
  // Progress group ids are random upstream too.
  shape = shape.map((l) => l.replace(/"progress_group":\{"id":"[^"]*"/g, '"progress_group":{"id":"*"'));
  return { digests: digests.slice(0, -1).sort(), terminal: digests[digests.length - 1] ?? '', names: names.sort(), shape };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

/**
 * The image configs' bytes, one per platform: upstream writes map keys in
 * byte order and int64 numbers whole, which a decoded object does not show.
 */
export function compareImageTexts(up: readonly (string | undefined)[], ours: readonly string[]): string[] {
  const diffs: string[] = [];
  up.forEach((t, i) => {
    if (t !== undefined && ours[i] !== undefined && ours[i] !== t) diffs.push(`image config bytes (platform #${i}):\n  ours     ${ours[i]}\n  upstream ${t}`);
  });
  return diffs;
}

/**
 * The differences between upstream's results (base64 Definitions and image
 * configs, one per platform) and ours; empty when they are the same.
 */
export function compareBuilds(upDefs: readonly string[], upImages: readonly unknown[], ourDefs: readonly Uint8Array[], ourImages: readonly unknown[]): string[] {
  if (upDefs.length !== ourDefs.length) return [`platform count: ours ${ourDefs.length}, upstream ${upDefs.length}`];
  const diffs: string[] = [];
  upDefs.forEach((d, i) => {
    const tag = upDefs.length > 1 ? `[${i}] ` : '';
    const upBytes = Buffer.from(d, 'base64');
    // The same bytes have the same ops, digests and names: only the image config is left to compare.
    if (!upBytes.equals(ourDefs[i]!)) compareDefs(summarize(upBytes), summarize(ourDefs[i]!), tag, diffs);
    const oi = JSON.stringify(sortKeys(ourImages[i]));
    const ui = JSON.stringify(sortKeys(upImages[i]));
    if (oi !== ui) diffs.push(`${tag}image config:\n  ours     ${oi}\n  upstream ${ui}`);
  });
  return diffs;
}

function compareDefs(u: DefSummary, o: DefSummary, tag: string, diffs: string[]): void {
  if (JSON.stringify(o.shape) !== JSON.stringify(u.shape)) {
    const first = u.shape.findIndex((l, j) => l !== o.shape[j]);
    diffs.push(`${tag}ops differ at #${first}:\n  ours     ${o.shape[first]}\n  upstream ${u.shape[first]}`);
  }
  if (JSON.stringify(o.digests) !== JSON.stringify(u.digests)) diffs.push(`${tag}op digests differ`);
  if (o.terminal !== u.terminal) diffs.push(`${tag}terminal digest differs`);
  if (JSON.stringify(o.names) !== JSON.stringify(u.names)) diffs.push(`${tag}progress names: ours ${JSON.stringify(o.names)}, upstream ${JSON.stringify(u.names)}`);
}
