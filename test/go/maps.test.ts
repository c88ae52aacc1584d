// Plain objects standing for Go maps keep "__proto__" as a key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setKey } from '../../src/go/maps.ts';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import { encodeMessage } from '../../src/protobuf/encode.ts';
import { SolveRequest } from '../../src/gen/moby.buildkit.v1.frontend.ts';

test('setKey makes "__proto__" an own, enumerable key and leaves the prototype alone', () => {
  const m: Record<string, string> = {};
  setKey(m, '__proto__', 'x');
  setKey(m, 'a', 'y');
  assert.equal(Object.getPrototypeOf(m), Object.prototype);
  assert.deepEqual(Object.keys(m), ['__proto__', 'a']);
  assert.equal(Object.getOwnPropertyDescriptor(m, '__proto__')?.value, 'x');
  assert.equal(JSON.stringify(m), '{"__proto__":"x","a":"y"}');
  setKey(m, '__proto__', 'z');
  assert.equal(Object.getOwnPropertyDescriptor(m, '__proto__')?.value, 'z');
});

test('a protobuf map with a "__proto__" key decodes to that key', () => {
  const msg = { FrontendOpt: { a: '1' } } as Record<string, unknown>;
  setKey(msg.FrontendOpt as Record<string, string>, '__proto__', '2');
  const back = decodeMessage(SolveRequest, encodeMessage(SolveRequest, msg)) as { FrontendOpt: Record<string, string> };
  assert.deepEqual(Object.entries(back.FrontendOpt).sort(), [['__proto__', '2'], ['a', '1']]);
});
