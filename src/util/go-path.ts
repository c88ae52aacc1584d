// Slash-separated paths with Go's `path` package semantics. Upstream cleans and
// joins paths this way (cache ids, mount targets, copy sources, platform
// strings), and Node's path.posix differs on trailing slashes and empty input,
// so every layer of the project shares these.

/** Go's path.Clean: lexical; no trailing slash except for the root; "" is ".". */
export function cleanPath(p: string): string {
  if (p === '') return '.';
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
