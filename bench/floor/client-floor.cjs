// The least a Node.js BuildKit client process can do, for bench/build.ts:
// start, connect to buildkitd over HTTP/2 with node:http2 (no gRPC library to
// load), call the control API's ListWorkers once, exit. Any Node.js client's
// build takes at least this; the rest of `dockerfile-llb build`'s time is its
// own work (loading the bundle, the session, the frontend, the transfer).
//
//   node bench/floor/client-floor.cjs unix:///path/to/buildkitd.sock
'use strict';
const http2 = require('node:http2');
const net = require('node:net');

const addr = process.argv[2] || process.env.BUILDKIT_HOST || 'unix:///run/buildkit/buildkitd.sock';
if (!addr.startsWith('unix://')) {
  process.stderr.write('client-floor.cjs: a unix:// address, please\n');
  process.exit(2);
}
const session = http2.connect('http://localhost', { createConnection: () => net.connect(addr.slice('unix://'.length)) });
session.on('error', (err) => {
  process.stderr.write(`client-floor.cjs: ${err.message}\n`);
  process.exit(1);
});
const req = session.request({
  ':method': 'POST',
  ':path': '/moby.buildkit.v1.Control/ListWorkers',
  'content-type': 'application/grpc',
  te: 'trailers',
});
let status;
req.on('response', (h) => (status = h['grpc-status'] ?? status));
req.on('trailers', (t) => (status = t['grpc-status']));
req.on('data', () => {});
req.on('end', () => {
  if (status !== '0') {
    process.stderr.write(`client-floor.cjs: ListWorkers: grpc-status ${status}\n`);
    process.exit(1);
  }
  process.exit(0);
});
// An empty ListWorkersRequest: the 5-byte gRPC prefix alone.
req.end(Buffer.alloc(5));
