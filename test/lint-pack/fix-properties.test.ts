// The safety of `lint --pack best-practices --fix`, over every Dockerfile in
// testdata/ (and, where the machine has them, the Dockerfiles of the Go
// module cache: FIX_PROPERTIES_EXTRA=DIR adds another tree) and hostile
// inputs: for each file the pack proposes fixes for,
//   1. the fixed file converts where the original did, and fails with the
//      same error where it failed;
//   2. its LLB differs from the original's only as the fixes' docs say: the
//      op graph has the same shape and every op is the same, except a RUN
//      whose command gained the inserted flag (ApkAddNoCache,
//      AptGetNoInstallRecommends, PipNoCacheDir); the image config is the
//      same except Cmd/Entrypoint in exec form (JSONArgsRecommended: the same
//      words) and the authors label for MAINTAINER (MaintainerDeprecated);
//   3. --fix again proposes nothing, and no fixed finding comes back;
//   4. every line without an edit is byte for byte the same (BOM, CRLF, tabs,
//      bytes that are no UTF-8, the missing final newline), and an edited
//      line keeps its bytes before and after the edit;
//   5. hostile inputs end (within a minute each: a hang guard; their time
//      against upstream's is bench:hostile's), and lint --fix on 5,000 RUNs
//      takes no more than 30 times what it takes on 500 (linear: 10 times).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convertDockerfile, marshalImage, normalizePlatform, parsePlatform } from '../../src/dockerfile/convert/index.ts';
import { dumpDefinition } from '../../src/llb/dump.ts';
import { applyEditsToBytes, lintWithPack, type Edit } from '../../src/lint-pack/index.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { placeholderResolver } from '../../src/cli/common.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';
import { caseArgs, type BuildCase } from '../format/build-compare.ts';
import { frontendLikeOptions } from '../convert/frontend-like.ts';
import { generate } from '../convert/fuzz/generate.ts';
import { toByteString } from '../../src/dockerfile/parser/bytes.ts';

const metadata = MetadataFileResolver.fromFile(join('testdata', 'convert', 'image-metadata.json'));

/** The flag each inserting fix adds (docs/rules/<Rule>.md). */
const INSERTED: Record<string, string> = {
  ApkAddNoCache: ' --no-cache',
  AptGetNoInstallRecommends: ' --no-install-recommends',
  PipNoCacheDir: ' --no-cache-dir',
};

function dockerfiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) dockerfiles(p, out);
    else if (name === 'Dockerfile' || name.endsWith('.Dockerfile') || name.startsWith('Dockerfile.')) out.push(p);
  }
  return out;
}

interface Fixes {
  edits: (Edit & { rule: string })[];
  count: Map<string, number>;
}

async function fixesOf(bytes: Uint8Array, a: BuildCase, resolver: ImageResolver): Promise<Fixes> {
  // As `lint --platform P` (one platform) gives it.
  let targetPlatform;
  try {
    targetPlatform = a.platforms.length === 1 ? normalizePlatform(parsePlatform(a.platforms[0])) : undefined;
  } catch {
    // A platform that does not parse is the build's error (`build` meets it).
  }
  const out = await lintWithPack(bytes, { imageResolver: resolver, buildArgs: a.buildArgs, target: a.target, targetPlatform, packs: ['best-practices'], fixes: true });
  const edits: Fixes['edits'] = [];
  const count = new Map<string, number>();
  out.result.warnings.forEach((w, i) => {
    count.set(w.ruleName, (count.get(w.ruleName) ?? 0) + 1);
    for (const e of out.fixes[i]?.edits ?? []) edits.push({ ...e, rule: w.ruleName });
  });
  return { edits, count };
}

interface Op {
  self: string;
  inputs: string[];
}

