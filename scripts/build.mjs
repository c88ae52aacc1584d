// Bundles the whole program (CLI and gateway entry point) into one file that
// runs with plain `node` and needs no node_modules at run time.
import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

// Two bundles, run by the entry point dist/dockerfile-llb.js
// (scripts/launcher.cjs) through a V8 code cache: dist/dockerfile-llb-bundle.js
// holds every command (src/cli.ts); dist/dockerfile-llb-core.js only those
// that need no daemon (src/cli-core.ts: no BuildKit client, gateway frontend
// or gRPC), about a quarter of the size, so less to read and load at start.
const BUNDLES = { 'dist/dockerfile-llb-bundle.js': 'src/cli.ts', 'dist/dockerfile-llb-core.js': 'src/cli-core.ts' };
for (const [outfile, entry] of Object.entries(BUNDLES)) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    // Less to read and compile at every start (about 10 ms of a ~100 ms run).
    // Local and bundle-level names are shortened too: a quarter less text,
    // ~1.5 ms of a 40-line `llb` run (reading, compiling with the code cache
    // and the run itself). An internal error's stack then names shortened
    // functions: DOCKERFILE_LLB_KEEP_NAMES=1 builds bundles that keep them.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: process.env.DOCKERFILE_LLB_KEEP_NAMES !== '1',
    logLevel: 'warning',
    // grpc-js requires @grpc/proto-loader only to serve channelz and ORCA from
    // its own .proto files, which the bundle neither has nor enables: left
    // out (155 kB, an eighth of the bundle), such a require would fail as
    // the missing .proto files already make it fail.
    external: ['@grpc/proto-loader'],
    // import.meta.url in a CommonJS bundle: the bundle's own file (the lint
    // pack finds its .wasm files beside it), made when first asked for.
    define: { 'import.meta.url': 'importMeta.url' },
    inject: ['scripts/import-meta-url.cjs'],
  });

  // The bundle runs from a V8 code cache (scripts/launcher.cjs), and in Node 20
  // a function restored from a code cache has lost the loader of import():
  // it fails with "A dynamic import callback was not specified". The only
  // import() calls in the bundle are web-tree-sitter's (the lint pack's shell
  // parser), of two built-in modules whose named exports it takes; Node's
  // require() gives the same. Any other import() stops the build here.
  let text = readFileSync(outfile, 'utf8');
  for (const name of ['module', 'fs/promises']) {
    const call = `import("${name}")`;
    if (!text.includes(call)) throw new Error(`${outfile}: no ${call} to replace (web-tree-sitter changed?)`);
    text = text.replaceAll(call, `Promise.resolve(__nodeRequire("${name}"))`);
  }
  // grpc-js loads node:zlib (message compression, which BuildKit's connections
  // never negotiate) and node:dns (names resolved for tcp:// addresses) as its
  // modules load: ~1.5 ms of every `build` over a unix socket. Each becomes an
  // object that loads the built-in on first use of one of its members (grpc-js
  // uses them only so: zlib.deflate(...), dns_1.promises).
  if (outfile.endsWith('-bundle.js')) {
    for (const name of ['zlib', 'dns']) {
      const eager = new RegExp(`([A-Za-z_$][\\w$]*)=require\\("${name}"\\)`, 'g');
      if (!eager.test(text)) throw new Error(`${outfile}: no require("${name}") to make lazy (grpc-js changed?)`);
      text = text.replace(eager, (_, binding) => `${binding}=new Proxy({},{get:(_,k)=>require("${name}")[k]})`);
    }
  }
  // (web-tree-sitter declares its own `require` where it calls import().)
  if (!text.startsWith('"use strict";')) throw new Error(`${outfile}: does not start with "use strict";`);
  text = `"use strict";var __nodeRequire=require;${text.slice('"use strict";'.length)}`;
  // The code inside the CommonJS module wrapper, as the launcher compiles it
  // (scripts/launcher.cjs takes the text as it is): evaluated where there is
  // no `module` (the launcher's script), the text is that function; run by
  // `node <bundle>`, it calls the function with its own module's arguments.
  text =
    '(function (run) { return typeof module === "object" && module !== null ? run(exports, require, module, __filename, __dirname) : run; })' +
    `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const left = /\bimport\(/.exec(text);
  if (left) throw new Error(`${outfile}: an import() the code cache would break: ${text.slice(left.index, left.index + 60)}`);
  writeFileSync(outfile, text);
}

// The shell parser of the lint pack (web-tree-sitter and its bash grammar),
// loaded from beside the bundle when the pack runs.
const require = createRequire(import.meta.url);
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), 'dist/tree-sitter-bash.wasm');

// The formatter as a library (`require('dockerfile-llb/format').format(text, options)`),
// for editors and other tools; it needs nothing but the parser.
await build({
  entryPoints: ['src/format/index.ts'],
  outfile: 'dist/format.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
});

// The bundle is CommonJS but the package is "type": "module"; this marker
// makes Node load dist/*.js as CommonJS (its require() calls work).
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

// The entry point (the package's bin and the frontend image's entrypoint):
// runs the bundle with a V8 code cache (scripts/launcher.cjs), which it finds
// by the bundle's hash. A cache made beside an earlier bundle
// (`--make-code-cache`) is stale now.
const hashOf = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');
let launcher = readFileSync('scripts/launcher.cjs', 'utf8');
for (const [placeholder, f] of [['FULL_BUNDLE_HASH', 'dist/dockerfile-llb-bundle.js'], ['CORE_BUNDLE_HASH', 'dist/dockerfile-llb-core.js']]) {
  if (!launcher.includes(`'${placeholder}'`)) throw new Error(`scripts/launcher.cjs: no '${placeholder}'`);
  launcher = launcher.replace(`'${placeholder}'`, `'${hashOf(f)}'`);
}
writeFileSync('dist/dockerfile-llb.js', launcher);
chmodSync('dist/dockerfile-llb.js', 0o755);
rmSync('dist/dockerfile-llb.cache', { force: true });
rmSync('dist/dockerfile-llb-start.js', { force: true });

// The library's two entry points as ES modules: the root
// (`import { convert, connect } from 'dockerfile-llb'`, src/index.ts) and the
// LLB SDK (`dockerfile-llb/llb`, src/llb/index.ts), their shared code in
// dist/chunk-*.mjs (so both see one State class); and type declarations
// made by tsc from the two (their imports rewritten from .ts to .js).
for (const name of readdirSync('dist')) if (/^chunk-.*\.mjs$/.test(name)) rmSync(join('dist', name));
await build({
  entryPoints: { index: 'src/index.ts', llb: 'src/llb/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  // grpc-js is CommonJS and requires Node built-ins: give the ES module a require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // (As in the CommonJS bundles above.)
  external: ['@grpc/proto-loader'],
  logLevel: 'warning',
});
rmSync('dist/types', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const rewrite = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) rewrite(p);
    else if (name.endsWith('.d.ts')) writeFileSync(p, readFileSync(p, 'utf8').replace(/(from '\.{1,2}\/[^']*)\.ts'/g, "$1.js'"));
  }
};
rewrite('dist/types');
