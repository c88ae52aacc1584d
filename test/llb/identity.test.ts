// identity.NewID's form: 25 characters of [0-9a-z] (issue 11, finding 10:
// COPY --link progress groups had base64url ids holding '-' and '_').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newID } from '../../src/llb/index.ts';
import { convertDockerfile } from '../../src/dockerfile/convert/index.ts';
import { definitionOps, Definition } from '../../src/llb/index.ts';

test('newID gives 25 characters of [0-9a-z], all different', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 5000; i++) {
    const id = newID();
    assert.match(id, /^[0-9a-z]{25}$/);
    seen.add(id);
  }
  assert.equal(seen.size, 5000);
});

test('COPY --link progress group ids have upstream’s form', async () => {
  const res = await convertDockerfile(Buffer.from('FROM scratch\nCOPY --link a /a\nCOPY --link b /b\n'), {});
  const def = Definition.decode(res.state.marshal().encode());
  const groups = definitionOps(def).map((o) => o.metadata.progressGroup?.id).filter((id) => id !== undefined);
  assert.ok(groups.length >= 2, `progress groups: ${groups.join(',')}`);
  for (const id of groups) assert.match(id!, /^[0-9a-z]{25}$/);
});
