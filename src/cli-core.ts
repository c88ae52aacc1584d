// The smaller bundle's entry (dist/dockerfile-llb-core.js): the commands that
// need no daemon, without the BuildKit client, the gateway frontend or gRPC.
// scripts/launcher.cjs runs it for those commands and the full bundle
// (src/cli.ts) for every other argument.

import { coreCommands } from './cli/commands.ts';
import { runCli } from './cli/main.ts';

runCli(coreCommands);
