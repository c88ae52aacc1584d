// `frontend`: run as a BuildKit gateway frontend (the image's entrypoint).
import type { Command } from './common.ts';

const usage = `Usage: dockerfile-llb frontend

Runs the Dockerfile frontend as a BuildKit gateway frontend: speaks gRPC with
the daemon over standard input and output. BuildKit starts it; it is not
meant to be run by hand. Options arrive as BUILDKIT_FRONTEND_OPT_* variables.
`;

async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(usage);
    return 2;
  }
  // Loaded on demand: the gRPC stack is only needed here, and evaluating it
  // at start-up would slow every other command.
  const { runGateway } = await import('../frontend/main.ts');
  const code = await runGateway();
  // Pending gRPC timers or pipes must not keep the process alive.
  process.exit(code);
}

export const frontendCommand: Command = { usage, run };
