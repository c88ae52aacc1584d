// Compares one file with upstream: node --import ./test/register.mjs test/convert/fuzz/one.ts FILE ['{"buildArgs":{},"platforms":[],"opts":{}}']
// (the second argument as the second line of a differing input's .txt written by run.ts: buildArgs,
// platforms, target, opts, dockerignore, images). A file whose bytes are no UTF-8 is compared as bytes.
import { readFileSync } from 'node:fs';
import { differential } from './differential.ts';
import { hasInvalidUTF8 } from '../../../src/dockerfile/parser/bytes.ts';

const file = process.argv[2];
const opts = JSON.parse(process.argv[3] ?? '{}') as { buildArgs?: Record<string, string>; platforms?: string[]; target?: string; opts?: Record<string, string>; dockerignore?: string; images?: Record<string, string> };
const data = readFileSync(file);
const bytes = hasInvalidUTF8(data.toString('latin1')) ? data : undefined;
const text = bytes === undefined ? data.toString('utf8') : data.toString('latin1');
const [r] = await differential([
  { name: file, text, bytes, buildArgs: opts.buildArgs ?? {}, platforms: opts.platforms ?? [], target: opts.target, opts: opts.opts ?? {}, dockerignore: opts.dockerignore, images: opts.images },
]);
console.log([...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])].join('\n') || (r.known ? `known: ${r.known}` : 'identical'));
