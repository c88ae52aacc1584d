// What the conversion records for the outline (upstream's outlineCapture):
// every ARG a stage defines (meta ARGs included) with its value, doc comment
// and the args its default read, the ARGs the stage uses, and the secrets and
// SSH sockets its RUN mounts ask for. A stage starts with a copy of its
// base's capture (or of the meta ARGs'); the outline view walks them.

import type { LineRange } from '../errors.ts';

export interface ArgInfo {
  key: string;
  docComment: string;
  /** Empty when the ARG has no value. */
  value: string;
  /** The args the default was computed from (meta ARGs only). */
  deps: Set<string>;
  location: LineRange | undefined;
}

export interface MountInfo {
  required: boolean;
  location: LineRange | undefined;
}

export class OutlineCapture {
  constructor(
    readonly allArgs = new Map<string, ArgInfo>(),
    readonly usedArgs = new Set<string>(),
    readonly secrets = new Map<string, MountInfo>(),
    readonly ssh = new Map<string, MountInfo>(),
  ) {}

  clone(): OutlineCapture {
    return new OutlineCapture(new Map(this.allArgs), new Set(this.usedArgs), new Map(this.secrets), new Map(this.ssh));
  }

  /**
   * Marks as used the args the used ones were computed from, each after the
   * ones it was computed from (upstream's recursion, with a stack of its own:
   * a chain of ARGs each from the one before can be deeper than the
   * JavaScript stack).
   */
  markAllUsed(keys: Iterable<string>, visited: Set<string>): void {
    /** Each level's keys (a copy: usedArgs grows while it is walked) and the key whose deps they are. */
    const stack: { keys: Iterator<string>; of?: string }[] = [{ keys: [...keys][Symbol.iterator]() }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.keys.next();
      if (next.done) {
        stack.pop();
        if (top.of !== undefined) this.usedArgs.add(top.of);
        continue;
      }
      const k = next.value;
      if (visited.has(k)) continue;
      visited.add(k);
      const a = this.allArgs.get(k);
      if (a !== undefined) stack.push({ keys: [...a.deps][Symbol.iterator](), of: k });
      else this.usedArgs.add(k);
    }
  }

  /** The first mount of a secret or ssh id is the one the outline shows. */
  addMount(kind: 'secrets' | 'ssh', id: string, required: boolean, location: LineRange | undefined): void {
    if (!this[kind].has(id)) this[kind].set(id, { required, location });
  }
}
