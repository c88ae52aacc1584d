// The hand-written encoders (pb.Op in llb/op-encode.ts, pb.Definition in
// definition-encode.ts) must write exactly what the generic descriptor-driven
// encoder writes: checked on every op and definition of the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Definition, encodeMessage } from '../../src/llb/index.ts';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import { encodeOp } from '../../src/llb/op-encode.ts';
import { Definition as PbDefinitionDesc, Op as PbOpDesc } from '../../src/gen/pb.ts';
import { catalog, marshalCase } from './catalog.ts';

test('hand-written Op and Definition encoders equal the generic encoder on every catalogue case', async () => {
  let ops = 0;
  for (const [name, c] of Object.entries(catalog)) {
    let bytes: Uint8Array;
    try {
      bytes = await marshalCase(c);
    } catch {
      continue; // cases that are expected to fail to marshal
    }
    const def = Definition.decode(bytes);
    assert.deepEqual(Buffer.from(def.encode()), Buffer.from(encodeMessage(PbDefinitionDesc, def.toPb())), `${name}: definition`);
    for (const opBytes of def.def) {
      const op = decodeMessage(PbOpDesc, opBytes);
      assert.deepEqual(Buffer.from(encodeOp(op)), Buffer.from(encodeMessage(PbOpDesc, op)), `${name}: op`);
      assert.deepEqual(Buffer.from(encodeOp(op)), Buffer.from(opBytes), `${name}: op round trip`);
      ops++;
    }
  }
  assert.ok(ops > 100, `only ${ops} ops checked`);
});
