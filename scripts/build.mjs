// Bundles the whole program (CLI and gateway entry point) into one file that
// runs with plain `node` and needs no node_modules at run time.
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/dockerfile-llb.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  // Less to read and compile at every start (about 10 ms of a ~100 ms run);
  // identifiers are kept so an internal error's stack stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // import.meta.url in a CommonJS bundle: the bundle's own file (the lint
  // pack finds its .wasm files beside it).
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['scripts/import-meta-url.cjs'],
});

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

// The frontend image's entry point: runs the bundle with a V8 code cache
// (scripts/start-cached.cjs; frontend.Dockerfile makes the cache).
copyFileSync('scripts/start-cached.cjs', 'dist/dockerfile-llb-start.js');

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
