// The CLI's main function, shared by the two bundles' entry points: src/cli.ts
// (every command) and src/cli-core.ts (the commands that need no daemon).

import { coreCommands, summaries, type CommandEntry } from './commands.ts';
import { CliError } from './error.ts';
import { afterOutput, writeOut } from './stdout.ts';

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
  const name = process.argv[2] ?? '';
  main(commands, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      if (exitsWhenDone(name)) afterOutput(() => process.exit(code));
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

/**
 * Whether the process may exit as soon as the command is done, rather than
 * when the event loop is empty: the commands that need no daemon leave
 * nothing running behind them, and neither does `build` once its Solve has
 * returned (the daemon has then exported every output, and the session has
 * written each one to its file or stream before ending its call; the
 * connections left open are closed by the exit). Exiting skips Node's
 * teardown of the environment and heap: ~1.5 ms of a run converting a
 * 40-line Dockerfile, ~4 ms of a fully cached `build`. Only on Linux, where
 * Node writes standard output and error to files, pipes, sockets and
 * terminals synchronously, so that nothing written through process.stdout
 * or process.stderr is left behind (elsewhere some of those writes are
 * asynchronous, which process.exit would cut short).
 */
function exitsWhenDone(name: string): boolean {
  return process.platform === 'linux' && (Object.hasOwn(coreCommands, name) || name === 'build');
}
