// Feature goldens of the formatter: each directory of testdata/features/fmt
// holds input.Dockerfile, optionally options.json (FormatOptions), and
// output.Dockerfile, the formatted file as this project's own code wrote it
// (the formatter is this project's own behaviour; upstream has none). The
// goldens are reviewed by hand; UPDATE_GOLDEN=1 rewrites them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, type FormatOptions } from '../../src/format/index.ts';

const DIR = join('testdata', 'features', 'fmt');
const update = process.env.UPDATE_GOLDEN === '1';

for (const name of readdirSync(DIR).sort()) {
  test(`fmt golden: ${name}`, () => {
    const dir = join(DIR, name);
    const input = readFileSync(join(dir, 'input.Dockerfile'));
    const optFile = join(dir, 'options.json');
    const options = existsSync(optFile) ? (JSON.parse(readFileSync(optFile, 'utf8')) as FormatOptions) : {};
    const out = Buffer.from(format(input, options));
    const golden = join(dir, 'output.Dockerfile');
    if (update) writeFileSync(golden, out);
    assert.ok(existsSync(golden), `${golden} is missing (UPDATE_GOLDEN=1 writes it)`);
    assert.equal(out.toString('latin1'), readFileSync(golden).toString('latin1'));
    // The golden is itself formatted.
    assert.equal(Buffer.from(format(out, options)).toString('latin1'), out.toString('latin1'));
  });
}
