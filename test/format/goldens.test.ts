// The formatter's feature cases are testdata/features/fmt-* (their
// fmt.Dockerfile goldens are checked by test/features/features.test.ts):
// here, each golden is itself formatted (formatting it again changes
// nothing) and is what the library gives too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from '../../src/format/index.ts';

const DIR = join('testdata', 'features');

for (const name of readdirSync(DIR).filter((n) => n.startsWith('fmt-')).sort()) {
  test(`fmt case ${name}: the golden is formatted and is format()'s output`, () => {
    const dir = join(DIR, name);
    const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { reindent?: boolean };
    const golden = join(dir, 'fmt.Dockerfile');
    assert.ok(existsSync(golden), `${golden} is missing (UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/features writes it)`);
    const out = readFileSync(golden);
    assert.equal(Buffer.from(format(readFileSync(join(dir, 'Dockerfile')), { reindent: c.reindent })).toString('latin1'), out.toString('latin1'));
    assert.equal(Buffer.from(format(out, { reindent: c.reindent })).toString('latin1'), out.toString('latin1'));
  });
}
