import type { EnvGetter } from './types.js';
/**
 * Later entries win; an entry without `=` sets its key to the empty string.
 * Keys are case-sensitive, as on unix. keys() lists every entry's key in
 * order, repeats included, as upstream's does.
 */
export declare function envsFromSlice(entries: readonly string[]): EnvGetter;
/** An EnvGetter over a plain record (keys in insertion order). */
export declare function envsFromRecord(record: Readonly<Record<string, string>>): EnvGetter;
