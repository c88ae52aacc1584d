// Slash-separated paths with Go's `path` package semantics. Upstream cleans and
// joins paths this way (cache ids, mount targets, copy sources, platform
// strings), and Node's path.posix differs on trailing slashes and empty input,
// so every layer of the project shares these.

// utf8.DecodeRune: the rune and its length (U+FFFD and 1 for a bad byte, 0 for none).
import { goDecodeRune as decodeRune } from './strings.ts';
import { bytesOf } from './kept-bytes.ts';

/** Go's path.Clean: lexical; no trailing slash except for the root; "" is ".". */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  if (isClean(p)) return p;
  const rooted = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const body = parts.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

/**
 * Whether cleanPath(p) is p (most paths a converter handles already are): no
 * empty, "." or ".." element and no trailing slash, unless p is "/". One scan
 * instead of splitting and joining.
 */
function isClean(p: string): boolean {
  const n = p.length;
  if (p.charCodeAt(n - 1) === SLASH) return n === 1;
  let start = p.charCodeAt(0) === SLASH ? 1 : 0;
  for (let i = start; i <= n; i++) {
    if (i < n && p.charCodeAt(i) !== SLASH) continue;
    const len = i - start;
    if (len === 0) return false;
    if (p.charCodeAt(start) === DOT && (len === 1 || (len === 2 && p.charCodeAt(start + 1) === DOT))) return false;
    start = i + 1;
  }
  return true;
}

const SLASH = 0x2f;
const DOT = 0x2e;

/** Go's path.Join: empty elements are skipped and the result is cleaned. */
export function joinPath(...elems: string[]): string {
  const nonEmpty = elems.filter((e) => e !== '');
  return nonEmpty.length === 0 ? '' : cleanPath(nonEmpty.join('/'));
}

/** Go's path.Dir (filepath.Dir on Linux): the cleaned path before the last slash. */
export function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Go's path.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '/') return '/';
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Go's path.IsAbs. */
export function isAbsPath(p: string): boolean {
  return p.startsWith('/');
}

/**
 * filepath.Match(pattern, name) on Linux, byte for byte as Go runs it:
 * 'bad' for ErrBadPattern. Unlike path.Match it reports a malformed part of
 * the pattern only when matching reaches it (patternmatcher.New checks
 * each pattern so, against "."); fsutil's FollowLinks matches names with
 * it, its error ignored.
 */
export function goFilepathMatch(pattern: string, name: string): boolean | 'bad' {
  // Kept bytes are their bytes again, as in Go's strings (a byte that is no UTF-8 in a class is ErrBadPattern).
  let pat: Uint8Array = bytesOf(pattern);
  let nm: Uint8Array = bytesOf(name);
  outer: while (pat.length > 0) {
    const { star, chunk, rest } = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) return !nm.includes(0x2f);
    const first = matchChunk(chunk, nm);
    if (first === 'bad') return 'bad';
    if (first !== undefined && (first.length === 0 || pat.length > 0)) {
      nm = first;
      continue;
    }
    if (star) {
      for (let i = 0; i < nm.length && nm[i] !== 0x2f; i++) {
        const t = matchChunk(chunk, nm.subarray(i + 1));
        if (t === 'bad') return 'bad';
        if (t !== undefined) {
          if (pat.length === 0 && t.length > 0) continue;
          nm = t;
          continue outer;
        }
      }
    }
    return false;
  }
  return nm.length === 0;
}

function scanChunk(pattern: Uint8Array): { star: boolean; chunk: Uint8Array; rest: Uint8Array } {
  let star = false;
  while (pattern.length > 0 && pattern[0] === 0x2a) {
    pattern = pattern.subarray(1);
    star = true;
  }
  let inrange = false;
  let i = 0;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === 0x5c) {
      if (i + 1 < pattern.length) i++;
    } else if (c === 0x5b) inrange = true;
    else if (c === 0x5d) inrange = false;
    else if (c === 0x2a && !inrange) break;
  }
  return { star, chunk: pattern.subarray(0, i), rest: pattern.subarray(i) };
}

/** filepath's getEsc: a class character, or 'bad'. */
function getEsc(chunk: Uint8Array): { r: number; rest: Uint8Array } | 'bad' {
  if (chunk.length === 0 || chunk[0] === 0x2d || chunk[0] === 0x5d) return 'bad';
  if (chunk[0] === 0x5c) {
    chunk = chunk.subarray(1);
    if (chunk.length === 0) return 'bad';
  }
  const [r, n] = decodeRune(chunk);
  if (r === 0xfffd && n === 1) return 'bad';
  const rest = chunk.subarray(n);
  if (rest.length === 0) return 'bad';
  return { r, rest };
}

/** filepath's matchChunk: the rest of s after a match, undefined for none, 'bad' for ErrBadPattern. */
function matchChunk(chunk: Uint8Array, s: Uint8Array): Uint8Array | undefined | 'bad' {
  let failed = false;
  while (chunk.length > 0) {
    failed = failed || s.length === 0;
    const c = chunk[0]!;
    if (c === 0x5b) {
      let r = -1;
      if (!failed) {
        const [rr, n] = decodeRune(s);
        r = rr;
        s = s.subarray(n);
      }
      chunk = chunk.subarray(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === 0x5e) {
        negated = true;
        chunk = chunk.subarray(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === 0x5d && nrange > 0) {
          chunk = chunk.subarray(1);
          break;
        }
        const lo = getEsc(chunk);
        if (lo === 'bad') return 'bad';
        chunk = lo.rest;
        let hi = lo.r;
        if (chunk[0] === 0x2d) {
          const h = getEsc(chunk.subarray(1));
          if (h === 'bad') return 'bad';
          chunk = h.rest;
          hi = h.r;
        }
        match = match || (lo.r <= r && r <= hi);
        nrange++;
      }
      failed = failed || match === negated;
    } else if (c === 0x3f) {
      if (!failed) {
        failed = s[0] === 0x2f;
        s = s.subarray(decodeRune(s)[1]);
      }
      chunk = chunk.subarray(1);
    } else {
      if (c === 0x5c) {
        chunk = chunk.subarray(1);
        if (chunk.length === 0) return 'bad';
      }
      if (!failed) {
        failed = chunk[0] !== s[0];
        s = s.subarray(1);
      }
      chunk = chunk.subarray(1);
    }
  }
  return failed ? undefined : s;
}
