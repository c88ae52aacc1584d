// The pack is opt-in: without it, `lint` reports exactly what the build
// checks report (upstream's `--call check`), also for files that enable
// every experimental rule; it is enabled by its name or a rule's name in the
// check setting or by lint --pack, and follows skip= like upstream's rules;
// error=true counts its findings; the CLI's --pack, --fix and SARIF fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../tmp.ts';
import { placeholderResolver } from '../../src/cli/common.ts';
import { lintDockerfile, normalizePlatform, parsePlatform } from '../../src/dockerfile/convert/index.ts';
import { resultToJson } from '../../src/dockerfile/lint/index.ts';
import { lintWithPack } from '../../src/lint-pack/index.ts';

const opts = { imageResolver: placeholderResolver };
const rulesOf = async (text: string, packs?: string[], buildArgs?: Record<string, string>): Promise<string[]> =>
  (await lintWithPack(text, { ...opts, packs, buildArgs })).result.warnings.map((w) => w.ruleName);

test('without the pack, lint gives the build checks\' result unchanged (every testdata/lint file)', async () => {
  const dir = join('testdata', 'lint');
  let n = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.Dockerfile'))) {
    const text = readFileSync(join(dir, f));
    const plain = resultToJson(await lintDockerfile(text, opts));
    const withPackCode = resultToJson((await lintWithPack(text, opts)).result);
    assert.equal(withPackCode, plain, f);
    n++;
  }
  assert.ok(n > 100);
});

const SAMPLE = 'FROM alpine:3.19\nRUN apk add curl=8.5.0-r0\n';

const labs = async (text: string, buildArgs?: Record<string, string>): Promise<string[]> =>
  (await lintWithPack(text, { ...opts, buildArgs, channel: 'labs' })).result.warnings.map((w) => w.ruleName);

test('enabled by --pack; in the labs channel also by its name or a rule name in experimental=; never by experimental=all', async () => {
  assert.deepEqual(await rulesOf(SAMPLE), []);
  assert.deepEqual(await rulesOf(SAMPLE, ['best-practices']), ['ApkAddNoCache']);
  // The stable channel is upstream's: the setting names nothing it knows.
  assert.deepEqual(await rulesOf('# check=experimental=best-practices\n' + SAMPLE), []);
  assert.deepEqual(await labs(SAMPLE), []);
  assert.deepEqual(await labs('# check=experimental=all\n' + SAMPLE), []);
  assert.deepEqual(await labs('# check=experimental=best-practices\n' + SAMPLE), ['ApkAddNoCache']);
  assert.deepEqual(await labs('# check=experimental=ApkAddNoCache\n' + SAMPLE), ['ApkAddNoCache']);
  assert.deepEqual(await labs(SAMPLE, { BUILDKIT_DOCKERFILE_CHECK: 'experimental=best-practices' }), ['ApkAddNoCache']);
});

test('in the labs channel the pack reads the labs flags: a file using them is checked, not skipped', async () => {
  const on = '# check=experimental=best-practices\n';
  assert.deepEqual(await labs(on + 'FROM alpine:3.19\nRUN --no-cache apk add curl=8.5.0-r0\n'), ['ApkAddNoCache']);
  assert.deepEqual(await labs(on + 'FROM alpine:3.19\nCOPY --optional a.txt /\nRUN apk add curl=8.5.0-r0\n'), ['ApkAddNoCache']);
  assert.deepEqual(await labs(on + 'FROM alpine:3.19 AS a\nFROM alpine:3.19\nARG S=a\nRUN --mount=from=$S,target=/m apk add curl=8.5.0-r0\n'), ['ApkAddNoCache']);
});

test('labs INCLUDE: the pack checks the included files where they stand; their findings point into them and get no fix', async () => {
  const files: Record<string, string> = {
    'parts/apk.Dockerfile': '# installs curl\nRUN apk add \\\n    curl=8.5.0-r0\nWORKDIR /src\n# check=skip=ApkAddNoCache\nRUN apk add git=2.43.0-r0\nENV A=1\n',
  };
  const readInclude = (path: string): Promise<Uint8Array | undefined> => Promise.resolve(path in files ? new TextEncoder().encode(files[path]) : undefined);
  const text = '# check=experimental=best-practices\nFROM alpine:3.19\nINCLUDE parts/apk.Dockerfile\nRUN apk add jq=1.7.1-r0\n';
  const out = await lintWithPack(text, { ...opts, channel: 'labs', readInclude, fixes: true });
  const seen = out.result.warnings.map((w, i) => [w.ruleName, w.location?.sourceIndex ?? 0, w.location?.ranges?.[0]?.start.line, out.fixes[i] !== undefined]);
  assert.deepEqual(seen, [
    ['ApkAddNoCache', 1, 2, false],
    ['ApkAddNoCache', 0, 4, true],
  ]);
  assert.deepEqual(
    out.result.sources.map((x) => x.filename),
    ['Dockerfile', 'parts/apk.Dockerfile'],
  );
});

