// Slash-path helpers with Go's path package semantics (Clean differs from
// Node's path.posix.normalize on trailing slashes and empty input).

import { joinPath } from '../../go/path.ts';

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
