// json.Unmarshal into a map[string][]byte (how dockerui reads a frontend's
// `input-metadata:NAME` option) against ours (goUnmarshal with a `bytes`
// element, src/go/base64.ts): base64 strings Go takes and refuses (padding,
// line breaks, spaces, the URL alphabet, bytes beyond ASCII), arrays of
// numbers, null, values of other kinds and broken JSON, each asked of the
// oracle's `bytes-map`. Needs Go; skipped without it locally, never in CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { goUnmarshal } from '../../src/go/unmarshal.ts';
import { prng } from '../parser/fuzz-inputs.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const PICKED = [
  '{}', '[]', '1', 'null', '"x"', '{', '', ' {} ', '{"a":"e30="}', '{"a":"e30"}', '{"a":"!!!!"}', '{"a":"e3\\n0="}', '{"a":"e3\\r\\n0="}',
  '{"a":1}', '{"a":null}', '{"a":[1]}', '{"a":"e30=","b":2}', '{"a":"e30=",}', '{"a":"ZQ=="}', '{"a":"ZQ="}', '{"a":"ZQ"}', '{"a":"Z"}',
  '{"a":"ZR=="}', '{"a":"e30= "}', '{"a":"e30=e30="}', '{"a":"e-0_"}', '{"a":true, "b":"!"}', '{"a":"!", "b":true}', '{"a":[256]}',
  '{"a":[1.5]}', '{"a":["x"]}', '{"a":[-1]}', '{"a":[1e2]}', '{"a":[null,2]}', '{"a":{}}', '{"a":"é"}', '{"a":"ZQ==\\n"}', '{"a":"Z\\nQ=\\n="}',
  '{"a":"Z Q=="}', '{"a":"ZQ=\\u003d"}', '{"a":"ZQ==","a":1}', '{"a":1,"a":"ZQ=="}', '{"a":[1,300,"x"]}', '{"a":""}', '{"a":"===="}',
  '{"a":"A==="}', '{"a":"AA=A"}', '{"a":"AAA="}', '{"a":"AAAA\\n"}', '{"a":"\\n"}', '{"a":[-0]}', '{"a":[0]}', '{"a":[255,0,128]}',
  '{"containerimage.config":"eyJvcyI6ImxpbnV4In0="}', '{"__proto__":"AA=="}',
  // Nesting at Go's limit of 10,000 and one past it (the scanner's error names the character that opened it).
  `{"a":${'['.repeat(9999)}${']'.repeat(9999)}}`, `{"a":${'['.repeat(10000)}${']'.repeat(10000)}}`, `{"a":${'{"b":'.repeat(10000)}1${'}'.repeat(10000)}}`,
];

const PIECES = ['e30=', 'ZQ==', 'ZQ=', 'ZQ', 'Z', 'AAAA', 'A', '=', '==', '\\n', '\\r', ' ', '-', '_', '+', '/', 'é', '!', '\\u003d', 'QUJD'];

function generated(n: number): string[] {
  const r = prng(20261205);
  const int = (k: number): number => Math.floor(r() * k);
  const value = (): string => {
    switch (int(8)) {
      case 0:
        return 'null';
      case 1:
        return String(int(300) - 20);
      case 2:
        return int(2) === 0 ? 'true' : '{}';
      case 3:
        return `[${Array.from({ length: int(4) }, () => ['1', '255', '256', '-1', '1.5', 'null', '"x"', '0'][int(8)]).join(',')}]`;
      default:
        return `"${Array.from({ length: int(6) }, () => PIECES[int(PIECES.length)]).join('')}"`;
    }
  };
  // A value Go takes: base64 of random bytes (line breaks here and there), numbers 0-255, null.
  const good = (): string => {
    if (int(6) === 0) return 'null';
    if (int(4) === 0) return `[${Array.from({ length: int(5) }, () => String(int(256))).join(',')}]`;
    const b64 = Buffer.from(Array.from({ length: int(10) }, () => int(256))).toString('base64');
    return `"${int(5) === 0 ? b64.replace(/(.{3})/, '$1\\n') : b64}"`;
  };
  const out = new Set<string>();
  while (out.size < n) {
    const pick = int(2) === 0 ? good : value;
    const members = Array.from({ length: int(4) }, () => `"${'abc'[int(3)]}":${pick()}`);
    let s = `{${members.join(',')}}`;
    if (int(20) === 0) s = s.slice(0, int(s.length));
    out.add(s);
  }
  return [...out];
}

/** Ours in the oracle's shape. */
function ours(text: string): string {
  let m: Record<string, Uint8Array | undefined> | undefined;
  try {
    m = goUnmarshal(text, { kind: 'map', elem: { kind: 'bytes' } }) as Record<string, Uint8Array | undefined> | undefined;
  } catch (e) {
    return JSON.stringify({ error: (e as Error).message });
  }
  if (m === undefined) return JSON.stringify({ value: null });
  const value: Record<string, string | null> = Object.create(null);
  for (const k of Object.keys(m).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
    const v = m[k];
    value[k] = v === undefined ? null : Buffer.from(v).toString('base64');
  }
  return JSON.stringify({ value });
}

test('goUnmarshal reads a map[string][]byte as encoding/json does (base64, arrays, errors)', { skip }, () => {
  const inputs = [...PICKED, ...generated(5000)];
  const answers = runOracleLines('bytes-map', inputs);
  const differing: string[] = [];
  let errors = 0;
  for (let i = 0; i < inputs.length; i++) {
    const want = JSON.stringify(JSON.parse(answers[i]!));
    if (want.startsWith('{"error"')) errors++;
    const got = ours(inputs[i]!);
    if (got !== want) differing.push(`${JSON.stringify(inputs[i])}: ours ${got}, Go ${want}`);
  }
  console.log(`bytes map: ${inputs.length - differing.length}/${inputs.length} identical (${errors} errors in Go)`);
  assert.deepEqual(differing.slice(0, 20), []);
  assert.ok(errors > 500 && inputs.length - errors > 500, `${errors} errors of ${inputs.length}`);
});
