// The CLI's main function, shared by the two bundles' entry points: src/cli.ts
// (every command) and src/cli-core.ts (the commands that need no daemon).

import { summaries, type CommandEntry } from './commands.ts';
import { CliError } from './error.ts';
import { writeOut } from './stdout.ts';

const USAGE = `dockerfile-llb: a Dockerfile frontend for BuildKit, in TypeScript

Usage: dockerfile-llb <command> [options]

Commands:
${Object.entries(summaries)
  .map(([name, summary]) => `  ${name.padEnd(10)} ${summary}`)
  .join('\n')}

Run 'dockerfile-llb <command> --help' for a command's options.
`;

async function main(commands: Record<string, CommandEntry>, argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeOut(USAGE);
    return name === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    process.stderr.write(`dockerfile-llb: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    writeOut(command.usage);
    return 0;
  }
  return command.run(rest);
}

/** Runs the command named by process.argv[2] and sets the exit code. */
export function runCli(commands: Record<string, CommandEntry>): void {
  main(commands, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof CliError) {
        if (err.message !== '') process.stderr.write(`${err.message}\n`);
        process.exitCode = err.exitCode;
        return;
      }
      // A bug of ours, not the user's: say so plainly, with the stack for a report.
      process.stderr.write(`dockerfile-llb: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
