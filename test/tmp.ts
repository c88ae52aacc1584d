// Temporary directories the tests (and benchmarks) make, removed when the
// process exits, so that runs do not pile them up in the system's temporary
// directory. KEEP_TEMP=1 keeps them (to look at a failing case's files).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new directory under the system's temporary directory, named PREFIX + six random characters. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.length === 0 && process.env.KEEP_TEMP !== '1') {
    process.once('exit', () => {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    });
  }
  made.push(dir);
  return dir;
}