/** The op graph by digest: each op without its digest, description and inputs (kept apart). */
function opGraph(def: Uint8Array): { ops: Map<string, Op>; root: string } {
  const ops = new Map<string, Op>();
  let root = '';
  for (const line of dumpDefinition(def).split('\n')) {
    if (line === '') continue;
    const o = JSON.parse(line) as { Op: { inputs?: { digest: string; index?: number }[] }; Digest: string; OpMetadata?: Record<string, unknown> };
    const inputs = (o.Op.inputs ?? []).map((x) => x.digest);
    const op = { ...o.Op, inputs: (o.Op.inputs ?? []).map((x) => x.index ?? 0) };
    // COPY --link's progress group id is random.
    const meta = { ...o.OpMetadata, description: undefined, progress_group: undefined };
    ops.set(o.Digest, { self: JSON.stringify({ op, meta }), inputs });
    root = o.Digest;
  }
  return { ops, root };
}

interface Build {
  error?: string;
  graphs: { ops: Map<string, Op>; root: string }[];
  images: Record<string, unknown>[];
}

async function build(bytes: Uint8Array, a: BuildCase, resolver: ImageResolver): Promise<Build> {
  const b: Build = { graphs: [], images: [] };
  try {
    const base = frontendLikeOptions(a, resolver);
    const platforms = base.targetPlatforms.length > 0 ? base.targetPlatforms : [undefined];
    for (const p of platforms) {
      const res = await convertDockerfile(bytes, { ...base, targetPlatform: p, multiPlatformRequested: platforms.length > 1 });
      b.graphs.push(opGraph(res.state.marshal().encode()));
      b.images.push(JSON.parse(marshalImage(res.image)) as Record<string, unknown>);
    }
  } catch (err) {
    b.error = err instanceof Error ? err.message : String(err);
  }
  return b;
}

function removeAll(s: string, parts: string[]): string {
  for (const p of parts) s = s.split(p).join('');
  return s;
}

/** Property 2 for the op graphs: same shape; an op differs only by the inserted flags. */
function compareGraphs(name: string, before: Build['graphs'][number], after: Build['graphs'][number], flags: string[]): void {
  // A build of nothing (a scratch stage with no op) has no ops on either side.
  if (before.root === '' || after.root === '') {
    assert.equal(after.root === '', before.root === '', `${name}: an op graph on one side only`);
    return;
  }
  const seen = new Set<string>();
  // Iterative: a file of 5,000 RUNs is a chain 5,000 ops deep.
  // (Where an op is: its depth below the root, a number: a path of input indexes would grow with the depth.)
  const todo: [string, string, number][] = [[before.root, after.root, 0]];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [x, y, depth] = next;
    const path = `at depth ${depth}`;
    if (seen.has(x + y)) continue;
    seen.add(x + y);
    const a = before.ops.get(x);
    const b = after.ops.get(y);
    assert.ok(a !== undefined && b !== undefined, `${name}: op ${path} missing`);
    if (a.self !== b.self) {
      assert.ok(flags.length > 0 && removeAll(b.self, flags) === removeAll(a.self, flags), `${name}: op ${path} changed beyond the inserted flags:\n${a.self}\n${b.self}`);
      assert.ok(a.self.includes('"exec"'), `${name}: op ${path} changed and is no exec`);
    }
    assert.equal(b.inputs.length, a.inputs.length, `${name}: op ${path} has as many inputs`);
    a.inputs.forEach((d, i) => todo.push([d, b.inputs[i], depth + 1]));
  }
}

type Json = Record<string, unknown>;

const SHELL_BUILTINS = new Set(['.', ':', 'cd', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'ulimit', 'umask', 'unset', 'wait']);

