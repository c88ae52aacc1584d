// The one entry point: `node dist/dockerfile-llb.js <command> ...`.
// Each command lives in src/cli/<command>.ts and exports `run(args)`; it is
// loaded when it runs (src/cli/commands.ts). This is the full bundle's entry
// (dist/dockerfile-llb-bundle.js); src/cli-core.ts is the smaller one's.

import { coreCommands } from './cli/commands.ts';
import { daemonCommands } from './cli/daemon-commands.ts';
import { runCli } from './cli/main.ts';

runCli({ ...coreCommands, ...daemonCommands });
