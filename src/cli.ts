// The one entry point: `node dist/dockerfile-llb.js <command> ...`.
// Each command lives in src/cli/<command>.ts and exports `run(args)`; it is
// loaded when it runs (src/cli/commands.ts).

import { commands } from './cli/commands.ts';
import { CliError } from './cli/error.ts';

const USAGE = `dockerfile-llb: a Dockerfile frontend for BuildKit, in TypeScript

Usage: dockerfile-llb <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'dockerfile-llb <command> --help' for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    process.stderr.write(`dockerfile-llb: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    // A bug of ours, not the user's: say so plainly, with the stack for a report.
    process.stderr.write(`dockerfile-llb: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