/** Property 2 for the image config: only what the applied upstream fixes change. */
function compareImages(name: string, before: Json, after: Json, rules: Set<string>, flags: string[], hasEntrypoint: boolean): void {
  // What the exec form runs is what the shell form ran: a program (no shell builtin), and no more arguments.
  const cfg = (i: Json): Json => (i.config ?? {}) as Json;
  const shellForm = (v: unknown): boolean => Array.isArray(v) && v.length === 3 && v[0] === '/bin/sh' && v[1] === '-c';
  for (const k of ['Cmd', 'Entrypoint']) {
    const x = cfg(before)[k];
    const y = cfg(after)[k] as string[] | undefined;
    if (!shellForm(x) || shellForm(y) || y === undefined) continue;
    assert.ok(!SHELL_BUILTINS.has(y[0]), `${name}: ${k} in exec form runs '${y[0]}', a shell builtin`);
    if (k === 'Entrypoint') assert.ok(((cfg(after).Cmd as string[] | undefined) ?? []).length === 0, `${name}: ENTRYPOINT in exec form now takes CMD's words as arguments`);
    if (k === 'Cmd' && ((cfg(after).Entrypoint as string[] | undefined) ?? []).length > 0) {
      // The fix does not look at a base image's ENTRYPOINT (README, "Lint pack"): counted apart.
      assert.ok(!hasEntrypoint, `${name}: an ENTRYPOINT is now given CMD's words instead of sh -c and its string`);
      stats.baseEntrypoint++;
    }
  }
  // Every MAINTAINER fixed: the label holds what the author field held.
  if (rules.has('MaintainerDeprecated') && cfg(before).Labels === undefined && after.author === undefined) {
    assert.equal((cfg(after).Labels as Json | undefined)?.['org.opencontainers.image.authors'], before.author, `${name}: the authors label is MAINTAINER's value`);
  }
  const norm = (img: Json, fixed: boolean): string => {
    const i = structuredClone(img);
    const c = (i.config ?? {}) as Json;
    if (rules.has('MaintainerDeprecated')) {
      delete i.author;
      const labels = (c.Labels ?? {}) as Json;
      if (fixed && !((before.config as Json | undefined)?.Labels as Json | undefined)?.['org.opencontainers.image.authors']) delete labels['org.opencontainers.image.authors'];
      if (Object.keys(labels).length === 0) delete c.Labels;
    }
    if (rules.has('JSONArgsRecommended')) {
      for (const k of ['Cmd', 'Entrypoint']) {
        const v = c[k] as string[] | undefined;
        // The shell form's one string against the exec form's words.
        if (v !== undefined) c[k] = v.length === 3 && v[0] === '/bin/sh' && v[1] === '-c' ? v[2].trim().split(/[ \t]+/) : v;
      }
    }
    // The history's created_by quotes the instruction: the flags and the forms the fixes change.
    if (Array.isArray(i.history)) {
      i.history = (i.history as Json[]).map((h) => (rules.has('JSONArgsRecommended') || rules.has('MaintainerDeprecated') ? { ...h, created_by: undefined } : { ...h, created_by: removeAll(String(h.created_by ?? ''), flags) }));
    }
    return JSON.stringify(i);
  };
  assert.equal(norm(after, true), norm(before, false), `${name}: the image config changes only as the fixes' docs say`);
}

/** Property 4: lines without an edit byte for byte; an edited line keeps what is around its edits. */
function compareLayout(name: string, before: Uint8Array, after: Uint8Array, edits: Edit[]): void {
  const lines = (b: Uint8Array): string[] => Buffer.from(b).toString('latin1').split(/(?<=\n)/);
  const x = lines(before);
  const y = lines(after);
  assert.equal(y.length, x.length, `${name}: as many lines`);
  const edited = new Set(edits.map((e) => e.line - 1));
  for (let i = 0; i < x.length; i++) {
    if (!edited.has(i)) {
      assert.equal(y[i], x[i], `${name}: line ${i + 1} kept byte for byte`);
      continue;
    }
    // The bytes before the first edit and after the last (the BOM, the line ending, a continuation).
    const own = edits.filter((e) => e.line - 1 === i);
    const first = Math.min(...own.map((e) => e.column)) - 1;
    const lastEnd = Math.max(...own.map((e) => e.endColumn)) - 1;
    const head = Buffer.from(x[i], 'latin1').toString('utf8');
    const bom = i === 0 && head.startsWith('\ufeff') ? 1 : 0;
    const decodedX = head.slice(bom);
    const decodedY = Buffer.from(y[i], 'latin1').toString('utf8').slice(bom);
    assert.ok(decodedY.startsWith(decodedX.slice(0, first)), `${name}: line ${i + 1} keeps what is before its edit`);
    assert.ok(decodedY.endsWith(decodedX.slice(lastEnd)), `${name}: line ${i + 1} keeps what is after its edit`);
    if (bom === 1) assert.ok(y[i].startsWith('\xef\xbb\xbf'), `${name}: BOM kept`);
  }
}

