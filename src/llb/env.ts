// The environment of an LLB state (Go llb's EnvList): an immutable list of
// KEY=value entries in which setting a key moves it to the end, and lookups
// are case-sensitive. It is the one variable list of the project: states,
// global build args and the shell lexer's lookups all use it.
//
// Every version stays valid (states share their lists), so it is persistent.
// A short list (up to SMALL entries, as nearly every stage's is) is a plain
// array, copied on each change: a few dozen references, less to allocate and
// faster to run cold than tree nodes. A longer one is two balanced trees with
// shared structure, one by key (value and position) and one by position (the
// order): set, delete and get take O(log n), the list in order O(n), so n
// ARGs or ENVs cost O(n log n) and not O(n²).

import createTree from 'functional-red-black-tree';
import type { Tree } from 'functional-red-black-tree';

interface Entry {
  readonly value: string;
  /** The entry's position: larger for later sets. */
  readonly seq: number;
}

/** The most entries a list keeps as an array before it moves to the trees. */
const SMALL = 32;

type Pair = readonly [string, string];

function indexOfKey(list: readonly Pair[], key: string): number {
  for (let i = 0; i < list.length; i++) if (list[i]![0] === key) return i;
  return -1;
}

export class EnvList {
  private constructor(
    /** The entries in order while there are at most SMALL (the trees are then unused). */
    private readonly small: readonly Pair[] | undefined,
    private readonly byKey: Tree<string, Entry>,
    private readonly bySeq: Tree<number, Pair>,
    private readonly nextSeq: number,
  ) {}

  private static readonly noKeys = createTree<string, Entry>();
  private static readonly noSeqs = createTree<number, Pair>();

  static readonly empty = new EnvList([], EnvList.noKeys, EnvList.noSeqs, 0);

  /** A list with the given entries set in order (later duplicates win and move last). */
  static from(entries: Iterable<readonly [string, string]>): EnvList {
    let env = EnvList.empty;
    for (const [k, v] of entries) env = env.set(k, v);
    return env;
  }

  /** The same entries as trees. */
  private static trees(list: readonly Pair[]): EnvList {
    let byKey = EnvList.noKeys;
    let bySeq = EnvList.noSeqs;
    for (let seq = 0; seq < list.length; seq++) {
      const [k, v] = list[seq]!;
      byKey = byKey.insert(k, { value: v, seq });
      bySeq = bySeq.insert(seq, [k, v]);
    }
    return new EnvList(undefined, byKey, bySeq, list.length);
  }

  /** Sets key=value, moving the key to the end as Go's AddOrReplace does. */
  set(key: string, value: string): EnvList {
    const small = this.small;
    if (small !== undefined) {
      const i = indexOfKey(small, key);
      if (i < 0 && small.length >= SMALL) return EnvList.trees(small).set(key, value);
      const next = small.slice();
      if (i >= 0) next.splice(i, 1);
      next.push([key, value]);
      return new EnvList(next, EnvList.noKeys, EnvList.noSeqs, 0);
    }
    let { byKey, bySeq } = this;
    const seq = this.nextSeq;
    const old = byKey.find(key);
    if (old.valid) {
      bySeq = bySeq.remove(old.value!.seq);
      byKey = old.update({ value, seq });
    } else {
      byKey = byKey.insert(key, { value, seq });
    }
    return new EnvList(undefined, byKey, bySeq.insert(seq, [key, value]), seq + 1);
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
    if (entries.length > this.size) return false;
    const small = this.small;
    if (small !== undefined) {
      const off = small.length - entries.length;
      for (let i = 0; i < entries.length; i++) {
        const [k, v] = small[off + i]!;
        if (k !== entries[i]![0] || v !== entries[i]![1]) return false;
      }
      return true;
    }
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
    const small = this.small;
    if (small !== undefined) {
      const i = indexOfKey(small, key);
      if (i < 0) return this;
      const next = small.slice();
      next.splice(i, 1);
      return new EnvList(next, EnvList.noKeys, EnvList.noSeqs, 0);
    }
    const old = this.byKey.find(key);
    if (!old.valid) return this;
    return new EnvList(undefined, old.remove(), this.bySeq.remove(old.value!.seq), this.nextSeq);
  }

  get(key: string): string | undefined {
    const small = this.small;
    if (small !== undefined) {
      const i = indexOfKey(small, key);
      return i < 0 ? undefined : small[i]![1];
    }
    return this.byKey.get(key)?.value;
  }

  has(key: string): boolean {
    const small = this.small;
    if (small !== undefined) return indexOfKey(small, key) >= 0;
    return this.byKey.find(key).valid;
  }

  get size(): number {
    return this.small !== undefined ? this.small.length : this.byKey.length;
  }

  /** The entries in order. */
  private pairs(): readonly Pair[] {
    return this.small ?? this.bySeq.values;
  }

  /** The keys in order. */
  keys(): string[] {
    return this.pairs().map((e) => e[0]);
  }

  /** [key, value] pairs in order. */
  entries(): [string, string][] {
    return this.pairs().map(([k, v]) => [k, v]);
  }

  /** "KEY=value" strings in order. */
  toArray(): string[] {
    return this.pairs().map(([k, v]) => `${k}=${v}`);
  }
}
