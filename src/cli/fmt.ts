// `fmt [FILE...]`: formats Dockerfiles (src/format), keeping every comment
// and heredoc body, and without --reindent never changing what they build.

import { writeFileSync } from 'node:fs';
import { parseArgs as parseNodeArgs } from 'node:util';
import { DockerfileError } from '../dockerfile/errors.ts';
import { format } from '../format/index.ts';
import { CliError, parseCommandLine, readInput, type Command } from './common.ts';
import { writeOut } from './stdout.ts';

const usage = `Usage: dockerfile-llb fmt [FILE...] [--check] [--write] [--reindent]

Formats Dockerfiles (default: ./Dockerfile; - reads stdin) and prints the
result. Keywords upper case, one space after the keyword and between flags,
JSON forms as ["a", "b"], no trailing white space, one blank line at most;
comments (also between continuation lines), directives and heredoc bodies are
kept byte for byte. The formatted file builds the same LLB and image config.

Options:
  --check      print the files that are not formatted; exit 1 if there are any
  --write      rewrite the files in place
  --reindent   also re-indent continuation lines (4 spaces). This changes the
               text of shell-form commands, so their build cache keys.

Exit status: 1 when a file does not parse (FILE:LINE: message) or, with
--check, is not formatted; else 0.
`;

export const fmtCommand: Command = {
  usage,
  run(args) {
    const { values: v, positionals } = parseCommandLine('fmt', usage, () =>
      parseNodeArgs({
        args,
        allowPositionals: true,
        options: { check: { type: 'boolean' }, write: { type: 'boolean' }, reindent: { type: 'boolean' } },
      }),
    );
    const files = positionals.length > 0 ? positionals : ['Dockerfile'];
    if (v.write && files.includes('-')) throw new CliError('fmt: --write cannot rewrite standard input', 2);
    let unformatted = 0;
    for (const file of files) {
      const input = readInput(file);
      const name = file === '-' ? '<stdin>' : file;
      let out: Uint8Array;
      try {
        out = format(input, { reindent: v.reindent === true });
      } catch (err) {
        if (err instanceof DockerfileError) throw new CliError(`${name}:${err.line}: ${err.message}`, 1);
        throw err;
      }
      const changed = !Buffer.from(out).equals(input);
      if (v.check) {
        if (changed) {
          unformatted++;
          writeOut(`${name}\n`);
        }
      } else if (v.write) {
        if (changed) writeFileSync(file, out);
      } else {
        writeOut(out);
      }
    }
    return unformatted > 0 ? 1 : 0;
  },
};