const stats = { files: 0, fixed: 0, edits: 0, baseEntrypoint: 0, failures: [] as string[] };

async function check(name: string, bytes: Uint8Array, resolver: ImageResolver, args?: BuildCase): Promise<void> {
  const a = args ?? caseArgs(Buffer.from(bytes).toString('latin1'));
  const first = await fixesOf(bytes, a, resolver);
  stats.files++;
  if (first.edits.length === 0) return;
  const fixed = applyEditsToBytes(bytes, first.edits).bytes;
  stats.fixed++;
  stats.edits += first.edits.length;
  compareLayout(name, bytes, fixed, first.edits);
  // 3: idempotent.
  const second = await fixesOf(fixed, a, resolver);
  // A fix left out where it would make a line too long for the parser is proposed again, and left out again.
  assert.equal(Buffer.from(applyEditsToBytes(fixed, second.edits).bytes).toString('latin1'), Buffer.from(fixed).toString('latin1'), `${name}: --fix again changes nothing`);
  if (!name.includes('64 KiB')) assert.deepEqual(second.edits, [], `${name}: --fix again proposes nothing`);
  const rules = new Set(first.edits.map((e) => e.rule));
  for (const r of rules) {
    const n = first.edits.filter((e) => e.rule === r).length - second.edits.filter((e) => e.rule === r).length;
    assert.ok((second.count.get(r) ?? 0) <= (first.count.get(r) ?? 0) - n, `${name}: fixed ${r} findings do not come back`);
  }
  // 1 and 2.
  const flags = [...new Set(first.edits.map((e) => INSERTED[e.rule]).filter((f) => f !== undefined))].sort((p, q) => q.length - p.length);
  const b0 = await build(bytes, a, resolver);
  const b1 = await build(fixed, a, resolver);
  assert.equal(b1.error, b0.error, `${name}: converts, or fails, as before`);
  assert.equal(b1.graphs.length, b0.graphs.length);
  b0.graphs.forEach((g, i) => compareGraphs(name, g, b1.graphs[i], flags));
  const hasEntrypoint = /^[ \t]*entrypoint[ \t]/im.test(Buffer.from(bytes).toString('latin1'));
  b0.images.forEach((img, i) => compareImages(name, img, b1.images[i], rules, flags, hasEntrypoint));
}

async function run(name: string, bytes: Uint8Array, resolver: ImageResolver, args?: BuildCase): Promise<void> {
  try {
    await check(name, bytes, resolver, args);
  } catch (err) {
    stats.failures.push(err instanceof Error ? err.message : String(err));
  }
}

function report(label: string): void {
  const f = stats.failures.splice(0);
  const known = stats.baseEntrypoint > 0 ? `; ${stats.baseEntrypoint} CMD fixes under a base image's ENTRYPOINT (known)` : '';
  console.log(`fix properties, ${label}: ${stats.files} files, ${stats.fixed} with fixes (${stats.edits} edits), ${f.length} failures${known}`);
  stats.files = stats.fixed = stats.edits = stats.baseEntrypoint = 0;
  assert.deepEqual(f.slice(0, 10), [], `${f.length} failures`);
}

