// The lint subrequest's result (upstream's frontend/subrequests/lint
// LintResults): findings in the order they fired, the sources they point
// into, and the error that stopped the build, if any.

import { goJSONStringify } from '../../go/json.ts';
import type { LineRange } from '../errors.ts';

export interface JsonPosition {
  line: number;
}

export interface JsonRange {
  start: JsonPosition;
  end: JsonPosition;
}

/** pb.Location as protojson prints it: zero values are left out. */
export interface JsonLocation {
  sourceIndex?: number;
  ranges?: JsonRange[];
}

export interface LintWarning {
  ruleName: string;
  description?: string;
  url?: string;
  detail?: string;
  location?: JsonLocation;
}

export interface LintSource {
  filename: string;
  /** The Dockerfile, base64. */
  data: string;
  language: string;
  /** The LLB definition of the Dockerfile's own source (protojson), when known. */
  definition?: unknown;
}

export interface LintBuildError {
  message: string;
  location: JsonLocation;
}

export interface LintResult {
  warnings: LintWarning[];
  sources: LintSource[];
  buildError?: LintBuildError;
}

/**
 * The index in `result.sources` of the file `ranges` are in: 0 for the
 * Dockerfile; an included file (labs INCLUDE) is listed once, after it, when
 * a finding first points into it.
 */
export function sourceIndexOf(result: LintResult, ranges: readonly LineRange[]): number {
  const file = ranges[0]?.file;
  if (file === undefined) return 0;
  const i = result.sources.findIndex((s, j) => j > 0 && s.filename === file.name);
  if (i > 0) return i;
  result.sources.push({ filename: file.name, data: Buffer.from(file.data).toString('base64'), language: 'Dockerfile' });
  return result.sources.length - 1;
}

export function toJsonLocation(sourceIndex: number, ranges: readonly LineRange[]): JsonLocation {
  const loc: JsonLocation = {};
  if (sourceIndex !== 0) loc.sourceIndex = sourceIndex;
  if (ranges.length > 0) loc.ranges = ranges.map((r) => ({ start: { line: r.start }, end: { line: r.end } }));
  return loc;
}

/** Upstream's mergeLocations: sort by first line and join overlapping ranges. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  if (ranges.length <= 1) return ranges.map((r) => ({ ...r }));
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: LineRange[] = [];
  let cur = { ...sorted[0] };
  for (const r of sorted.slice(1)) {
    if (r.start <= cur.end) cur.end = Math.max(cur.end, r.end);
    else {
      out.push(cur);
      cur = { ...r };
    }
  }
  out.push(cur);
  return out;
}

/** A location as encoding/json writes pb.Location: a zero line is left out (omitempty), `"start": {}`. */
function locationJSON(loc: JsonLocation): object {
  if (loc.ranges === undefined) return loc;
  const position = (p: JsonPosition): object => (p.line === 0 ? {} : p);
  return { ...loc, ranges: loc.ranges.map((r) => ({ start: position(r.start), end: position(r.end) })) };
}

/** The `result.json` text: Go's json.MarshalIndent with two spaces. */
export function resultToJson(result: LintResult): string {
  const shaped = {
    ...result,
    // Go marshals an empty (nil) warnings slice as null.
    warnings: result.warnings.length === 0 ? null : result.warnings.map((w) => (w.location === undefined ? w : { ...w, location: locationJSON(w.location) })),
    buildError: result.buildError === undefined ? undefined : { ...result.buildError, location: locationJSON(result.buildError.location) },
  };
  return goJSONStringify(shaped, 2);
}

/** Upstream's result.statuscode: 1 when anything was found or the build failed. */
export function resultStatusCode(result: LintResult): number {
  return result.warnings.length > 0 || result.buildError !== undefined ? 1 : 0;
}
