// The time of a source for SOURCE_DATE_EPOCH=context|<named context>|<stage>
// (upstream's dockerfile2llb resolveSourceDateEpochFromState): the gateway's
// source metadata gives a git commit object (its committer time) or an HTTP
// Last-Modified; an HTTP source without one is downloaded and, when it is an
// archive (plain, gzip, bzip2 or zstd), its newest regular file's mtime is used
// (src/frontend/archive-time.ts).

import type { Definition as PbDefinition } from '../gen/pb.ts';
import type { LLBBridge } from './bridge.ts';
import * as llb from '../llb/index.ts';
import { resolveConstraints } from '../llb/constraints.ts';
import { SourceOp } from '../llb/ops/source.ts';
import type { SourceRef, SourceTime } from '../dockerfile/convert/types.ts';
import { goTrimSpace, isGoSpace } from '../go/strings.ts';
import { int64Decimal } from '../go/strconv.ts';

export interface SourceTimeEnv {
  bridge: LLBBridge;
  /** The daemon has source.metaresolver (else upstream's client answers with no metadata). */
  metaResolver: boolean;
  caps: llb.CapSet;
  /** Solves a definition and reads one file of the result. */
  readFile(def: PbDefinition, filename: string): Promise<Uint8Array>;
}

export async function resolveSourceTime(env: SourceTimeEnv, source: SourceRef, logName: string): Promise<SourceTime | undefined> {
  if (!env.metaResolver) return undefined;
  const isGit = source.identifier.startsWith('git://');
  const isHTTP = source.identifier.startsWith('http://') || source.identifier.startsWith('https://');
  const md = await env.bridge.resolveSourceMeta({
    Source: { identifier: source.identifier, attrs: { ...source.attrs } },
    LogName: logName,
    Git: isGit ? { ReturnObject: true } : undefined,
  });
  const commit = md.Git?.CommitObject;
  if (commit !== undefined && commit.length > 0) return committerTime(commit);
  const lm = md.HTTP?.LastModified;
  if (lm !== undefined) {
    // timestamppb's AsTime is time.Unix(seconds, nanos), which carries nanos outside [0, 1e9) into the seconds.
    const nanos = lm.nanos ?? 0;
    const carry = Math.floor(nanos / 1e9);
    return { seconds: BigInt(lm.seconds ?? 0) + BigInt(carry), nanos: nanos - carry * 1e9, offsetSeconds: 0 };
  }
  const filename = source.attrs['http.filename'] ?? '';
  if (!isHTTP || filename === '') return undefined;
  // The source alone, without the converter's name or platform (upstream's llb.NewSource with empty constraints).
  const st = llb.State.fromOutput(new SourceOp(source.identifier, { ...source.attrs }, resolveConstraints({})).output);
  const data = await env.readFile(st.marshal({ caps: env.caps }).toPb(), filename);
  return (await import('./archive-time.ts')).archiveMaxTime(data);
}

/**
 * The committer time of a raw git commit object, in the committer's offset,
 * as upstream reads it (gitutil/gitobject's Parse, ToCommit and parseActor):
 * Go's error for an object that is no commit or lacks a header, and no time
 * (undefined) for a committer line whose time does not parse.
 */
export function committerTime(obj: Uint8Array): SourceTime | undefined {
  const raw = Buffer.from(obj.buffer, obj.byteOffset, obj.byteLength);
  const isTag = raw.subarray(0, 7).toString('latin1') === 'object ';
  const type = isTag ? 'tag' : 'commit';
  const headers = new Map<string, string[]>();
  let inSig = false;
  for (const l of raw.toString('utf8').split('\n')) {
    // The headers end at the first empty line; a commit's signature and its continuation lines are no headers.
    if (l === '') break;
    if (!isTag && (l.startsWith('gpgsig ') || l.startsWith('gpgsig-sha256 '))) {
      inSig = true;
      continue;
    }
    if (inSig) {
      if (l.startsWith(' ')) continue;
      inSig = false;
    }
    const sp = l.indexOf(' ');
    if (sp < 0) continue;
    const k = l.slice(0, sp);
    const list = headers.get(k) ?? [];
    list.push(l.slice(sp + 1));
    headers.set(k, list);
  }
  for (const h of isTag ? ['object', 'type', 'tag', 'tagger'] : ['tree', 'author', 'committer']) {
    if (!headers.has(h)) throw new Error(`invalid ${type} object: missing ${h} header`);
  }
  if (isTag) throw new Error('not a commit object');
  return actorTime(headers.get('committer')![0]!);
}

/** parseActor's time: after the last `<...>`, a decimal time and a five-byte signed offset (bad digits count as 0). */
function actorTime(line: string): SourceTime | undefined {
  const s = goTrimSpace(line);
  const start = s.lastIndexOf('<');
  const end = s.lastIndexOf('>');
  if (start < 0 || end < 0 || end < start) return undefined;
  const parts = goFields(s.slice(end + 1));
  if (parts.length < 2) return undefined;
  const unix = int64Decimal(parts[0]!);
  if (typeof unix !== 'bigint') return undefined;
  const tz = Buffer.from(parts[1]!, 'utf8');
  if (tz.length !== 5 || (tz[0] !== 0x2b && tz[0] !== 0x2d)) return undefined;
  // strconv.Atoi of two bytes, its error ignored (0).
  const atoi = (b: Buffer): number => {
    const t = b.toString('latin1');
    return /^[+-]?[0-9]+$/.test(t) ? Number(t) : 0;
  };
  const offset = (tz[0] === 0x2d ? -1 : 1) * (atoi(tz.subarray(1, 3)) * 3600 + atoi(tz.subarray(3, 5)) * 60);
  return { seconds: unix, nanos: 0, offsetSeconds: offset };
}

/** strings.Fields: the runs of characters between Unicode white space. */
function goFields(s: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of s) {
    if (isGoSpace(ch.codePointAt(0)!)) {
      if (word !== '') out.push(word);
      word = '';
    } else word += ch;
  }
  if (word !== '') out.push(word);
  return out;
}
