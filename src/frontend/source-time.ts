// The time of a source for SOURCE_DATE_EPOCH=context|<named context>|<stage>
// (upstream's dockerfile2llb resolveSourceDateEpochFromState): the gateway's
// source metadata gives a git commit object (its committer time) or an HTTP
// Last-Modified; an HTTP source without one is downloaded and, when it is a
// tar archive (plain or gzip), its newest regular file's mtime is used.

import type { Definition as PbDefinition } from '../gen/pb.ts';
import type { LLBBridge } from './bridge.ts';
import * as llb from '../llb/index.ts';
import { resolveConstraints } from '../llb/constraints.ts';
import { SourceOp } from '../llb/ops/source.ts';
import { nodeZlib } from '../builtins.ts';
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
  if (lm !== undefined) return { seconds: BigInt(lm.seconds ?? 0), nanos: lm.nanos ?? 0, offsetSeconds: 0 };
  const filename = source.attrs['http.filename'] ?? '';
  if (!isHTTP || filename === '') return undefined;
  // The source alone, without the converter's name or platform (upstream's llb.NewSource with empty constraints).
  const st = llb.State.fromOutput(new SourceOp(source.identifier, { ...source.attrs }, resolveConstraints({})).output);
  const data = await env.readFile(st.marshal({ caps: env.caps }).toPb(), filename);
  return archiveMaxTime(data);
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

/**
 * The newest mtime of a regular file in a (possibly gzip-compressed) tar
 * archive, as upstream's archiveMaxTimeFromRef with allowNonArchive: data
 * that is not a readable archive gives no time. Upstream reads bzip2 and
 * zstd too; those are refused here. xz needs the `xz` program, which
 * upstream's image does not have, so it gives no time there and here.
 */
export function archiveMaxTime(data: Uint8Array): SourceTime | undefined {
  let tar: Uint8Array;
  const b = data;
  if (b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08) {
    try {
      tar = nodeZlib().gunzipSync(b);
    } catch {
      return undefined;
    }
  } else if (b.length >= 3 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) {
    throw new Error('SOURCE_DATE_EPOCH: reading file times from a bzip2 archive is not supported by this frontend');
  } else if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0x00) {
    return undefined;
  } else if (b.length >= 4 && ((b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) || ((b[0] & 0xf0) === 0x50 && b[1] === 0x2a && b[2] === 0x4d && b[3] === 0x18))) {
    throw new Error('SOURCE_DATE_EPOCH: reading file times from a zstd archive is not supported by this frontend');
  } else {
    tar = b;
  }
  try {
    return tarMaxTime(tar);
  } catch {
    return undefined;
  }
}

const GO_ZERO_TIME = -62135596800n;

