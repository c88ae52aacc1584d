// The environment of an LLB state (Go llb's EnvList): an immutable list of
// KEY=value entries in which setting a key moves it to the end, and lookups
// are case-sensitive. It is the one variable list of the project: states,
// global build args and the shell lexer's lookups all use it.
//
// Every version stays valid (states share their lists), so it is persistent:
// two balanced trees with shared structure, one by key (value and position)
// and one by position (the order). set, delete and get take O(log n), the
// list in order O(n): no whole-list copy per ARG or ENV, so n of them cost
// O(n log n) and not O(n²).

import createTree from 'functional-red-black-tree';
import type { Tree } from 'functional-red-black-tree';

interface Entry {
  readonly value: string;
  /** The entry's position: larger for later sets. */
  readonly seq: number;
}

export class EnvList {
  private constructor(
    private readonly byKey: Tree<string, Entry>,
    private readonly bySeq: Tree<number, readonly [string, string]>,
    private readonly nextSeq: number,
  ) {}

  static readonly empty = new EnvList(createTree<string, Entry>(), createTree<number, readonly [string, string]>(), 0);

  /** A list with the given entries set in order (later duplicates win and move last). */
  static from(entries: Iterable<readonly [string, string]>): EnvList {
    let env = EnvList.empty;
    for (const [k, v] of entries) env = env.set(k, v);
    return env;
  }

  /** Sets key=value, moving the key to the end as Go's AddOrReplace does. */
  set(key: string, value: string): EnvList {
    let { byKey, bySeq } = this;
    const seq = this.nextSeq;
    const old = byKey.find(key);
    if (old.valid) {
      bySeq = bySeq.remove(old.value!.seq);
      byKey = old.update({ value, seq });
    } else {
      byKey = byKey.insert(key, { value, seq });
    }
    return new EnvList(byKey, bySeq.insert(seq, [key, value]), seq + 1);
  }

  /**
   * Sets the entries in order, as set would one by one. When the list
   * already ends with exactly these entries (a stage FROM another stage
   * setting its image's Env again, over the same entries its state holds),
   * the list is unchanged and this costs one walk over them, not a tree
   * insertion each.
   */
  setAll(entries: readonly (readonly [string, string])[]): EnvList {
    if (this.endsWith(entries)) return this;
    let env: EnvList = this;
    for (const [k, v] of entries) env = env.set(k, v);
    return env;
  }

  /** Whether the last entries in order are `entries`, each key once. */
  private endsWith(entries: readonly (readonly [string, string])[]): boolean {
    if (entries.length === 0) return true;
    if (entries.length > this.bySeq.length) return false;
    const it = this.bySeq.end;
    for (let i = entries.length - 1; i >= 0; i--, it.prev()) {
      const [k, v] = it.value!;
      if (k !== entries[i][0] || v !== entries[i][1]) return false;
    }
    // Matching the last entries of a list whose keys are unique: the entries' keys are unique too.
    return true;
  }

  /** Sets key=value only when the key is absent. */
  setDefault(key: string, value: string): EnvList {
    return this.has(key) ? this : this.set(key, value);
  }

  delete(key: string): EnvList {
    const old = this.byKey.find(key);
    if (!old.valid) return this;
    return new EnvList(old.remove(), this.bySeq.remove(old.value!.seq), this.nextSeq);
  }

  get(key: string): string | undefined {
    return this.byKey.get(key)?.value;
  }

  has(key: string): boolean {
    return this.byKey.find(key).valid;
  }

  get size(): number {
    return this.byKey.length;
  }

  /** The keys in order. */
  keys(): string[] {
    return this.bySeq.values.map((e) => e[0]);
  }

  /** [key, value] pairs in order. */
  entries(): [string, string][] {
    return this.bySeq.values.map(([k, v]) => [k, v]);
  }

  /** "KEY=value" strings in order. */
  toArray(): string[] {
    return this.bySeq.values.map(([k, v]) => `${k}=${v}`);
  }
}
