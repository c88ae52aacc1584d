// Bundles the whole program (CLI and gateway entry point) into one file that
// runs with plain `node` and needs no node_modules at run time.
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
  logLevel: 'warning',
});
