// Two Go standard-library behaviours that show up in upstream's error texts
// and formatted names: %q quoting (strconv.Quote) and path.Join/path.Clean.

export { goQuote } from '../util/go-quote.ts';

/** Go's path.Clean: lexical, slash-separated. */
export function goPathClean(p: string): string {
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
  const joined = parts.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go's path.Join: empty elements are skipped, the result is cleaned. */
export function goPathJoin(...elems: string[]): string {
  const kept = elems.filter((e) => e !== '');
  return kept.length === 0 ? '' : goPathClean(kept.join('/'));
}
