// The frontend image's entry point (copied to dist/dockerfile-llb-start.js by
// scripts/build.mjs, to /bin/dockerfile-llb-start.js by frontend.Dockerfile):
// runs the bundle beside it, dockerfile-llb.js, exactly as `node
// dockerfile-llb.js ARGS...` would, but compiled with the V8 code cache in
// dockerfile-llb.cache, so functions the cache holds need no parsing or
// compiling at start-up (about 20 ms of a gateway run here). V8 rejects a
// cache made by another node binary, other V8 flags or another bundle, and
// the bundle is then compiled as usual.
//
// `--make-code-cache` (a RUN step of frontend.Dockerfile) writes the cache:
// it runs the bundle's `rehearse` command (one practice build of a sample
// Dockerfile through the gateway frontend, against canned answers inside
// this process: src/frontend/rehearsal.ts), and when that succeeds the cache
// holds every function the build compiled — the gRPC client's call path,
// message encoding and decoding, parser, converter and LLB marshaling.
//
// As a gateway frontend (`frontend`), it first writes the start of the HTTP/2
// connection to standard output — the client magic and an empty SETTINGS
// frame — before anything else is read or compiled, so BuildKit's 10 s wait
// for them is met however slowly the rest loads (under emulation, seconds);
// src/frontend/preface.ts says how the gRPC client's own start is then
// relayed.
'use strict';
const { readFileSync, writeFileSync, writeSync } = require('node:fs');

if (process.argv.length === 3 && process.argv[2] === 'frontend') {
  // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" and SETTINGS (length 0, type 4, no flags, stream 0).
  writeSync(1, Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\x04\0\0\0\0\0', 'latin1'));
  globalThis[Symbol.for('dockerfile-llb.early-preface')] = true;
}

const { Script } = require('node:vm');
const { join } = require('node:path');

const file = join(__dirname, 'dockerfile-llb.js');
const cacheFile = join(__dirname, 'dockerfile-llb.cache');
const make = process.argv[2] === '--make-code-cache';

let cachedData;
if (!make) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}
// The CommonJS module wrapper, as Node's loader applies it (the #! line is
// left to V8, which skips it in a script as Node does).
const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8').replace(/^#!.*/, '')}\n})`;
const script = new Script(source, { filename: file, cachedData });

const run = () => {
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, __dirname);
};

if (make) {
  process.argv.splice(2, process.argv.length - 2, 'rehearse');
  process.on('exit', (code) => {
    // rehearse exits 0 only when its sample built; otherwise the step fails.
    if (code === 0) writeFileSync(cacheFile, script.createCachedData());
  });
}
run();