test('skip= by name or all, in the directive, the build arg or above the instruction', async () => {
  assert.deepEqual(await rulesOf('# check=skip=ApkAddNoCache\n' + SAMPLE, ['best-practices']), []);
  assert.deepEqual(await rulesOf('# check=skip=all\n' + SAMPLE, ['best-practices']), []);
  assert.deepEqual(await rulesOf(SAMPLE, ['best-practices'], { BUILDKIT_DOCKERFILE_CHECK: 'skip=ApkAddNoCache' }), []);
  assert.deepEqual(await rulesOf('FROM alpine:3.19\n# check=skip=ApkAddNoCache\nRUN apk add curl=8.5.0-r0\nWORKDIR /\nRUN apk add git=2.43.0-r0\n', ['best-practices']), ['ApkAddNoCache']);
  // As upstream's: a comment above FROM is about the stage's base, not every instruction of the stage.
  assert.deepEqual(await rulesOf('FROM alpine:3.19 AS first\n# check=skip=ApkAddNoCache,BaseImageUnpinned\nFROM alpine\nRUN apk add curl=8.5.0-r0\n', ['best-practices']), ['ApkAddNoCache']);
});

test('hadolint’s pragmas skip the pack rules of their codes: ignore= above an instruction, global ignore= everywhere', async () => {
  const text = [
    '# hadolint global ignore=DL3059',
    'FROM alpine:3.19',
    '# a comment between the pragma and the instruction',
    '# hadolint ignore=DL3018,DL3003',
    'RUN apk add --no-cache curl && cd /tmp',
    '# hadolint ignore=DL3008',
    'RUN apk add --no-cache git',
    'RUN echo a',
    'RUN echo b',
    '',
  ].join('\n');
  // DL3018 is apk's unpinned package, DL3008 apt-get's: the second RUN's apk finding stays.
  assert.deepEqual(await rulesOf(text, ['best-practices']), ['PackageVersionUnpinned']);
  const r = await lintWithPack(text, { ...opts, packs: ['best-practices'] });
  assert.equal(r.result.warnings[0]?.location?.ranges?.[0]?.start.line, 7);
  // Without the pragmas every one of them fires.
  assert.deepEqual((await rulesOf(text.replace(/# hadolint/g, '# (no pragma)'), ['best-practices'])).sort(), ['CdInsteadOfWorkdir', 'ConsecutiveRunInstructions', 'ConsecutiveRunInstructions', 'PackageVersionUnpinned', 'PackageVersionUnpinned'].sort());
  // Upstream's own rules do not read them.
  assert.deepEqual(await rulesOf('# hadolint global ignore=DL4000\nFROM alpine:3.19\nMAINTAINER me\n', ['best-practices']), ['MaintainerDeprecated']);
});

test('error=true: pack findings make the lint violation error', async () => {
  const r = await lintWithPack('# check=error=true\n' + SAMPLE, { ...opts, packs: ['best-practices'] });
  assert.equal(r.result.buildError?.message, 'lint violation found for rules: ApkAddNoCache');
  const both = await lintWithPack('# check=error=true\nFROM alpine:3.19 as x\nRUN apk add curl=8.5.0-r0\n', { ...opts, packs: ['best-practices'] });
  assert.equal(both.result.buildError?.message, 'lint violation found for rules: FromAsCasing, ApkAddNoCache');
});

const CLI = 'dist/dockerfile-llb.js';
// --offline: these files' base images (alpine) are not looked up in a registry.
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, 'lint', '--offline', ...args], { encoding: 'utf8', input });

test('lint --pack prints pack findings after the build checks; an unknown pack is a usage error', () => {
  const r = run(['--pack', 'best-practices', '-'], 'FROM alpine:3.19\nMAINTAINER me\nRUN apk add curl=8.5.0-r0\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "<stdin>:2 MaintainerDeprecated - Maintainer instruction is deprecated in favor of using label\n<stdin>:3 ApkAddNoCache - 'apk add' without '--no-cache' leaves the package index in the layer\n");
  assert.equal(run(['--pack', 'nope', '-'], SAMPLE).status, 2);
});

/** Runs `lint --pack best-practices --fix` on a file holding `content`; the file after it. */
function fixFile(content: string | Buffer, ...args: string[]): { r: ReturnType<typeof run>; after: Buffer } {
  const f = join(tempDir('fix-'), 'Dockerfile');
  writeFileSync(f, content);
  const r = run(['--pack', 'best-practices', '--fix', ...args, f]);
  assert.equal(r.status, 0, r.stderr);
  return { r, after: readFileSync(f) };
}

test('lint --fix rewrites the file with the safe fixes and reports what is left', () => {
  const { r, after } = fixFile('FROM alpine:3.19 as build\nMAINTAINER me@example.org\nRUN apk add curl=8.5.0-r0\nCMD run --fast\n');
  assert.equal(after.toString('utf8'), 'FROM alpine:3.19 AS build\nLABEL org.opencontainers.image.authors="me@example.org"\nRUN apk add --no-cache curl=8.5.0-r0\nCMD ["run", "--fast"]\n');
  assert.match(r.stderr, /4 fixes applied/);
  assert.equal(r.stdout, '');
});

test('lint --fix keeps a BOM and bytes that are no UTF-8, and edits the first line where its columns say', () => {
  // Before: the BOM shifted line 1's edit by one character ('3.19ASs base'),
  // and the Latin-1 byte was written back as U+FFFD.
  const { r, after } = fixFile(Buffer.from('\xef\xbb\xbfFROM alpine:3.19 as base\r\n# caf\xe9\r\nRUN apk add curl=8.5.0-r0\r\nMAINTAINER Ren\xe9', 'latin1'));
  assert.match(r.stderr, /3 fixes applied/);
  assert.equal(after.toString('latin1'), '\xef\xbb\xbfFROM alpine:3.19 AS base\r\n# caf\xe9\r\nRUN apk add --no-cache curl=8.5.0-r0\r\nLABEL org.opencontainers.image.authors="Ren\xe9"');
});

test('lint --fix leaves in shell form a CMD that runs a shell builtin, and CMD and ENTRYPOINT where a stage and those it shares its config with have both', () => {
  // `["exec", "nginx"]` runs no program; `["app"]` would take CMD's words as its arguments, which `sh -c app` drops.
  const text = 'FROM alpine:3.19\nCMD exec nginx -g daemon\nENTRYPOINT app --port=8080\nCMD serve --verbose\n';
  assert.equal(fixFile(text).after.toString('utf8'), text);
  // `["app"]` then `CMD serve x` ran `app /bin/sh -c 'serve x'`; `CMD ["serve", "x"]` would run `app serve x`.
  const exec = 'FROM alpine:3.19\nENTRYPOINT ["app"]\nCMD serve x\n';
  assert.equal(fixFile(exec).after.toString('utf8'), exec);
  // A stage built on one with an ENTRYPOINT shares it; an unrelated stage does not.
  const child = 'FROM alpine:3.19 AS base\nENTRYPOINT ["app"]\nFROM base\nCMD serve x\n';
  assert.equal(fixFile(child).after.toString('utf8'), child);
  const apart = 'FROM alpine:3.19 AS build\nCMD serve x\nFROM alpine:3.19\nENTRYPOINT ["app"]\n';
  assert.equal(fixFile(apart).after.toString('utf8'), apart.replace('CMD serve x', 'CMD ["serve", "x"]'));
  // Without the other, each is written in exec form.
  assert.equal(fixFile('FROM alpine:3.19\nCMD serve x\n').after.toString('utf8'), 'FROM alpine:3.19\nCMD ["serve", "x"]\n');
  assert.equal(fixFile('FROM alpine:3.19\nENTRYPOINT app x\n').after.toString('utf8'), 'FROM alpine:3.19\nENTRYPOINT ["app", "x"]\n');
});

test('lint --fix leaves CMD and ENTRYPOINT in shell form in a file built for Windows', () => {
  // Before: `ENTRYPOINT echo hi` (cmd /S /C "echo hi") became ["echo", "hi"]: Windows has no echo program.
  const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENTRYPOINT echo hi\n';
  assert.equal(fixFile(text, '--platform', 'windows/amd64').after.toString('utf8'), text);
  const from = 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD dir\n';
  assert.equal(fixFile(from).after.toString('utf8'), from);
});

test('lint --fix puts a flag after a word that ends a continued line on that line, before the escape', () => {
  // Before: ' --no-cache' went to the start of the next line ('RUN apk add\\' then ' --no-cache  curl').
  const { after } = fixFile('FROM alpine:3.19\nRUN apk add\\\n  curl=8.5.0-r0 && pip install\\\n# a comment\n    flask==3.0.3\n');
  assert.equal(after.toString('utf8'), 'FROM alpine:3.19\nRUN apk add --no-cache\\\n  curl=8.5.0-r0 && pip install --no-cache-dir\\\n# a comment\n    flask==3.0.3\n');
});

test('lint --fix leaves a line as it is where the fixes would make it longer than the parser takes (64 KiB)', () => {
  // Before: ' --no-cache' made a 65,530-byte line too long: the fixed file no longer parsed (exit status 1).
  const text = `FROM alpine:3.19\nRUN apk add a && apk add b && echo ${'x'.repeat(65_530 - 37)}\nRUN apk add c\n`;
  const { r, after } = fixFile(text);
  assert.equal(after.toString('latin1'), text.replace('apk add c', 'apk add --no-cache c'));
  assert.match(r.stderr, /: 1 fix applied/);
  // Nothing left to apply: the file is not rewritten, and no '0 fixes applied' is said.
  assert.doesNotMatch(fixFile(text.replace('RUN apk add c\n', '')).r.stderr, /applied/);
});

test('SARIF carries the fixes as replacements, and the pack rules in the rule table', () => {
  const r = run(['--pack', 'best-practices', '--format', 'sarif', '-'], SAMPLE);
  assert.equal(r.status, 0, r.stderr);
  const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; fixes?: unknown[] }[] }[] };
  const result = sarif.runs[0].results.find((x) => x.ruleId === 'ApkAddNoCache');
  assert.deepEqual(result?.fixes, [
    {
      description: { text: "add '--no-cache'" },
      artifactChanges: [{ artifactLocation: { uri: '<stdin>' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 12 }, insertedContent: { text: ' --no-cache' } }] }],
    },
  ]);
  assert.ok(sarif.runs[0].tool.driver.rules.some((x) => x.id === 'ApkAddNoCache'));
});

