// LLBBridge against a local grpc-js server (no daemon): the 16 MiB send
// limit fails as Go's grpc client does (ResourceExhausted, "trying to send
// message larger than max (N vs. 16777216)"), without reaching the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { BridgeError, LLBBridge, MAX_MESSAGE } from '../../src/frontend/bridge.ts';
import { encodeMessage } from '../../src/protobuf/encode.ts';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import * as gw from '../../src/gen/moby.buildkit.v1.frontend.ts';

async function withServer(fn: (bridge: LLBBridge, calls: number[]) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bridge-test-'));
  const calls: number[] = [];
  const server = new grpc.Server({ 'grpc.max_receive_message_length': -1 });
  server.addService(
    {
      Warn: {
        path: '/moby.buildkit.v1.frontend.LLBBridge/Warn',
        requestStream: false,
        responseStream: false,
        requestSerialize: (m: gw.WarnRequest) => Buffer.from(encodeMessage(gw.WarnRequest, m)),
        requestDeserialize: (b: Buffer) => decodeMessage(gw.WarnRequest, b),
        responseSerialize: (m: gw.WarnResponse) => Buffer.from(encodeMessage(gw.WarnResponse, m)),
        responseDeserialize: (b: Buffer) => decodeMessage(gw.WarnResponse, b),
      },
    },
    {
      Warn: (call: grpc.ServerUnaryCall<gw.WarnRequest, gw.WarnResponse>, cb: grpc.sendUnaryData<gw.WarnResponse>) => {
        calls.push(call.request.short?.length ?? 0);
        cb(null, {});
      },
    },
  );
  const target = `unix:${join(dir, 'sock')}`;
  await new Promise<void>((resolve, reject) => server.bindAsync(target, grpc.ServerCredentials.createInsecure(), (e) => (e ? reject(e) : resolve())));
  const bridge = new LLBBridge(target);
  try {
    await fn(bridge, calls);
  } finally {
    bridge.close();
    server.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a request over 16 MiB fails with ResourceExhausted and Go grpc’s message, unsent', async () => {
  await withServer(async (bridge, calls) => {
    const short = new Uint8Array(17 << 20);
    const size = encodeMessage(gw.WarnRequest, { short }).length; // tag + 4-byte length + data
    assert.equal(size, (17 << 20) + 5);
    await assert.rejects(bridge.warn({ short }), (err: unknown) => {
      assert.ok(err instanceof BridgeError);
      assert.equal(err.code, grpc.status.RESOURCE_EXHAUSTED);
      assert.equal(err.code, 8);
      assert.equal(err.method, 'Warn');
      assert.equal(err.message, `trying to send message larger than max (${size} vs. 16777216)`);
      return true;
    });
    assert.deepEqual(calls, []);
  });
});

test('a request of exactly 16 MiB is sent', async () => {
  await withServer(async (bridge, calls) => {
    const short = new Uint8Array(MAX_MESSAGE - 5);
    assert.equal(encodeMessage(gw.WarnRequest, { short }).length, MAX_MESSAGE);
    await bridge.warn({ short });
    assert.deepEqual(calls, [MAX_MESSAGE - 5]);
  });
});
