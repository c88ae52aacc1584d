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
