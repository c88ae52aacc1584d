// What the commands print on standard output, written with fs.writeSync on
// file descriptor 1 rather than through process.stdout: creating that stream
// loads Node's stream and net modules, ~3 ms of a run that converts a small
// Dockerfile. Should the descriptor be non-blocking and full (EAGAIN), the
// rest goes through process.stdout, and so does everything after it, in order.
import { writeSync } from 'node:fs';
import { CliError } from './error.ts';

let viaStream = false;

export function writeOut(data: string | Uint8Array): void {
  if (viaStream) {
    process.stdout.write(data);
    return;
  }
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off, buf.length - off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        viaStream = true;
        process.stdout.write(buf.subarray(off));
        return;
      }
      // The reader went away (`... | head`): no message worth more than the exit code.
      if (code === 'EPIPE') throw new CliError('', 141);
      throw err;
    }
  }
}

/**
 * Calls `done` once everything writeOut was given has been written: at once,
 * unless the rest went through process.stdout (then when that stream has
 * written it).
 */
export function afterOutput(done: () => void): void {
  if (viaStream) process.stdout.write('', () => done());
  else done();
}