test('lint --fix: every Dockerfile in testdata', async () => {
  for (const f of dockerfiles('testdata')) await run(f, readFileSync(f), metadata);
  report('testdata');
});

const extra = [join(process.env.HOME ?? '/root', 'go', 'pkg', 'mod'), process.env.FIX_PROPERTIES_EXTRA].filter((d): d is string => d !== undefined && existsSync(d));
test('lint --fix: real-world Dockerfiles on this machine (the Go module cache; base images taken as empty)', { skip: extra.length === 0 }, async () => {
  for (const d of extra) for (const f of dockerfiles(d)) await run(f, readFileSync(f), placeholderResolver);
  report(extra.join(', '));
});

/** Each corpus file where the pack fixes something, in the file's other layouts. */
function variants(bytes: Buffer): [string, Buffer][] {
  const s = bytes.toString('latin1');
  const crlf = s.replace(/\r?\n/g, '\r\n');
  return [
    ['crlf', Buffer.from(crlf, 'latin1')],
    ['bom', Buffer.from('\xef\xbb\xbf' + s, 'latin1')],
    ['bom+crlf', Buffer.from('\xef\xbb\xbf' + crlf, 'latin1')],
    ['no final newline', Buffer.from(s.replace(/\n+$/, ''), 'latin1')],
    ['tabs', Buffer.from(s.replace(/^([A-Za-z]+) /gm, '$1\t'), 'latin1')],
    ['latin-1 comment', Buffer.from('# caf\xe9 \xff\n' + s, 'latin1')],
  ];
}

