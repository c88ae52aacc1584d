// dump-llb: prints a marshaled LLB Definition one op per line, in the JSON
// that `buildctl debug dump-llb` prints.
import { dumpDefinition } from '../llb/dump.ts';
import { LLBError } from '../llb/errors.ts';
import { DecodeError } from '../protobuf/decode.ts';
import { CliError, readInput } from './common.ts';
import type { Command } from './common.ts';
import { writeOut } from './stdout.ts';

export const dumpLlb: Command = {
  usage: `Usage: dockerfile-llb dump-llb [FILE|-]

Reads a marshaled pb.Definition (what 'buildctl build' reads on stdin) from
FILE, or standard input when FILE is '-' or absent, and prints one JSON object
per op: {"Op": ..., "Digest": ..., "OpMetadata": ...}.
`,
  run(args) {
    if (args.length > 1) throw new CliError('dump-llb: expected at most one FILE', 2);
    const input = readInput(args[0] ?? '-');
    let out: string;
    try {
      out = dumpDefinition(input);
    } catch (err) {
      if (err instanceof DecodeError || err instanceof LLBError) throw new CliError(`dump-llb: invalid definition: ${err.message}`);
      throw err;
    }
    writeOut(out);
    return 0;
  },
};
