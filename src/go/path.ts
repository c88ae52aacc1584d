// Slash-separated paths with Go's `path` package semantics. Upstream cleans and
// joins paths this way (cache ids, mount targets, copy sources, platform
// strings), and Node's path.posix differs on trailing slashes and empty input,
// so every layer of the project shares these.

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
 * Go's path.Match as a caller that ignores its error sees it: whether `name`
 * matches the shell pattern (`*` and `?` stop at "/", `[...]` classes with
 * `^` negation and ranges, `\` escaping the next character), false for a
 * malformed pattern. Characters are code points, as Go's runes.
 */
export function matchPath(pattern: string, name: string): boolean {
  let re = compiledPatterns.get(pattern);
  if (re === undefined) {
    re = compilePattern(pattern);
    if (compiledPatterns.size > 256) compiledPatterns.clear();
    compiledPatterns.set(pattern, re);
  }
  return re !== null && re.test(name);
}

const compiledPatterns = new Map<string, RegExp | null>();

const codePoint = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** A pattern as an anchored RegExp; null when Go reports ErrBadPattern. */
function compilePattern(pattern: string): RegExp | null {
  const cs = [...pattern];
  let re = '^';
  let i = 0;
  // One character of a class: `\x` or a plain character other than "-" and "]".
  const classChar = (): string | null => {
    let c = cs[i];
    if (c === undefined || c === '-' || c === ']') return null;
    if (c === '\\') {
      i++;
      c = cs[i];
      if (c === undefined) return null;
    }
    i++;
    return c;
  };
  while (i < cs.length) {
    const c = cs[i++]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      if (i >= cs.length) return null;
      re += codePoint(cs[i++]!);
    } else if (c === '[') {
      const negated = cs[i] === '^';
      if (negated) i++;
      let ranges = '';
      for (let n = 0; ; n++) {
        if (cs[i] === ']' && n > 0) {
          i++;
          break;
        }
        const lo = classChar();
        if (lo === null) return null;
        let hi = lo;
        if (cs[i] === '-') {
          i++;
          const h = classChar();
          if (h === null) return null;
          hi = h;
        }
        // Go tests lo <= r <= hi: a reversed range matches nothing.
        if (lo.codePointAt(0)! <= hi.codePointAt(0)!) ranges += `${codePoint(lo)}-${codePoint(hi)}`;
        if (i >= cs.length) return null;
      }
      re += `[${negated ? '^' : ''}${ranges}]`;
    } else re += codePoint(c);
  }
  return new RegExp(re + '$', 'u');
}
