// The least a Node.js gateway frontend can do, for bench/e2e.ts: HTTP/2 over
// stdin/stdout with node:http2 (no gRPC library to load), a Ping, then
// Return with an empty result, then exit. Cached builds through it show how
// much of a build is the daemon's and the Node.js process's fixed cost.
'use strict';
const http2 = require('node:http2');
const { Duplex } = require('node:stream');

const session = http2.connect('http://localhost', {
  createConnection: () => Duplex.from({ readable: process.stdin, writable: process.stdout }),
});

/** One unary gRPC call of LLBBridge with an already encoded request message. */
function call(method, message) {
  return new Promise((resolve, reject) => {
    const req = session.request({
      ':method': 'POST',
      ':path': `/moby.buildkit.v1.frontend.LLBBridge/${method}`,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let status;
    req.on('response', (h) => (status = h['grpc-status'] ?? status));
    req.on('trailers', (t) => (status = t['grpc-status']));
    req.on('data', () => {});
    req.on('end', () => (status === '0' ? resolve() : reject(new Error(`${method}: grpc-status ${status}`))));
    req.on('error', reject);
    const frame = Buffer.alloc(5 + message.length); // uncompressed, 4-byte big-endian length
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, 5);
    req.end(frame);
  });
}

(async () => {
  await call('Ping', Buffer.alloc(0));
  // ReturnRequest{result: Result{}}: field 1, length-delimited, empty.
  await call('Return', Buffer.from([0x0a, 0x00]));
  process.exit(0);
})().catch((err) => {
  process.stderr.write(`floor.cjs: ${err.message}\n`);
  process.exit(1);
});
