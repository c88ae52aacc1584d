// `dockerfile-llb rehearse` (src/frontend/rehearsal.ts): the practice build
// that the frontend image's code cache is made from builds its sample and
// goes through every call a real build of it makes, so the cache covers them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rehearse } from '../../src/frontend/rehearsal.ts';

test('the rehearsal builds its sample through the whole gateway call path', async () => {
  const log = console.log;
  let r;
  try {
    r = await rehearse();
  } finally {
    console.log = log; // runGateway sends console.log to stderr
  }
  assert.equal(r.error, undefined);
  for (const m of ['Ping', 'Inputs', 'Solve', 'ReadFile', 'ResolveSourceMeta', 'Warn']) assert.ok(r.calls.includes(m), `${m} in ${r.calls.join(',')}`);
  assert.equal(r.calls.at(-1), 'Return');
  // The Dockerfile, its own .dockerignore and the context's: three reads.
  assert.equal(r.calls.filter((m) => m === 'ReadFile').length, 3);
});
