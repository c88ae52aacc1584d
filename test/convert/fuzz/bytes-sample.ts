// Compares only the raw-byte inputs (issue 11, finding 7) of a fuzz seed with upstream:
//   node --import ./test/register.mjs test/convert/fuzz/bytes-sample.ts [SEED] [COUNT]
// Takes the first COUNT inputs of the seed whose kind is `bytes:` and prints,
// per input that is not identical, its name and its known class or its
// differences, then `bytes sample: N inputs, D differing, K known`.
import { generate, type FuzzInput } from './generate.ts';
import { differential, releaseInputs } from './differential.ts';

const seed = Number(process.argv[2] ?? '1');
const count = Number(process.argv[3] ?? '500');
const inputs: FuzzInput[] = [];
for (let i = 0; inputs.length < count; i++) {
  const a = generate(seed, i);
  if (a.name.startsWith('bytes:')) inputs.push(a);
}
let differing = 0;
let known = 0;
for (let i = 0; i < inputs.length; i += 250) {
  const batch = inputs.slice(i, i + 250);
  for (const r of await differential(batch)) {
    if (r.known !== undefined) {
      known++;
      console.log(`KNOWN ${r.input.name}: ${r.known}`);
    }
    if (r.diffs.length > 0 || r.robustness !== undefined) {
      differing++;
      console.log(`DIFF ${r.input.name}:\n  ${[...r.diffs, r.robustness ?? ''].join('\n  ')}`);
    }
  }
  releaseInputs(batch);
}
console.log(`bytes sample: ${inputs.length} inputs, ${differing} differing, ${known} known`);
