// Compares one file with upstream: node --import ./test/register.mjs test/convert/fuzz/one.ts FILE ['{"buildArgs":{},"platforms":[],"opts":{}}']
import { readFileSync } from 'node:fs';
import { differential } from './differential.ts';

const file = process.argv[2];
const opts = JSON.parse(process.argv[3] ?? '{}') as { buildArgs?: Record<string, string>; platforms?: string[]; target?: string; opts?: Record<string, string>; dockerignore?: string };
const [r] = await differential([{ name: file, text: readFileSync(file, 'utf8'), buildArgs: opts.buildArgs ?? {}, platforms: opts.platforms ?? [], target: opts.target, opts: opts.opts ?? {}, dockerignore: opts.dockerignore }]);
console.log([...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])].join('\n') || 'identical');