test('lint --fix: corpus files with fixes, as CRLF, with a BOM, without a final newline, with tabs, with bytes that are no UTF-8', async () => {
  for (const f of dockerfiles('testdata')) {
    const bytes = readFileSync(f);
    if ((await fixesOf(bytes, caseArgs(bytes.toString('latin1')), metadata)).edits.length === 0) continue;
    for (const [v, b] of variants(bytes)) {
      // A leading comment line would move a parser directive: only where the file has none.
      if (v === 'latin-1 comment' && /^\s*#\s*(syntax|escape|check)\s*=/im.test(bytes.toString('latin1').split('\n').slice(0, 5).join('\n'))) continue;
      await run(`${f} (${v})`, b, metadata);
    }
  }
  report('layout variants');
});

/** n RUNs, each with a fix (HOSTILE's 5,000, and the growth check's). */
const runs = (n: number): string => 'FROM alpine:3.19\n' + 'RUN apk add curl\nRUN pip install flask\n'.repeat(n / 2);

const HOSTILE: [string, string][] = [
  ['a 200 KB line', `FROM alpine:3.19\nRUN apk add curl && echo ${'x'.repeat(200_000)} && apt-get install y\n`],
  ['5,000 RUNs', runs(5000)],
  ['backtick escape, continuations', '# escape=`\nFROM alpine:3.19\nRUN apk add `\n  curl `\n  && pip install `\n  --user flask\nCMD nginx -g daemon\n'],
  ['flag at a line break', 'FROM alpine:3.19\nRUN apk add\\\n  curl && apt-get install\\\n\\\n# comment\n  -y x\n'],
  ['heredoc that looks like commands', 'FROM alpine:3.19\nRUN cat <<EOF > /x\napk add curl\nEOF\nCOPY <<EOF /y\npip install z\nEOF\nRUN <<EOF python3\nimport os\nEOF\n'],
  ['heredoc scripts', 'FROM alpine:3.19\nRUN <<EOF\napk add curl\napt-get install y\nEOF\nRUN <<-EOT\n\tpip install z\n\t\tapk add w\n\tEOT\n'],
  ['odd escapes', 'FROM alpine:3.19\nRUN apk \\a\\dd curl && a\\pk add x && "apk" \'add\' y\nRUN echo \\\\\nRUN apk add z\n'],
  ['shell builtins in CMD', 'FROM alpine:3.19\nCMD exec nginx\nENTRYPOINT cd /x\n'],
  ['fixes past 64 KiB on one line', `FROM alpine:3.19\nRUN apk add a && pip install b && echo ${'x'.repeat(65_490)}\nRUN apk add c\n`],
  ['many fixes on one line', 'FROM alpine:3.19 as b\n' + 'RUN ' + Array.from({ length: 500 }, (_, i) => `apk add p${i}`).join(' && ') + '\n'],
  ['heredoc on another fd', 'FROM alpine:3.19\nRUN 3<<EOF\napk add curl\nEOF\nRUN <<EOF cat\napk add curl\nEOF\n'],
  ['blank and comment lines in a continuation', 'FROM alpine:3.19\nRUN apk add\\\n\n  \t\\\n# apk add x\n  curl\nRUN apt-get install \\  \n x\n'],
  ['CRLF heredoc', 'FROM alpine:3.19\r\nRUN <<EOF\r\napk add curl\r\nEOF\r\n'],
  ['python -m pip and wrappers', 'FROM alpine:3.19\nRUN python3 -m pip install x && sudo -E apk add y && env A=1 pip3.12 install z && exec apt-get install w\n'],
  ['MAINTAINER with spaces and tabs', 'FROM alpine:3.19\nMAINTAINER  John \t Doe  <j@x.org>\t\n'],
  ['non-ASCII around the edit', 'FROM alpine:3.19\nRUN echo "é😀" && apk add curl && echo \xe9 && pip install x\nMAINTAINER René\n'],
];

test('lint --fix: hostile inputs end and are not corrupted, and many RUNs cost in proportion', async () => {
  for (const [name, text] of HOSTILE) {
    const t0 = performance.now();
    await run(name, Buffer.from(text, name === 'non-ASCII around the edit' ? 'utf8' : 'latin1'), metadata);
    // A hang guard only: how long each takes against upstream is bench:hostile's to say.
    const ms = performance.now() - t0;
    assert.ok(ms < 60_000, `${name}: ${Math.round(ms)} ms`);
  }
  report('hostile inputs');
  // lint --fix itself (the fixes, applied, then asked for again), timed on 500 and 5,000 RUNs:
  // linear is ~10 times; a cost quadratic in the RUNs would be ~100 times.
  const fixTime = async (n: number): Promise<number> => {
    const text = runs(n);
    const bytes = Buffer.from(text, 'latin1');
    const a = caseArgs(text);
    const t0 = performance.now();
    const first = await fixesOf(bytes, a, metadata);
    await fixesOf(applyEditsToBytes(bytes, first.edits).bytes, a, metadata);
    return performance.now() - t0;
  };
  // Each the faster of two runs: a pause of the machine's in one run does not count.
  const small = Math.min(await fixTime(500), await fixTime(500));
  const large = Math.min(await fixTime(5000), await fixTime(5000));
  console.log(`fix properties: lint --fix on 5,000 RUNs took ${(large / small).toFixed(1)} times what 500 took (${Math.round(large)} ms, ${Math.round(small)} ms)`);
  assert.ok(large / small < 30, `5,000 RUNs took ${(large / small).toFixed(1)} times what 500 took`);
});

test("lint --fix: the differential fuzzer's generated Dockerfiles (FIX_PROPERTIES_SEED, default 1717; FIX_PROPERTIES_COUNT, default 400)", async () => {
  const n = Number(process.env.FIX_PROPERTIES_COUNT ?? 400);
  const seed = Number(process.env.FIX_PROPERTIES_SEED ?? 1717);
  for (let i = 0; i < n; i++) {
    const g = generate(seed, i);
    await run(g.name, Buffer.from(toByteString(g.text), 'latin1'), metadata, { ...g, platforms: g.platforms ?? [] });
  }
  report(`${n} generated inputs of seed ${seed}`);
});
