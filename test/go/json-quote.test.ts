// Go's json.Marshal of a string against ours (goQuoteJSON, src/go/json.ts),
// and json.MarshalIndent of a json.RawMessage against goIndentRaw (a raw
// exporter response in `build --metadata-file`),
// which quotes every string of the JSON upstream writes (image configs,
// dump-llb, subrequest answers): every code point of the Basic Multilingual
// Plane but the surrogates, astral ones, and generated strings mixing the
// characters either side escapes, each asked of the oracle's `json-quote`.
// (A lone surrogate stands for a byte that is no UTF-8, which a JSON line
// cannot carry to Go; such strings keep the character-by-character path, and
// the go-semantics corpus's invalid-UTF-8 files reach it.)
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goIndentRaw, goQuoteJSON } from '../../src/go/json.ts';
import { prng } from '../parser/fuzz-inputs.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

/** Characters either encoder treats apart, and some plain ones. */
const PIECES = ['"', '\\', '<', '>', '&', '\u2028', '\u2029', '\b', '\f', '\n', '\r', '\t', '\0', '\u001f', '\u007f', '\u0080', '/', "'", 'a', 'é', '\u{1f600}', '\\u0041', ' ', '\ufeff'];

function inputs(): string[] {
  const out: string[] = ['', 'plain', '\n'.repeat(100_000), '<'.repeat(10_000) + '&'];
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) out.push(String.fromCharCode(c));
  for (const c of [0x10000, 0x1f600, 0x10ffff]) out.push(String.fromCodePoint(c));
  const random = prng(20261206);
  const int = (n: number): number => Math.floor(random() * n);
  for (let i = 0; i < 5_000; i++) {
    let s = '';
    for (let n = int(12); n > 0; n--) s += PIECES[int(PIECES.length)];
    out.push(s);
  }
  return out;
}

test("goQuoteJSON quotes every string as Go's json.Marshal does", { skip }, () => {
  const strings = inputs();
  const answers = runOracleLines('json-quote', strings);
  const differing: string[] = [];
  for (let i = 0; i < strings.length; i++) {
    const want = JSON.parse(answers[i]!) as string;
    const got = goQuoteJSON(strings[i]!);
    if (got !== want) differing.push(`${JSON.stringify(strings[i]!.slice(0, 40))}: ours ${got.slice(0, 60)}, Go ${want.slice(0, 60)}`);
  }
  console.log(`json quote: ${strings.length - differing.length}/${strings.length} identical`);
  assert.deepEqual(differing.slice(0, 20), []);
});

test("goIndentRaw indents raw JSON as json.MarshalIndent writes a json.RawMessage", { skip, timeout: 120_000 }, () => {
  const configs = Object.values(JSON.parse(readFileSync(join('testdata', 'convert', 'image-metadata.json'), 'utf8')) as Record<string, { config: unknown }>);
  const texts = [
    ...configs.map((c) => JSON.stringify(c.config)),
    ...configs.slice(0, 3).map((c) => JSON.stringify(c.config, null, 3)),
    '{}', '[]', '{"a":{},"b":[],"c":[{}],"d":[[]]}', ' { "a" : [ 1 , 2.50 , -0 , 1e+2 , true , false , null ] } ', '"<a>&\\u2028\u2029"',
    '{"k\\"<>":"v\\u0026&","\\u00e9":"\\ud83d\\ude00"}', '12', 'null', '"\\n\\t\\"\\\\"',
    // One string of six million escapes: the tokenizer once repeated a group per escape, which overflows.
    `{"Env":["A=${'\\n'.repeat(6_000_000)}"]}`,
  ];
  const answers = runOracleLines('json-indent', texts);
  const differing: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const want = JSON.parse(answers[i]!) as string;
    let got: string;
    try {
      got = `{\n  ${goQuoteJSON('k')}: ${goIndentRaw(texts[i]!, 1)}\n}`;
    } catch (err) {
      got = `error: ${(err as Error).message}`;
    }
    if (got !== want) differing.push(`${texts[i]!.slice(0, 60)}: ours ${got.slice(0, 80)}, Go ${want.slice(0, 80)}`);
  }
  console.log(`json indent raw: ${texts.length - differing.length}/${texts.length} identical`);
  assert.deepEqual(differing, []);
});
