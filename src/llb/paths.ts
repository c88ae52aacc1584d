// Slash-separated path helpers with Go's path.Clean/path.Join results
// (Node's path.posix keeps trailing slashes, which Go drops).
import { posix } from 'node:path';

export function cleanPath(p: string): string {
  if (p === '') return '.';
  let out = posix.normalize(p);
  if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

export function joinPath(...parts: string[]): string {
  const nonEmpty = parts.filter((x) => x !== '');
  return nonEmpty.length === 0 ? '' : cleanPath(nonEmpty.join('/'));
}

export function isAbsPath(p: string): boolean {
  return p.startsWith('/');
}
