// The generated protobuf code in src/gen/ must be what scripts/gen-proto.mjs
// makes from proto/ now: nobody edits it by hand, and nobody forgets to regenerate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('src/gen is current with proto/ (npm run gen:proto)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-proto.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
