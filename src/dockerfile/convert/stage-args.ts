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
import { DockerfileError, withLocation } from '../errors.ts';
import type { ArgCommand } from '../instructions/index.ts';
import type { EnvGetter, ShellLex } from '../shell/index.ts';

export class StageArgs {
  private env = new Map<string, string>();
  /**
   * Args whose default could not be expanded (`${X:?message}`, a bad
   * modifier), with that error at the ARG's line. Nothing fails here: the
   * stage's dispatch reports it where upstream does, and only if the stage is
   * built; a --from word that reads such an arg fails with it.
   */
  private failed = new Map<string, DockerfileError>();
  /** The failed arg's error a word being expanded read (the lexer wraps what its getter throws). */
  private read: DockerfileError | undefined;

  constructor(
    private readonly globalArgs: EnvList,
    private readonly buildArgs: ReadonlyMap<string, string>,
    private readonly shlex: ShellLex,
  ) {}

  private getter(): EnvGetter {
    const env = this.env;
    const failed = this.failed;
    return {
      get: (k) => {
        const err = failed.get(k);
        if (err !== undefined) {
          this.read ??= err;
          throw err;
        }
        return env.get(k);
      },
      keys: () => [...env.keys()],
    };
  }

  /**
   * The args of a stage built on this one (`FROM base`): it starts with this
   * stage's args as they are at its end, as a RUN there sees them (upstream's
   * stage inherits its base's build args).
   */
  fork(): StageArgs {
    const child = new StageArgs(this.globalArgs, this.buildArgs, this.shlex);
    child.env = new Map(this.env);
    child.failed = new Map(this.failed);
    return child;
  }

  /** An ARG instruction of the stage: its args are visible to the commands below it. */
  declare(cmd: ArgCommand): void {
    for (const a of cmd.args) {
      let value: string | undefined;
      try {
        value = this.buildArgs.get(a.key) ?? (a.value === undefined ? this.globalArgs.get(a.key) : this.process(a.value));
      } catch (err) {
        this.env.delete(a.key);
        this.failed.set(a.key, err instanceof DockerfileError && err.ranges.length > 0 ? err : withLocation(err, cmd.location));
        continue;
      }
      this.failed.delete(a.key);
      if (value !== undefined) this.env.set(a.key, value);
    }
  }

  /** A word expanded with the args so far; one that reads a failed arg fails with that arg's own error. */
  private process(word: string): string {
    this.read = undefined;
    try {
      return this.shlex.processWord(word, this.getter());
    } catch (err) {
      throw this.read ?? err;
    }
  }

  /** The stage or image a `--from` / `from=` word names at this point of the stage. */
  expand(word: string, flag: string): string {
    const name = this.process(word);
    if (name === '') throw new DockerfileError(`${flag}=${word} expands to an empty name (only the stage's ARGs declared above this line are visible there)`);
    return name;
  }
}
