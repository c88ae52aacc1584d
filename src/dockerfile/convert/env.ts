// An ordered variable list with llb.EnvList's semantics: a key's position is
// where it was last set, and lookups are case-sensitive.

import type { EnvGetter } from '../shell/types.ts';

export class EnvList implements EnvGetter {
  private readonly values: Map<string, string>;

  constructor(entries: Iterable<[string, string]> = []) {
    this.values = new Map(entries);
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  entries(): [string, string][] {
    return [...this.values.entries()];
  }

  /** A new list with k=v moved to the end. */
  addOrReplace(k: string, v: string): EnvList {
    const m = new Map(this.values);
    m.delete(k);
    m.set(k, v);
    return new EnvList(m);
  }

  delete(k: string): EnvList {
    const m = new Map(this.values);
    m.delete(k);
    return new EnvList(m);
  }

  toArray(): string[] {
    return this.entries().map(([k, v]) => `${k}=${v}`);
  }
}
