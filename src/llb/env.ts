// An immutable environment list with Go llb's ordering: a key keeps its
// first position among live keys unless it is set again, which moves it last.

export class EnvList {
  private constructor(private readonly entries: readonly (readonly [string, string])[]) {}

  static readonly empty = new EnvList([]);

  /** Sets key=value, moving the key to the end as Go's AddOrReplace does. */
  set(key: string, value: string): EnvList {
    // Exactly sized: states keep their env lists, so spare capacity would add up.
    const old = this.entries;
    let n = 1;
    for (const e of old) if (e[0] !== key) n++;
    const next = new Array<readonly [string, string]>(n);
    let i = 0;
    for (const e of old) if (e[0] !== key) next[i++] = e;
    next[i] = [key, value];
    return new EnvList(next);
  }

  /** Sets key=value only when the key is absent. */
  setDefault(key: string, value: string): EnvList {
    return this.get(key) === undefined ? this.set(key, value) : this;
  }

  delete(key: string): EnvList {
    return new EnvList(this.entries.filter(([k]) => k !== key));
  }

  get(key: string): string | undefined {
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e[0] === key) return e[1];
    }
    return undefined;
  }

  keys(): string[] {
    return this.entries.map(([k]) => k);
  }

  /** "KEY=value" strings in order. */
  toArray(): string[] {
    return this.entries.map(([k, v]) => `${k}=${v}`);
  }
}
