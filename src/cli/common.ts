import { readFileSync } from 'node:fs';

/** An error the CLI reports as one line on stderr, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number> | number;
}

/** Reads FILE, or standard input for `-`. */
export function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    throw new CliError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}
