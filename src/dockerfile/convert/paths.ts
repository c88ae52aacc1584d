// Slash-path helpers with Go's path package semantics (Clean differs from
// Node's path.posix.normalize on trailing slashes and empty input).

/** Go's path.Clean. */
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

/** Go's path.Join. */
export function joinPath(...elems: string[]): string {
  const nonEmpty = elems.filter((e) => e !== '');
  if (nonEmpty.length === 0) return '';
  return cleanPath(nonEmpty.join('/'));
}

/** Go's path.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '/') return '/';
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

export function isAbsPath(p: string): boolean {
  return p.startsWith('/');
}

/**
 * BuildKit's system.NormalizePath for non-Windows platforms: joins a relative
 * path to its parent, optionally keeping a trailing `/` or `/.`.
 */
export function normalizePath(parent: string, newPath: string, keepSlash: boolean): string {
  const orig = newPath;
  if (parent === '') parent = '/';
  if (!isAbsPath(parent)) parent = joinPath('/', parent);
  if (newPath === '') newPath = parent;
  if (!isAbsPath(newPath)) newPath = joinPath(parent, newPath);
  if (keepSlash) {
    if (orig.endsWith('/') && !newPath.endsWith('/')) {
      newPath += '/';
    } else if (orig.endsWith('/.')) {
      if (newPath !== '/') newPath += '/';
      newPath += '.';
    }
  }
  return newPath;
}

/**
 * The sorted context paths a build uses, relative to the context root, or
 * undefined when the whole context (`/`) is needed or nothing is.
 */
export function normalizeContextPaths(paths: Iterable<string>): string[] | undefined {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '/') return undefined;
    out.push(joinPath('.', p));
  }
  if (out.length === 0) return undefined;
  return out.sort(compareStrings);
}

/** Byte-wise string order, as Go's sort uses (code-unit order differs only for astral chars). */
export function compareStrings(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}
