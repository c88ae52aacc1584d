// Slash-path helpers with Go's path package semantics (Clean differs from
// Node's path.posix.normalize on trailing slashes and empty input).

import { isAbsPath, joinPath } from '../../go/path.ts';

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
