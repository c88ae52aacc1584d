// The formatter's safety properties, over every Dockerfile in testdata/ and
// generated ones (untidy variants of the corpus, and the differential
// fuzzer's inputs): formatting is idempotent; every comment line is kept, in
// order; heredoc bodies are byte for byte the same; and without --reindent
// the formatted file converts to the same op digests and image config (or
// fails with the same error at the same, mapped, line) and gives the same
// build-check findings, lines mapped, except the casing findings the
// formatter's upper-case keywords fix (ConsistentInstructionCasing,
// FromAsCasing). With --reindent: idempotent, comments kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { parse } from '../../src/dockerfile/parser/index.ts';
import { toByteString } from '../../src/dockerfile/parser/bytes.ts';
import { format, formatWithLineMap } from '../../src/format/format.ts';
import { isCommentLine } from '../../src/format/lines.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';
import { placeholderResolver } from '../../src/cli/common.ts';
import { generate, Rng } from '../convert/fuzz/generate.ts';
import { buildSummary, caseArgs, lintSummary, type BuildCase } from './build-compare.ts';
import { messy } from './messy.ts';
import { conformanceCases, fuzzInputs } from '../parser/fuzz-inputs.ts';

const resolver = MetadataFileResolver.fromFile(join('testdata', 'convert', 'image-metadata.json'));
const FIXED_BY_STYLE = new Set(['ConsistentInstructionCasing', 'FromAsCasing']);

function dockerfiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) dockerfiles(p, out);
    else if (name === 'Dockerfile' || name.endsWith('.Dockerfile')) out.push(p);
  }
  return out;
}

function commentLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/[\r\n]+$/, ''))
    .filter((l) => isCommentLine(l))
    .map((l) => l.replace(/[ \t]+$/, ''));
}

/** `sub` appears in `all` in order (not necessarily adjacent). */
function isSubsequence(sub: string[], all: string[]): boolean {
  let i = 0;
  for (const x of all) if (i < sub.length && x === sub[i]) i++;
  return i === sub.length;
}

/**
 * Findings without those the formatter's style fixes, messages lower-cased
 * (they quote keywords as written).
 */
function withoutStyleFindings(findings: string[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (FIXED_BY_STYLE.has(f.split(' ')[0])) continue;
    const m = /^(error @\S* lint violation found for rules: )(.*)$/.exec(f);
    if (m !== null) {
      const rules = m[2].split(', ').filter((r) => !FIXED_BY_STYLE.has(r));
      if (rules.length === 0) continue;
      out.push((m[1] + rules.join(', ')).toLowerCase());
      continue;
    }
    out.push(f.toLowerCase());
  }
  return out;
}

interface Outcome {
  formatted: boolean;
  changed: boolean;
}

/** Checks every property for one input; returns whether it parsed and whether formatting changed it. */
const failures: string[] = [];

/** Runs `check`, recording a failed property instead of stopping at the first. */
async function checked(name: string, text: string, a: BuildCase, res: ImageResolver = resolver): Promise<Outcome> {
  try {
    return await check(name, text, a, res);
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
    return { formatted: false, changed: false };
  }
}

function assertNoFailures(): void {
  const found = failures.splice(0);
  assert.deepEqual(found.slice(0, 10), [], `${found.length} failures`);
}

async function check(name: string, text: string, a: BuildCase, res: ImageResolver): Promise<Outcome> {
  const src = toByteString(text);
  let before;
  try {
    before = parse(Buffer.from(src, 'latin1'));
  } catch (err) {
    assert.ok(err instanceof DockerfileError, `${name}: ${String(err)}`);
    assert.throws(() => format(text), { message: err.message }, `${name}: a file that does not parse gives the parser's error`);
    return { formatted: false, changed: false };
  }
  const { text: out, lineMap, keptAsWritten } = formatWithLineMap(src);
  // The formatter's own safety net (an instruction whose parse would change
  // is kept as written) is never needed on these inputs: the rules alone keep
  // the parse.
  assert.equal(keptAsWritten, 0, `${name}: no instruction needed to be kept as written`);
  assert.equal(formatWithLineMap(out).text, out, `${name}: formatting twice changes nothing`);
  assert.ok(isSubsequence(commentLines(src), commentLines(out)), `${name}: every comment line kept, in order`);
  const after = parse(Buffer.from(out, 'latin1'));
  assert.deepEqual(
    after.children.map((n) => n.heredocs),
    before.children.map((n) => n.heredocs),
    `${name}: heredocs byte for byte`,
  );
  const lineOf = (l: number): number => (l >= 1 && l <= lineMap.length ? lineMap[l - 1] : l);
  const inBytes = Buffer.from(src, 'latin1');
  const outBytes = Buffer.from(out, 'latin1');
  // Error messages quote keywords as written, so they are compared lower-cased.
  const build = async (bytes: Buffer, map?: (l: number) => number): Promise<string> => {
    const b = await buildSummary(bytes, a, res, map);
    return b.startsWith('error at ') ? b.toLowerCase() : b;
  };
  assert.equal(await build(outBytes), await build(inBytes, lineOf), `${name}: same op digests and image config`);
  const lintBefore = withoutStyleFindings(await lintSummary(inBytes, a, res, lineOf));
  const lintAfter = withoutStyleFindings(await lintSummary(outBytes, a, res));
  assert.deepEqual(lintAfter, lintBefore, `${name}: same build-check findings`);

  const re = formatWithLineMap(src, { reindent: true }).text;
  assert.equal(formatWithLineMap(re, { reindent: true }).text, re, `${name}: --reindent is idempotent`);
  assert.ok(isSubsequence(commentLines(src).map((l) => l.trim()), commentLines(re).map((l) => l.trim())), `${name}: --reindent keeps every comment`);
  return { formatted: true, changed: out !== src };
}

