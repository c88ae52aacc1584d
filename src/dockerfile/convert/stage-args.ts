// Labs: stage-scoped args in `COPY --from` and `RUN --mount from=`
// (docs/labs.md). Upstream decides which stages a command reads from before
// any stage is dispatched, with no variables (a `$` in --from or in a
// mount's `from=` is an error). Here a stage's ARG instructions are followed
// in order while its commands are linked, so a --from word can use the args
// the stage declared above it, as a RUN on that line sees them: an arg's
// value is its --build-arg (when given), else its default expanded with the
// args declared before it, else (no default) the global arg of that name.
// Global args not declared in the stage are not visible, as in RUN. ENV and
// base images play no part: what a command reads from is known before
// anything is resolved, as upstream's is.

import type { EnvList } from '../../llb/env.ts';
import { DockerfileError } from '../errors.ts';
import type { ArgCommand } from '../instructions/index.ts';
import type { EnvGetter, ShellLex } from '../shell/index.ts';

export class StageArgs {
  private env = new Map<string, string>();

  constructor(
    private readonly globalArgs: EnvList,
    private readonly buildArgs: ReadonlyMap<string, string>,
    private readonly shlex: ShellLex,
  ) {}

  private getter(): EnvGetter {
    const env = this.env;
    return { get: (k) => env.get(k), keys: () => [...env.keys()] };
  }

  /** An ARG instruction of the stage: its args are visible to the commands below it. */
  declare(cmd: ArgCommand): void {
    for (const a of cmd.args) {
      const value = this.buildArgs.get(a.key) ?? (a.value === undefined ? this.globalArgs.get(a.key) : this.shlex.processWord(a.value, this.getter()));
      if (value !== undefined) this.env.set(a.key, value);
    }
  }

  /** The stage or image a `--from` / `from=` word names at this point of the stage. */
  expand(word: string, flag: string): string {
    const name = this.shlex.processWord(word, this.getter());
    if (name === '') throw new DockerfileError(`${flag}=${word} expands to an empty name (only the stage's ARGs declared above this line are visible there)`);
    return name;
  }
}
