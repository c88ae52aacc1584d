// A parity corpus: one test per Dockerfile of a directory, each comparing
// ours with upstream and failing on any difference, and the results kept for
// the corpus's summary test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Corpus {
  /** The directory's *.Dockerfile names, sorted. */
  files: string[];
  /** Each file's differences (empty: identical), once its test ran. */
  results: Map<string, string[]>;
}

/** Registers a test `LABEL: FILE` for every Dockerfile in `dir`, run with `compare(path)`. */
export function corpusTests(label: string, dir: string, skip: string | false, compare: (path: string) => Promise<string[]>): Corpus {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.Dockerfile'))
    .sort();
  const results = new Map<string, string[]>();
  for (const f of files) {
    test(`${label}: ${f}`, { skip }, async () => {
      let diffs: string[];
      try {
        diffs = await compare(join(dir, f));
      } catch (err) {
        diffs = [`comparison failed: ${err instanceof Error ? err.message : String(err)}`];
      }
      results.set(f, diffs);
      assert.deepEqual(diffs, [], diffs.join('\n'));
    });
  }
  return { files, results };
}
