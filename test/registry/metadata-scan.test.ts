// An image-metadata file's configs are found by a scan of the text
// (src/go/json-scan.ts) and passed on as the decoder would write them again
// (rawJSONText of parseGoJSON: no space between tokens, keys re-quoted,
// strings and numbers as written): a 10 MB config is not decoded into a
// tree first (issue 11, base-config-10mb). Checked against that decoding on
// odd texts: spacing, escapes in keys and values, duplicate entries and
// config members, number spellings, empty and nested containers, and
// against the decoder's own failure beyond Go's nesting limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGoJSON, rawJSONText } from '../../src/go/unmarshal.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';

const D = `"sha256:${'a'.repeat(64)}"`;

/** What each entry's config reads as, decoded as a whole. */
function decoded(text: string): Map<string, string> {
  const m = new Map<string, string>();
  const doc = parseGoJSON(text);
  if (doc.t !== 'object') return m;
  for (const [k, v] of doc.v) {
    const c = v.t === 'object' ? v.v.filter(([f]) => f === 'config').at(-1) : undefined;
    if (c !== undefined) m.set(k, rawJSONText(c[1]));
  }
  return m;
}

const TEXTS = [
  `{"a": {"digest": ${D}, "config": {"os": "linux", "config": {"Env": ["A=1"]}}}}`,
  `\n\t{ "a" : { "config" : { "k\\u00e9y" : [ 1.50 , 2e3, -0, 1E+2, "x\\"y\\\\", true , null ], "k\\ud800" : { } , "\\/": "\\/" } , "digest": ${D} } }\r\n`,
  `{"a":{"digest":${D},"config":{"x":1},"config":{"y":"\\\\"}},"a":{"digest":${D},"config":[[],{},[{"z":[]}]]}}`,
  `{"a":{"digest":${D},"config":"\\\\\\""},"b":{"digest":${D},"config":{"\\"":"\\u0022","é":"\u2028"}}}`,
  `{"b":{"digest":${D},"config":[ ]}, "c": {"digest": ${D}, "ref": "x", "config": 12.0}}`,
  `{"deep":{"digest":${D},"config":${'['.repeat(9999)}${']'.repeat(9999)}}}`,
  // Escapes in values only (no key to rewrite), one like a key and its colon.
  `{ "e" : { "digest" : ${D} , "config" : { "Env" : [ "A=\\"x\\": y" , "B=\\u0026\\\\" ] ,\n "k" :\t"\\\\", "n" : 1.50 } } }`,
  `{"f":{"digest":${D},"config":{"a":"\\":","b" : [ "\\"" , {"c":"d\\\\"} ]}}}`,
  // Sizes past what a regular expression's backtracking stack holds when one
  // match repeats a group without bound: 2.5 million strings (10 MB) ...
  `{"g":{"digest":${D},"config":[${'"a",'.repeat(2_500_000)}{"k\\"":"${'\\n'.repeat(1_000_000)}"}]}}`,
  // ... and one string of six million escapes (12 MB), with and without a key to write again.
  `{"h":{"digest":${D},"config":{"k":"${'\\n'.repeat(6_000_000)}"}},"i":{"digest":${D},"config":{"k\\u0041":"${'\\t'.repeat(6_000_000)}"}}}`,
];

test('configs found by scanning read as the decoded file gives them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'metadata-scan-'));
  try {
    for (const [i, text] of TEXTS.entries()) {
      const path = join(dir, `${i}.json`);
      writeFileSync(path, text);
      const r = MetadataFileResolver.fromFile(path);
      let want: Map<string, string> | Error;
      try {
        want = decoded(text);
      } catch (err) {
        want = err as Error;
      }
      if (want instanceof Error) {
        await assert.rejects(r.resolve('deep', { platform: { os: 'linux', architecture: 'amd64' } }), { message: want.message }, `text #${i}`);
        continue;
      }
      assert.ok(want.size > 0, `text #${i} has configs`);
      for (const [ref, config] of want) {
        const got = await r.resolve(ref, { platform: { os: 'linux', architecture: 'amd64' } });
        assert.equal(new TextDecoder().decode(got.config), config, `text #${i}, ${ref}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
