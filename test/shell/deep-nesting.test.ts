// Inputs nested deeper than the JavaScript stack allows recursion
// (issue 11, finding 3): `${A:-${A:-...}}` 10,000 deep and exec-form JSON
// arrays nested up to Go's limit of 10,000 levels convert as upstream
// converts them (compared live with the oracle); an expansion that would
// outgrow the longest JavaScript string says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable } from '../oracle/oracle.ts';
import { differential, runOursConvert } from '../convert/fuzz/differential.ts';
import type { FuzzInput } from '../convert/fuzz/generate.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

function input(name: string, text: string): FuzzInput {
  return { name, text, buildArgs: {}, platforms: [], opts: {} };
}

/** A logical line split into physical lines under the scanner's 64 KiB limit. */
function continued(line: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < line.length; i += 5000) chunks.push(line.slice(i, i + 5000));
  return chunks.join('\\\n');
}

/** An exec-form CMD whose second element nests objects and arrays: 1 + 2 (n - 1) levels. */
function nestedJSON(n: number): string {
  return `FROM scratch\nCMD ${continued('["a", ' + '[{"k":'.repeat(n - 1) + '1' + '}]'.repeat(n - 1) + ']')}\n`;
}

test('deep nesting converts as upstream converts it', { skip, timeout: 120_000 }, async () => {
  const n = 10_000;
  const inputs = [
    input('${A:-...} 10000 deep', `FROM scratch\nENV B=${continued('${A:-'.repeat(n) + 'x' + '}'.repeat(n))}\n`),
    input('quoted ${A:-"..."} 5000 deep', `FROM scratch\nARG A\nRUN echo ${continued('"${A:-'.repeat(5000) + 'x' + '}"'.repeat(5000))}\n`),
    input('${A/x/...} 5000 deep', `FROM scratch\nENV A=x\nENV B=${continued('${A/x/'.repeat(5000) + 'y' + '}'.repeat(5000))}\n`),
    input('JSON nested 9999 levels (exec form, not strings)', nestedJSON(5000)),
    input('JSON nested 10001 levels (past Go’s limit: shell form)', nestedJSON(5001)),
    input('JSON nested 60001 levels', nestedJSON(30001)),
  ];
  const results = await differential(inputs);
  assert.deepEqual(results.map((r) => [r.input.name, [...r.diffs, r.robustness ?? ''].filter((d) => d !== '').join('\n')]), inputs.map((i) => [i.name, '']));
  assert.equal(results[0].ours.error, undefined);
});

test('an expansion past the longest JavaScript string fails saying so', async () => {
  const text = ['FROM scratch', 'ENV A=xx', ...Array<string>(30).fill('ENV A=$A$A')].join('\n') + '\n';
  const ours = await runOursConvert(input('doubling', text));
  assert.match(ours.error?.message ?? '', /^failed to process "\$A\$A": the expanded text would be longer than the maximum string length \(\d+ characters\)$/);
});
