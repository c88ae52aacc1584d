#!/usr/bin/env node
// The program's entry point, dist/dockerfile-llb.js (the package's `bin`;
// /bin/dockerfile-llb.js in the frontend image): runs a bundle beside it
// exactly as `node <bundle> ARGS...` would, but compiled with a V8 code
// cache, so that the functions the cache holds need no parsing or compiling
// at start-up (~40 ms of a ~150 ms `llb` run; ~20 ms of a gateway build).
// The bundle is dockerfile-llb-core.js for the commands that need no daemon
// (CORE below; src/cli/commands.ts's coreCommands, which
// test/launcher.test.ts holds to the same names) and dockerfile-llb-bundle.js,
// which has every command, for anything else. scripts/build.mjs copies this
// file and writes the two bundles' SHA-256 into it.
//
// Which cache:
// - dockerfile-llb.cache beside the full bundle, when present: the frontend
//   image's, made while the image is built (`--make-code-cache` below);
//   scripts/build.mjs deletes it whenever it writes a new bundle.
// - otherwise one per bundle, node version, architecture and command in the
//   user's cache directory ($XDG_CACHE_HOME or ~/.cache, then
//   dockerfile-llb/code/), written when a run finds none there or V8 rejects
//   the one it found (another node binary or other V8 flags), as a
//   successful run exits (not a `--help` one); the newest 40 are kept. DOCKERFILE_LLB_CODE_CACHE=off neither reads nor writes it. The
//   name holds the bundle's hash because V8 checks a cache against the
//   source's length only.
// A cache V8 rejects costs nothing but the compiling it would have saved.
//
// `--make-code-cache` (a RUN step of frontend.Dockerfile) writes the image's
// cache: it runs the bundle's `rehearse` command (one practice build of a
// sample Dockerfile through the gateway frontend, against canned answers
// inside this process: src/frontend/rehearsal.ts), and when that succeeds
// the cache holds every function the build compiled — the gRPC client's call
// path, message encoding and decoding, parser, converter and LLB marshaling.
//
// As a gateway frontend (`frontend`), it first writes the start of the HTTP/2
// connection to standard output — the client magic and an empty SETTINGS
// frame — before anything else is read or compiled, so BuildKit's 10 s wait
// for them is met however slowly the rest loads (under emulation, seconds);
// src/frontend/preface.ts says how the gRPC client's own start is then
// relayed.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } = require('node:fs');

if (process.argv.length === 3 && process.argv[2] === 'frontend') {
  // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" and SETTINGS (length 0, type 4, no flags, stream 0).
  writeSync(1, Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\x04\0\0\0\0\0', 'latin1'));
  globalThis[Symbol.for('dockerfile-llb.early-preface')] = true;
}

const { Script } = require('node:vm');
const { dirname, join } = require('node:path');

const CORE = ['llb', 'dump-llb', 'parse', 'outline', 'targets', 'lint', 'fmt'];
const core = CORE.includes(process.argv[2]);
const BUNDLE_HASH = core ? 'CORE_BUNDLE_HASH' : 'FULL_BUNDLE_HASH';
const file = join(__dirname, core ? 'dockerfile-llb-core.js' : 'dockerfile-llb-bundle.js');
// (The image's cache is the full bundle's, for `frontend`.)
const besideCache = core ? undefined : join(__dirname, 'dockerfile-llb.cache');
const make = process.argv[2] === '--make-code-cache';
/** How many caches the user cache directory keeps (a few bundles' worth of commands). */
const KEEP = 40;

/** The user cache directory's file for this bundle, node and command (undefined: none). */
function userCacheFile() {
  if (process.env.DOCKERFILE_LLB_CODE_CACHE === 'off') return undefined;
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME ? join(process.env.HOME, '.cache') : '');
  if (!home || !/^[0-9a-f]{64}$/.test(BUNDLE_HASH)) return undefined;
  const command = /^[a-z][a-z-]{0,30}$/.test(process.argv[2] ?? '') ? process.argv[2] : '-';
  return join(home, 'dockerfile-llb', 'code', `${BUNDLE_HASH.slice(0, 16)}-${process.version}-${process.arch}-${command}.cache`);
}

const read = (f) => {
  try {
    return readFileSync(f);
  } catch {
    return undefined;
  }
};

let cacheFile;
let cachedData;
if (!make) {
  if (besideCache !== undefined) cachedData = read(besideCache);
  if (cachedData === undefined) {
    cacheFile = userCacheFile();
    if (cacheFile !== undefined) cachedData = read(cacheFile);
  }
}
// The bundle's text is its code inside the CommonJS module wrapper (scripts/build.mjs
// writes it so; run here, where there is no `module`, it evaluates to that
// function), so it is compiled as read: no copy of the whole text with the
// wrapper around it (~0.8 ms of a 40-line `llb` run).
const source = readFileSync(file, 'utf8');
// (The bundle has no import(): scripts/build.mjs says why.)
const script = new Script(source, { filename: file, cachedData });

const save = (to) => {
  try {
    const data = script.createCachedData();
    const tmp = `${to}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, to);
  } catch {
    // No cache this time (a read-only or full disk): the next run compiles.
  }
};

if (make) {
  process.argv.splice(2, process.argv.length - 2, 'rehearse');
  process.on('exit', (code) => {
    // rehearse exits 0 only when its sample built; otherwise the step fails.
    if (code === 0) writeFileSync(besideCache, script.createCachedData());
  });
} else if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
  // A help run compiles little but the argument parser: a cache made by it would
  // leave every later run of the command compiling the rest (`build --help`
  // first made each cached build ~20% slower).
  const help = process.argv.slice(2).some((a) => a === '--help' || a === '-h' || a === 'help');
  process.on('exit', (code) => {
    // A failed run (a usage error, an unknown command) compiled little worth keeping.
    if (code !== 0 || help) return;
    const dir = join(cacheFile, '..');
    // Each missing directory made in turn: Node.js's recursive mkdirSync spins for
    // ever where mkdir answers ENOENT under a directory that exists (/proc).
    const made = (d, again = true) => {
      try {
        mkdirSync(d);
        return true;
      } catch (e) {
        if (e.code === 'EEXIST') return true;
        if (e.code !== 'ENOENT' || !again || dirname(d) === d) return false;
        return made(dirname(d)) && made(d, false);
      }
    };
    if (!made(dir)) return;
    save(cacheFile);
    // Each new bundle adds its caches: keep the newest KEEP files.
    try {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.cache'))
        .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t);
      for (const { f } of files.slice(KEEP)) unlinkSync(join(dir, f));
    } catch {
      // Another process pruned first.
    }
  });
}

const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, file, __dirname);