const files = dockerfiles('testdata');

test(`format: every Dockerfile in testdata (${files.length})`, async () => {
  let parsed = 0;
  let changed = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const o = await checked(f, text, caseArgs(text));
    if (o.formatted) parsed++;
    if (o.changed) changed++;
  }
  console.log(`format properties: ${files.length} testdata files (${parsed} parse, ${changed} changed by formatting)`);
  assertNoFailures();
  assert.ok(parsed > 300);
});

// Real-world Dockerfiles where the machine has them (the Go module cache: BuildKit's, docker/cli's, containerd's...),
// base images taken as empty images.
const goModules = join(process.env.HOME ?? '/root', 'go', 'pkg', 'mod');
test('format: real-world Dockerfiles on this machine (the Go module cache)', { skip: !existsSync(goModules) }, async () => {
  const found = dockerfiles(goModules);
  let changed = 0;
  for (const f of found) if ((await checked(f, readFileSync(f, 'utf8'), caseArgs(''), placeholderResolver)).changed) changed++;
  console.log(`format properties: ${found.length} Go module cache files (${changed} changed by formatting)`);
  assertNoFailures();
});

test('format: untidy variants of every testdata Dockerfile (two seeds)', async () => {
  let changed = 0;
  for (const seed of [17, 1717]) {
    const r = new Rng(seed);
    for (const f of files) {
      const text = messy(readFileSync(f, 'utf8'), r);
      if ((await checked(`messy(${seed}) ${f}`, text, caseArgs(text))).changed) changed++;
    }
  }
  console.log(`format properties: ${2 * files.length} untidy variants (${changed} changed by formatting)`);
  assertNoFailures();
  assert.ok(changed > files.length);
});

test('format: the differential fuzzer\'s generated Dockerfiles', async () => {
  const n = 400;
  for (let i = 0; i < n; i++) {
    const g = generate(1717, i);
    await checked(g.name, g.text, g);
  }
  assertNoFailures();
});

test('format: --reindent changes an indented shell-form RUN, and the build comparison sees it', async () => {
  const text = 'FROM alpine:3.19\nRUN echo a && \\\n  echo b\n';
  const re = format(text, { reindent: true });
  assert.equal(re, 'FROM alpine:3.19\nRUN echo a && \\\n    echo b\n');
  const a = caseArgs(text);
  assert.notEqual(await buildSummary(Buffer.from(re), a, resolver), await buildSummary(Buffer.from(text), a, resolver));
  assert.equal(await buildSummary(Buffer.from(format(text)), a, resolver), await buildSummary(Buffer.from(text), a, resolver));
});

test("format: upstream's parser conformance files and 5,000 of the parser fuzzer's inputs", () => {
  // Odd inputs (stray BOMs, NUL bytes, undecodable bytes, unterminated
  // quotes): formatting fails only as the parser does, is idempotent, and
  // keeps every instruction's parse (formatWithLineMap re-parses and keeps
  // an instruction as written where its parse would change; how many that
  // needed is printed).
  const inputs = [...conformanceCases().map((c) => c.text), ...fuzzInputs(1, 5000)];
  let parsed = 0;
  let kept = 0;
  for (const text of inputs) {
    const src = toByteString(text);
    let f;
    try {
      f = formatWithLineMap(src);
    } catch (err) {
      assert.ok(err instanceof DockerfileError, `${JSON.stringify(text)}: ${String(err)}`);
      continue;
    }
    parsed++;
    kept += f.keptAsWritten;
    assert.equal(formatWithLineMap(f.text).text, f.text, `${JSON.stringify(text)}: formatting twice changes nothing`);
  }
  console.log(`format properties: ${inputs.length} parser fuzz inputs (${parsed} parse; ${kept} instructions kept as written)`);
  assert.ok(parsed > 3000);
});
