// Parser directives (`# syntax=…`, `# escape=…`, `# check=…`) at the top of a
// Dockerfile. The scanner stops for good at the first line that is not a
// directive; a key seen twice is an error. Works on byte strings (bytes.ts).

import { DockerfileError } from '../errors.ts';
import type { Directive } from './ast.ts';
import { fromByteString, isRegexpSpace, toByteString, trimLeftSpace, utf8ByteString } from './bytes.ts';
import { parseGoJSON, type Raw } from '../../go/unmarshal.ts';

export type DirectiveKey = 'syntax' | 'escape' | 'check';

const KEYS: ReadonlySet<string> = new Set<DirectiveKey>(['syntax', 'escape', 'check']);

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Go's `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (`\s` ASCII-only, no \v;
 * `.` anything but a newline): [key, value], or undefined. In one pass, as
 * Go's regexp runs: the same expression in V8's backtracking engine took
 * 1.75 s over a 64 KiB line of spaces inside the value. Leftmost-first, the
 * value starts after every space that follows the `=` and ends before the
 * trailing ones; when only spaces follow, it is the last of them that is
 * no newline. No match when the value would hold a newline.
 */
export function matchDirective(line: string): [string, string] | undefined {
  const n = line.length;
  if (n === 0 || !isLetter(line.charCodeAt(0))) return undefined;
  let i = 1;
  while (i < n && (isLetter(line.charCodeAt(i)) || isDigit(line.charCodeAt(i)))) i++;
  const key = line.slice(0, i);
  while (i < n && isRegexpSpace(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) !== 0x3d) return undefined;
  i++;
  let start = i;
  while (start < n && isRegexpSpace(line.charCodeAt(start))) start++;
  let end = n;
  while (end > start && isRegexpSpace(line.charCodeAt(end - 1))) end--;
  if (start === end) {
    // Only spaces (or nothing) after `=`: the value is one of them, the last that is no newline.
    let k = n - 1;
    while (k >= i && line.charCodeAt(k) === 0x0a) k--;
    return k >= i ? [key, line[k]!] : undefined;
  }
  const value = line.slice(start, end);
  return value.includes('\n') ? undefined : [key, value];
}

/** One directive found in byte-string form (name lower-cased). */
export interface RawDirective {
  name: DirectiveKey;
  value: string;
  line: number;
}

/**
 * Line-by-line directive recogniser with upstream's quirks: every call counts
 * a line (so `line` is the 1-based line number of the text it was fed), and
 * once a non-directive line is seen it never matches again.
 */
export class DirectiveScanner {
  private line: number;
  private done = false;
  private readonly seen = new Set<string>();

  constructor(
    private readonly commentPrefix = '#',
    firstLine = 0,
  ) {
    this.line = firstLine;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Returns the directive on this line, or null; throws on a repeated key. */
  scan(line: string): RawDirective | null {
    this.line++;
    if (this.done) return null;
    if (!line.startsWith(this.commentPrefix)) {
      this.done = true;
      return null;
    }
    const m = matchDirective(trimLeftSpace(line.slice(this.commentPrefix.length)));
    if (m === undefined) {
      this.done = true;
      return null;
    }
    const key = m[0].toLowerCase();
    if (!KEYS.has(key)) {
      this.done = true;
      return null;
    }
    if (this.seen.has(key)) {
      throw new DockerfileError(`only one ${key} parser directive can be used`);
    }
    this.seen.add(key);
    return { name: key as DirectiveKey, value: m[1], line: this.line };
  }
}

/** Converts a directive found by the scanner to the AST's form. */
export function toDirective(d: RawDirective): Directive {
  return { name: d.name, value: fromByteString(d.value), location: { start: d.line, end: d.line } };
}

/** The escape characters a Dockerfile may choose. */
export function checkEscapeToken(value: string): '\\' | '`' {
  if (value === '`' || value === '\\') return value;
  throw new DockerfileError(`invalid escape token '${fromByteString(value)}' does not match \` or \\`);
}

export interface DetectedDirective {
  /** First word of the value (for `syntax`: the frontend image reference). */
  value: string;
  /** The whole value (for `syntax`: the frontend's command line). */
  cmdline: string;
  /** `value` as the file's bytes (a byte string: bytes that are no UTF-8 kept). */
  valueBytes: string;
  location: Directive['location'];
}

const BOM = '\xef\xbb\xbf';

/**
 * Finds a directive the way the frontend does before parsing (upstream's
 * DetectSyntax / ParseDirective): a leading BOM and `#!` shebang line are
 * skipped; with `anyFormat`, `// key=…` lines and a JSON document
 * `{"key": "…"}` are accepted too.
 */
export function findDirective(key: DirectiveKey, input: string | Uint8Array, anyFormat = false): DetectedDirective | null {
  let dt = toByteString(input);
  if (dt.startsWith(BOM)) dt = dt.slice(3);
  let firstLine = 0;
  const nl = dt.indexOf('\n');
  const head = nl < 0 ? dt : dt.slice(0, nl);
  if (head.startsWith('#!')) {
    dt = nl < 0 ? '' : dt.slice(nl + 1);
    firstLine = 1;
  }
  const found = scanAll(key, dt, new DirectiveScanner('#', firstLine));
  if (found !== null || !anyFormat) return found;
  const slashed = scanAll(key, dt, new DirectiveScanner('//', firstLine));
  if (slashed !== null) return slashed;
  return fromJsonDocument(key, dt, firstLine);
}

function scanAll(key: DirectiveKey, dt: string, scanner: DirectiveScanner): DetectedDirective | null {
  // Go's bufio.ScanLines: split at \n, drop one trailing \r, no empty last
  // line. A line at a time, up to where the scanner stops (the first line
  // that is no directive): splitting the whole text first cost a string per
  // line of it (8 million blank lines: 4.6x upstream's lint).
  for (let start = 0; start < dt.length && !scanner.finished; ) {
    let end = dt.indexOf('\n', start);
    if (end < 0) end = dt.length;
    const raw = dt.slice(start, end);
    start = end + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let d: RawDirective | null;
    try {
      d = scanner.scan(line);
    } catch {
      // Upstream stops at a repeated key and keeps what it found before it.
      return null;
    }
    if (d !== null && d.name === key) {
      const value = fromByteString(d.value);
      const sp = value.indexOf(' ');
      const bsp = d.value.indexOf(' ');
      return {
        value: sp < 0 ? value : value.slice(0, sp),
        cmdline: value,
        valueBytes: bsp < 0 ? d.value : d.value.slice(0, bsp),
        location: { start: d.line, end: d.line },
      };
    }
  }
  return null;
}

function fromJsonDocument(key: DirectiveKey, dt: string, line: number): DetectedDirective | null {
  // json.Unmarshal into a map[string]any: Go's grammar, depth limit and
  // UTF-8 handling; the last of duplicate keys wins; only a string counts.
  let doc: Raw;
  try {
    doc = parseGoJSON(fromByteString(dt));
  } catch {
    return null;
  }
  if (doc.t !== 'object') return null;
  let value: Raw | undefined;
  for (const [k, v] of doc.v) if (k === key) value = v;
  if (value === undefined || value.t !== 'string') return null;
  const v = value.v;
  return { value: v, cmdline: v, valueBytes: utf8ByteString(v), location: { start: line, end: line } };
}
