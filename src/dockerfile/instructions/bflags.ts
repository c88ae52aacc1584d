// Instruction flags (upstream's BFlags): each instruction declares the flags
// it accepts, then parses the `--name[=value]` words from the AST.

import { withSuggestion } from './suggest.ts';
import { goToLower } from '../../go/strings.ts';

type FlagType = 'bool' | 'string' | 'strings';

export interface Flag {
  readonly name: string;
  readonly type: FlagType;
  /** For bool flags `"true"`/`"false"`; for string flags the value. */
  value: string;
  /** Every value of a repeatable (list) flag, in order. */
  values: string[];
}

export class BFlags {
  private readonly flags = new Map<string, Flag>();
  // Insertion order gives a stable `used` list (upstream's is a map).
  private readonly usedFlags = new Map<string, Flag>();
  private setupError: string | undefined;

  /** Flag words as upstream's parser hands them over (quotes already processed). */
  constructor(readonly args: readonly string[]) {}

  addBool(name: string, def: boolean): Flag {
    return this.add(name, 'bool', def ? 'true' : 'false');
  }

  addString(name: string, def: string): Flag {
    return this.add(name, 'string', def);
  }

  /** A flag that may be given several times (e.g. `--mount`). */
  addStrings(name: string): Flag {
    return this.add(name, 'strings', '');
  }

  private add(name: string, type: FlagType, value: string): Flag {
    const flag: Flag = { name, type, value, values: [] };
    if (this.flags.has(name)) this.setupError ??= `Duplicate flag defined: ${name}`;
    else this.flags.set(name, flag);
    return flag;
  }

  isUsed(name: string): boolean {
    return this.usedFlags.has(name);
  }

  /** Names of the flags that were given, in order of first use. */
  used(): string[] {
    return [...this.usedFlags.keys()];
  }

  /** Reads the flag words into the declared flags; throws with upstream's message on misuse. */
  parse(): void {
    if (this.setupError !== undefined) throw new Error(`error setting up flags: ${this.setupError}`);
    for (const word of this.args) {
      // A lone `--` ends the options (POSIX utility syntax).
      if (word === '--') return;
      if (!word.startsWith('--')) throw new Error(`arg should start with -- : ${word}`);
      const eq = word.indexOf('=');
      const flagName = eq < 0 ? word : word.slice(0, eq);
      const hasValue = eq >= 0;
      const value = hasValue ? word.slice(eq + 1) : '';
      const name = flagName.slice(2);

      const flag = this.flags.get(name);
      if (flag === undefined) {
        throw new Error(withSuggestion(`unknown flag: ${flagName}`, name, [...this.flags.keys()], true));
      }
      if (this.usedFlags.has(name) && flag.type !== 'strings') {
        throw new Error(`duplicate flag specified: ${flagName}`);
      }
      this.usedFlags.set(name, flag);

      switch (flag.type) {
        case 'bool': {
          if (hasValue && value === '') throw new Error(`missing a value on flag: ${flagName}`);
          const lower = goToLower(value);
          if (lower === 'true' || lower === '') flag.value = 'true';
          else if (lower === 'false') flag.value = 'false';
          else throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
          break;
        }
        case 'string':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case 'strings':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.values.push(value);
          break;
      }
    }
  }
}
