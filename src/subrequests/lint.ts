// `frontend.lint` result shapes and their text form (upstream's
// frontend/subrequests/lint), for the gateway to reuse. The lint rules
// themselves live in src/dockerfile/lint.

import { goBytesJSON, goMarshalIndent, type GoJSON } from '../go/json.ts';
import { locationJSON, utf8, type Request, type SourceLocation, type SubrequestResult } from './types.ts';
import { compareUtf8 } from '../go/strings.ts';
import { goSortSlice } from '../go/sort.ts';

export const REQUEST_LINT = 'frontend.lint';

export const lintDefinition: Request = {
  name: REQUEST_LINT,
  version: '1.0.0',
  type: 'rpc',
  description: 'Lint a Dockerfile',
  opts: [],
  metadata: [{ name: 'result.json' }, { name: 'result.txt' }, { name: 'result.statuscode' }],
};

export interface LintWarning {
  ruleName: string;
  description: string;
  url: string;
  detail: string;
  location: SourceLocation;
}

/** pb.SourceInfo. */
export interface LintSourceInfo {
  filename: string;
  data: Uint8Array;
  /** The source's pb.Definition already in encoding/json form; omitted when undefined. */
  definition?: GoJSON;
  language: string;
}

export interface LintBuildError {
  message: string;
  location: SourceLocation;
}

export interface LintResults {
  warnings: LintWarning[];
  sources: LintSourceInfo[];
  buildError?: LintBuildError;
}

function sourceInfoJSON(s: LintSourceInfo): GoJSON {
  const o: { [k: string]: GoJSON } = {};
  if (s.filename !== '') o.filename = s.filename;
  if (s.data.length > 0) o.data = goBytesJSON(s.data);
  if (s.definition !== undefined) o.definition = s.definition;
  if (s.language !== '') o.language = s.language;
  return o;
}

export function lintResultsJSON(r: LintResults): GoJSON {
  // Upstream's slices are nil until something is appended: empty is `null`.
  const out: { [k: string]: GoJSON } = {
    warnings: r.warnings.length === 0 ? null : r.warnings.map((w) => {
      const o: { [k: string]: GoJSON } = { ruleName: w.ruleName };
      if (w.description !== '') o.description = w.description;
      if (w.url !== '') o.url = w.url;
      if (w.detail !== '') o.detail = w.detail;
      o.location = locationJSON(w.location);
      return o;
    }),
    sources: r.sources.length === 0 ? null : r.sources.map(sourceInfoJSON),
  };
  if (r.buildError !== undefined) {
    out.buildError = { message: r.buildError.message, location: locationJSON(r.buildError.location) };
  }
  return out;
}

const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/**
 * A source's lines as byte strings, made once for all the warnings in it: a
 * line taken into the printed text keeps the whole decoded source alive, so
 * one decoding per warning kept a copy of the file per warning (5,000
 * warnings in a 130 KB Dockerfile held 650 MB).
 */
const linesOf = new WeakMap<Uint8Array, string[]>();
function sourceLines(data: Uint8Array): string[] {
  let lines = linesOf.get(data);
  if (lines === undefined) {
    lines = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1').split('\n');
    linesOf.set(data, lines);
  }
  return lines;
}

/**
 * A source excerpt around the ranges (upstream's errdefs.Source.Print), as a
 * byte string (one char per byte): the source lines are written unchanged.
 */
export function printSourceExcerpt(info: LintSourceInfo, ranges: SourceLocation['ranges']): string {
  if (ranges.length === 0) return '';
  const lines = sourceLines(info.data);
  let start = 0;
  let end = 0;
  ranges.forEach((r, i) => {
    const e = Math.max(r.end.line, r.start.line);
    if (i === 0 || r.start.line < start) start = r.start.line;
    if (e > end) end = e;
  });
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  const prepadStart = start;
  // Upstream's loop: each pass counts one extra step, so fewer lines are added than `pad` suggests.
  for (let p = 0; p < pad; ) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  const contains = (l: number): boolean => ranges.some((r) => r.start.line <= l && Math.max(r.end.line, r.start.line) >= l);
  let out = `${latin1(info.filename)}:${prepadStart}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    out += ` ${String(i).padStart(3)} | ${contains(i) ? '>>>' : '   '} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}

/**
 * Warnings in upstream's print order: by source file name, then first line,
 * with Go's sort.Slice, which is not stable (warnings on one line tie).
 */
function sortedWarnings(r: LintResults): LintWarning[] {
  return goSortSlice([...r.warnings], (a, b) => {
    const ia = a.location.sourceIndex ?? 0;
    const ib = b.location.sourceIndex ?? 0;
    if (ia < 0 && ib < 0) return a.ruleName < b.ruleName;
    if (ia < 0 || ib < 0) return ia < 0;
    const fa = r.sources[ia].filename;
    const fb = r.sources[ib].filename;
    if (fa !== fb) return compareUtf8(fa, fb) < 0;
    const ra = a.location.ranges;
    const rb = b.location.ranges;
    if (ra.length === 0 && rb.length === 0) return a.ruleName < b.ruleName;
    if (ra.length === 0 || rb.length === 0) return ra.length === 0;
    return ra[0].start.line < rb[0].start.line;
  });
}

/** The text of the warnings (upstream's PrintLintViolations), as bytes. */
export function printLintViolations(r: LintResults): Uint8Array {
  let out = '';
  for (const w of sortedWarnings(r)) {
    out += latin1(`\nWARNING: ${w.ruleName}`);
    if (w.url !== '') out += latin1(` - ${w.url}`);
    out += latin1(`\n${w.detail}\n`);
    const idx = w.location.sourceIndex ?? 0;
    if (idx < 0) continue;
    out += printSourceExcerpt(r.sources[idx], w.location.ranges);
  }
  return Buffer.from(out, 'latin1');
}

/** result.json, result.txt, result.statuscode and version (upstream's LintResults.ToResult). */
export function lintResult(r: LintResults): SubrequestResult {
  const metadata = new Map<string, Uint8Array>();
  metadata.set('result.json', utf8(goMarshalIndent(lintResultsJSON(r))));
  metadata.set('result.txt', printLintViolations(r));
  metadata.set('result.statuscode', utf8(r.warnings.length > 0 || r.buildError !== undefined ? '1' : '0'));
  metadata.set('version', utf8(lintDefinition.version));
  return { metadata };
}