test("the CLI's pack names are the packs there are", async () => {
  const { PACK_NAME } = await import('../../src/lint-pack/index.ts');
  const r = run(['--pack', PACK_NAME, '-'], SAMPLE);
  assert.equal(r.status, 0, r.stderr);
});

test('the gateway: --call check runs the pack in the labs channel when the check setting names it, never in stable', async () => {
  const { handleSubrequest } = await import('../../src/frontend/subrequests.ts');
  const { convertOptions, parseConfig } = await import('../../src/dockerui/index.ts');
  const data = new TextEncoder().encode('# check=experimental=best-practices\n' + SAMPLE);
  const check = async (channel: 'stable' | 'labs'): Promise<string[]> => {
    const res = await handleSubrequest('frontend.lint', {
      data,
      sourceInfo: { filename: 'Dockerfile', data, language: 'Dockerfile' },
      convertOptions: convertOptions(parseConfig(new Map(), undefined, channel), { resolver: placeholderResolver }),
    });
    const json = JSON.parse(Buffer.from(res.metadata?.['result.json'] ?? []).toString('utf8')) as { warnings: { ruleName: string }[] | null };
    return (json.warnings ?? []).map((w) => w.ruleName);
  };
  assert.deepEqual(await check('stable'), []);
  assert.deepEqual(await check('labs'), ['ApkAddNoCache']);
});

