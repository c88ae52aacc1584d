// Subrequest descriptions (upstream's frontend/subrequests.Request) and the
// result every subrequest returns: metadata only, no refs.

import { goMarshalIndent, type GoJSON } from '../go/json.ts';

export interface Named {
  name: string;
  description?: string;
}

/** What `frontend.subrequests.describe` lists for each request. */
export interface Request {
  name: string;
  version: string;
  type: 'rpc';
  description: string;
  /** Undefined is Go's nil slice (written `null`); `[]` is an empty one. */
  opts?: Named[];
  inputs?: Named[];
  metadata?: Named[];
  refs?: Named[];
}

/** A subrequest's answer: the result's metadata entries, in the order upstream adds them. */
export interface SubrequestResult {
  metadata: Map<string, Uint8Array>;
}

export function namedListJSON(list: Named[] | undefined): GoJSON {
  if (list === undefined) return null;
  return list.map((n) => ({ name: n.name, description: n.description ?? '' }));
}

export function requestJSON(r: Request): GoJSON {
  return {
    name: r.name,
    version: r.version,
    type: r.type,
    description: r.description,
    opts: namedListJSON(r.opts),
    inputs: namedListJSON(r.inputs),
    metadata: namedListJSON(r.metadata),
    refs: namedListJSON(r.refs),
  };
}

/** A 1-based inclusive line range; `start`/`end` characters are 0 for Dockerfile locations. */
export interface SourceRange {
  start: { line: number; character?: number };
  end: { line: number; character?: number };
}

/** pb.Location as encoding/json writes it (every field omitempty). */
export interface SourceLocation {
  sourceIndex?: number;
  ranges: SourceRange[];
}

function positionJSON(p: { line: number; character?: number }): GoJSON {
  const o: { [k: string]: GoJSON } = {};
  if (p.line !== 0) o.line = p.line;
  if (p.character !== undefined && p.character !== 0) o.character = p.character;
  return o;
}

export function locationJSON(l: SourceLocation): GoJSON {
  const o: { [k: string]: GoJSON } = {};
  if (l.sourceIndex !== undefined && l.sourceIndex !== 0) o.sourceIndex = l.sourceIndex;
  if (l.ranges.length > 0) o.ranges = l.ranges.map((r) => ({ start: positionJSON(r.start), end: positionJSON(r.end) }));
  return o;
}

/**
 * An instruction's lines as a location: one range per line, as upstream's
 * parser.Node.Location (toRanges) gives them; undefined for none.
 */
export function linesLocation(ranges: readonly { start: number; end: number }[], sourceIndex = 0): SourceLocation | undefined {
  if (ranges.length === 0) return undefined;
  const out: SourceRange[] = [];
  for (const r of ranges) {
    const end = Math.max(r.start, r.end);
    for (let line = r.start; line <= end; line++) out.push({ start: { line }, end: { line } });
  }
  return sourceIndex === 0 ? { ranges: out } : { sourceIndex, ranges: out };
}

/**
 * The sources of a subrequest's answer: the Dockerfile first, then each
 * included file (labs INCLUDE) the first time a location points into it.
 */
export class SourceList {
  readonly sources: Uint8Array[];
  private readonly files: object[] = [];

  constructor(dockerfile: Uint8Array) {
    this.sources = [dockerfile];
  }

  /** The location of `ranges` (all in one file: `ranges[0].file`, or the Dockerfile). */
  location(ranges: readonly { start: number; end: number; file?: { data: Uint8Array } }[]): SourceLocation | undefined {
    const file = ranges[0]?.file;
    if (file === undefined) return linesLocation(ranges);
    let i = this.files.indexOf(file);
    if (i < 0) {
      this.files.push(file);
      this.sources.push(file.data);
      i = this.files.length - 1;
    }
    return linesLocation(ranges, i + 1);
  }
}

const enc = new TextEncoder();

export function utf8(s: string): Uint8Array {
  return enc.encode(s);
}

/** result.json (MarshalIndent with two spaces), result.txt, version — upstream's ToResult order. */
export function textResult(json: GoJSON, txt: string, version: string, extra: [string, string][] = []): SubrequestResult {
  const metadata = new Map<string, Uint8Array>();
  metadata.set('result.json', utf8(goMarshalIndent(json)));
  metadata.set('result.txt', utf8(txt));
  for (const [k, v] of extra) metadata.set(k, utf8(v));
  metadata.set('version', utf8(version));
  return { metadata };
}
