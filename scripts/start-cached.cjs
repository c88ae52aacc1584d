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
// it runs the bundle twice in this process (one compiled script, so the
// compiled functions add up): `llb` on a small sample Dockerfile (parser,
// converter, LLB marshaling), then the gateway with standard input at end of
// file (the gRPC modules load, the client is made and dials, the daemon's
// absence is noticed, the process exits); the cache then holds every
// function compiled by both.
'use strict';
const { Script } = require('node:vm');
const { readFileSync, rmSync, writeFileSync } = require('node:fs');
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

if (!make) {
  run();
} else {
  // Beside the bundle: the image may have no /tmp.
  const sample = join(__dirname, `dockerfile-llb-sample-${process.pid}.Dockerfile`);
  writeFileSync(
    sample,
    [
      'FROM scratch AS base',
      'ARG VERSION=1',
      'ENV A=$VERSION B="two words"',
      'WORKDIR /work',
      'COPY --chmod=644 a.txt b/ ./',
      'ADD --link c.tar /c/',
      'LABEL version=${VERSION:-0}',
      'FROM base AS build',
      'RUN --mount=type=cache,target=/cache --mount=type=secret,id=s echo "$A" > /out',
      'RUN ["/bin/sh", "-c", "true"]',
      'FROM scratch',
      'COPY --from=build /out /out',
      'USER 1000:1000',
      'EXPOSE 8080/tcp',
      'HEALTHCHECK --interval=5s CMD ["true"]',
      'ENTRYPOINT ["/out"]',
      'CMD ["--help"]',
      '',
    ].join('\n'),
  );
  process.argv.splice(2, process.argv.length - 2, 'llb', '-f', sample);
  run();
  process.once('beforeExit', () => {
    rmSync(sample, { force: true });
    if (process.exitCode) return; // the sample did not convert: fail the step
    process.argv.splice(2, process.argv.length - 2, 'frontend');
    process.on('exit', (code) => {
      // 3: the gateway found no daemon on its standard input, as expected here.
      if (code !== 3) return;
      writeFileSync(cacheFile, script.createCachedData());
      process.exitCode = 0;
    });
    run();
  });
}