/** Walks tar headers like Go's archive/tar Reader.Next; throws where it returns an error. */
function tarMaxTime(t: Uint8Array): SourceTime | undefined {
  let off = 0;
  let max: SourceTime | undefined;
  let pax: Map<string, string> | undefined;
  const later = (a: SourceTime, b: SourceTime): boolean => a.seconds > b.seconds || (a.seconds === b.seconds && a.nanos > b.nanos);
  for (;;) {
    if (off === t.length) return max;
    if (off + 512 > t.length) throw new Error('unexpected EOF');
    const blk = t.subarray(off, off + 512);
    off += 512;
    if (blk.every((x) => x === 0)) {
      if (off === t.length) return max;
      if (off + 512 > t.length) throw new Error('unexpected EOF');
      if (t.subarray(off, off + 512).every((x) => x === 0)) return max;
      throw new Error('invalid tar header');
    }
    if (!validChecksum(blk)) throw new Error('invalid tar header');
    const flag = String.fromCharCode(blk[156]);
    let size = parseNumeric(blk.subarray(124, 136));
    const mode = parseNumeric(blk.subarray(100, 108));
    let mtime: SourceTime = { seconds: BigInt(parseNumeric(blk.subarray(136, 148))), nanos: 0, offsetSeconds: 0 };
    if (flag === 'x' || flag === 'g') {
      const recs = parsePax(t.subarray(off, off + size));
      if (off + size > t.length) throw new Error('unexpected EOF');
      off += Math.ceil(size / 512) * 512;
      if (flag === 'x') {
        pax = recs;
        continue;
      }
      // A global header is returned as an entry of mode 0 and zero time: "regular".
      const zero: SourceTime = { seconds: GO_ZERO_TIME, nanos: 0, offsetSeconds: 0 };
      if (max === undefined || later(zero, max)) max = zero;
      continue;
    }
    if (flag === 'L' || flag === 'K') {
      if (off + size > t.length) throw new Error('unexpected EOF');
      off += Math.ceil(size / 512) * 512;
      continue;
    }
    let name = cString(blk.subarray(0, 100));
    if (pax !== undefined) {
      const m = pax.get('mtime');
      if (m !== undefined) mtime = parsePaxTime(m);
      const s = pax.get('size');
      if (s !== undefined) size = Number(s);
      const p = pax.get('path');
      if (p !== undefined) name = p;
      pax = undefined;
    }
    let typ = flag;
    if (typ === '\0') typ = name.endsWith('/') ? '5' : '0';
    const fmt = mode & ~0o7777;
    const special = [0o40000, 0o10000, 0o120000, 0o60000, 0o20000, 0o140000].includes(fmt) || '23456'.includes(typ);
    if (!special && (max === undefined || later(mtime, max))) max = mtime;
    // Only regular files, hard links' (zero) sizes and the like carry data.
    const dataSize = typ === '1' || typ === '2' || typ === '3' || typ === '4' || typ === '5' || typ === '6' ? 0 : size;
    if (off + dataSize > t.length) throw new Error('unexpected EOF');
    off += Math.ceil(dataSize / 512) * 512;
    if (off > t.length) off = t.length;
  }
}

function validChecksum(blk: Uint8Array): boolean {
  const want = parseNumeric(blk.subarray(148, 156));
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : blk[i];
    unsigned += c;
    signed += c >= 128 ? c - 256 : c;
  }
  return want === unsigned || want === signed;
}

function cString(b: Uint8Array): string {
  const z = b.indexOf(0);
  return new TextDecoder().decode(z < 0 ? b : b.subarray(0, z));
}

/** Octal (NUL/space padded) or GNU base-256 numbers. */
function parseNumeric(b: Uint8Array): number {
  if (b.length > 0 && (b[0] & 0x80) !== 0) {
    let n = BigInt(b[0] & 0x7f);
    const neg = (b[0] & 0x40) !== 0;
    for (let i = 1; i < b.length; i++) n = (n << 8n) | BigInt(b[i]);
    if (neg) n -= 1n << BigInt(b.length * 8 - 1);
    return Number(n);
  }
  const s = new TextDecoder().decode(b).replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new Error('invalid tar header');
  return parseInt(s, 8);
}

function parsePax(b: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let s = new TextDecoder().decode(b);
  while (s.length > 0) {
    const sp = s.indexOf(' ');
    if (sp < 0) throw new Error('invalid pax header');
    const n = Number(s.slice(0, sp));
    if (!Number.isInteger(n) || n <= sp) throw new Error('invalid pax header');
    // Lengths count bytes; the records used here (mtime, size, path) are read from the decoded text.
    const rec = Buffer.from(s).subarray(0, n).toString();
    const kv = rec.slice(sp + 1, rec.endsWith('\n') ? -1 : undefined);
    const eq = kv.indexOf('=');
    if (eq < 0) throw new Error('invalid pax header');
    out.set(kv.slice(0, eq), kv.slice(eq + 1));
    s = Buffer.from(s).subarray(n).toString();
  }
  return out;
}

/** A PAX time `secs[.frac]` (Go's parsePAXTime: at most nanosecond precision, truncated). */
function parsePaxTime(v: string): SourceTime {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
  if (m === null) throw new Error('invalid pax time');
  let seconds = BigInt(m[2]);
  let nanos = Number((m[3] ?? '').padEnd(9, '0').slice(0, 9));
  if (m[1] === '-') {
    seconds = -seconds;
    if (nanos !== 0) {
      seconds -= 1n;
      nanos = 1000000000 - nanos;
    }
  }
  return { seconds, nanos, offsetSeconds: 0 };
}
