// EnvGetters over `KEY=VALUE` lists (upstream's EnvsFromSlice).

import type { EnvGetter } from './types.ts';

/**
 * Later entries win; an entry without `=` sets its key to the empty string.
 * Keys are case-sensitive, as on unix. keys() lists every entry's key in
 * order, repeats included, as upstream's does.
 */
export function envsFromSlice(entries: readonly string[]): EnvGetter {
  const values = new Map<string, string>();
  const keys: string[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const key = eq < 0 ? entry : entry.slice(0, eq);
    keys.push(key);
    values.set(key, eq < 0 ? '' : entry.slice(eq + 1));
  }
  return {
    get: (key: string) => values.get(key),
    keys: () => keys,
  };
}

/** An EnvGetter over a plain record (keys in insertion order). */
export function envsFromRecord(record: Readonly<Record<string, string>>): EnvGetter {
  const values = new Map(Object.entries(record));
  return {
    get: (key: string) => values.get(key),
    keys: () => [...values.keys()],
  };
}
