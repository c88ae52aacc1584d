// Go's llb.NewDefinitionOp behaviours that the byte-identity catalogue cannot
// show (test/llb/catalog.ts has the definition-* parity cases): a definition
// without ops fails to marshal, and a loaded state takes no platform from its
// head op (Go's NewState gets the op itself as the output, which has no
// Platform method), so what is built on it uses the marshal platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as llb from '../../src/llb/index.ts';

const amd64: llb.Platform = { os: 'linux', architecture: 'amd64' };
const arm64: llb.Platform = { os: 'linux', architecture: 'arm64' };

test('a definition without ops fails to marshal as in Go', () => {
  const st = llb.definitionState(llb.scratch().marshal({ platform: amd64 }).toPb());
  assert.throws(() => st.file(llb.mkfile('/f', 0o644, 'f')).marshal({ platform: amd64 }), /^LLBError: cannot marshal empty definition op$/);
});

test('the loaded head keeps its bytes; a run on it takes the marshal platform, not the head op\'s', () => {
  const inner = llb.image('busybox', { platform: arm64 }).run({ args: ['true'] }).root();
  const def = inner.marshal({ platform: amd64 });
  const loaded = llb.definitionState(def.toPb());
  const again = loaded.marshal({ platform: amd64 });
  assert.deepEqual(again.def.map((b) => Buffer.from(b).toString('hex')), def.def.map((b) => Buffer.from(b).toString('hex')));
  const ops = llb.definitionOps(loaded.run({ args: ['ls'] }).root().marshal({ platform: amd64 }));
  const exec = ops.filter((o) => o.op.op?.case === 'exec');
  assert.equal(exec.length, 2);
  assert.equal(exec[0].op.platform?.Architecture, 'arm64');
  assert.equal(exec[1].op.platform?.Architecture, 'amd64');
});

test('op bytes that do not decode are refused', () => {
  assert.throws(() => llb.definitionState({ def: [new Uint8Array([0xff, 0xff])] }), /failed to parse llb proto op/);
});