test('shell the parser takes too long on is left unread, and counted; the other RUNs are read', async () => {
  // tree-sitter's error recovery is quadratic here (~30 s); the budget stops it at SCRIPT_BUDGET_MS.
  const hostile = 'RUN echo ${' + '='.repeat(60_000) + '}';
  const text = `FROM debian:12\n${hostile}\nRUN apt-get update && apt-get install -y curl\n`;
  const r = await lintWithPack(text, { ...opts, packs: ['best-practices'] });
  assert.equal(r.unreadScripts, 1);
  const rules = r.result.warnings.map((w) => w.ruleName);
  assert.ok(rules.includes('AptGetListsNotRemoved'), rules.join(' '));
  assert.ok(rules.includes('PackageVersionUnpinned'), rules.join(' '));
  // Without that RUN nothing is left unread, and the findings are the same.
  const plain = await lintWithPack(text.replace(hostile + '\n', ''), { ...opts, packs: ['best-practices'] });
  assert.equal(plain.unreadScripts, 0);
  assert.deepEqual(plain.result.warnings.map((w) => w.ruleName), rules);
});

test("a stage built for Windows has cmd as its default shell: PipefailMissing looks only at the other stages", async () => {
  const pipe = (platform?: string): Promise<number[]> =>
    lintWithPack('FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nRUN dir | findstr x\nFROM w\nRUN dir | findstr y\nFROM alpine:3.19\nRUN ls | wc -l\n', {
      ...opts,
      packs: ['best-practices'],
      targetPlatform: platform === undefined ? undefined : normalizePlatform(parsePlatform(platform)),
    }).then((r) => r.result.warnings.filter((w) => w.ruleName === 'PipefailMissing').map((w) => w.location!.ranges![0]!.start.line));
  // The FROM's --platform decides for its stage and the stages built on it; the target's for the rest.
  assert.deepEqual(await pipe(), [6]);
  assert.deepEqual(await pipe('windows/amd64'), []);
});
