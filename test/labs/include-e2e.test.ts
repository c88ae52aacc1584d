// Labs INCLUDE end to end on a real buildkitd, through our labs-channel image
// (scripts/frontend-image.sh pushes it beside the stable one; set
// E2E_OUR_FRONTEND to build your own tag):
// - a build whose Dockerfile includes files (an ARG before INCLUDE used in
//   it and in its path, a nested include in a subdirectory, heredocs and
//   COPY --link in an included file) gives the layers and files expected;
// - errors from an included file are printed by buildctl with that file's
//   name and an excerpt of its lines: a RUN that fails on the daemon, and an
//   instruction the converter rejects; a missing file names the path and the
//   including line;
// - stages taken from another Dockerfile (FROM, COPY --from, RUN --mount
//   from=) build once however often they are used, with the other file's
//   own global ARGs, and an error inside it shows its name and lines;
// - our stable image rejects INCLUDE and the file forms with upstream's
//   error text and snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, buildkitOrSkip, imageLayers, layerDiffIds, makeContext, releaseBuildkit, run, uniqueRef, UPSTREAM_FRONTEND } from '../e2e/harness.ts';
import { ensureFrontendImage, OUR_FRONTEND, OUR_LABS_FRONTEND } from '../gateway/frontend-image.ts';
import { errorLines } from '../gateway/lib/build.ts';
import { subrequestHelper } from '../gateway/lib/subrequest.ts';

const BUSYBOX = 'localhost:5000/library/busybox:latest';

test.after(() => releaseBuildkit());

/** Every file path of each layer of an image, without directories. */
async function layerFiles(ref: string): Promise<string[][]> {
  return (await imageLayers(ref)).map((entries) => entries.filter((e) => e.type !== '5').map((e) => e.name.replace(/^\.?\//, '')).sort());
}

test('INCLUDE builds on the daemon: ARGs across files, a variable path, a nested include, heredocs and COPY --link', { timeout: 900_000 }, async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  await ensureFrontendImage();
  const ctx = await makeContext({
    Dockerfile: `ARG BASE=${BUSYBOX}\nARG PART=app\nFROM \${BASE}\nINCLUDE parts/\${PART}.Dockerfile\nRUN cat /app/version > /app/checked\n`,
    'parts/app.Dockerfile': 'ARG VERSION=1.0\nINCLUDE lib/files.Dockerfile\nRUN echo "$VERSION" > /app/version\n',
    'parts/other.Dockerfile': 'RUN false\n',
    'parts/lib/files.Dockerfile': '# escape=`\nRUN <<EOT\nmkdir -p /app\necho made > /app/made\nEOT\nCOPY --link data.txt /app/data.txt\n',
    'data.txt': 'data\n',
  });
  const ref = uniqueRef('include');
  const r = await build({ context: ctx, frontend: OUR_LABS_FRONTEND, opts: { 'build-arg:VERSION': '2.5' }, output: `type=image,name=${ref},push=true` });
  assert.equal(r.code, 0, r.stderr);
  const layers = await layerFiles(ref);
  // busybox's own layers, then one per instruction that changes files: the heredoc RUN, the linked COPY, the two RUNs.
  const base = (await layerDiffIds(BUSYBOX)).length;
  const ours = layers.slice(base);
  assert.deepEqual(ours, [['app/made'], ['app/data.txt'], ['app/version'], ['app/checked']]);
  const entries = (await imageLayers(ref)).slice(base).flat();
  const content = (name: string): string => entries.find((e) => e.name.replace(/^\.?\//, '') === name)?.content.toString('utf8') ?? '';
  assert.equal(content('app/version'), '2.5\n', 'the build arg reaches the ARG declared in the included file');
  assert.equal(content('app/checked'), '2.5\n');
  assert.equal(content('app/data.txt'), 'data\n');
  // The progress names the included steps as any other (the build arg expanded).
  assert.ok(r.steps.some((s) => s.name === '[4/5] RUN echo "2.5" > /app/version'), r.stderr);
});

test('errors in an included file: buildctl shows its name and lines', { timeout: 900_000 }, async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  await ensureFrontendImage();
  // A RUN that fails on the daemon (the LLB source map points into the included file).
  const failing = await makeContext({
    Dockerfile: `FROM ${BUSYBOX}\nINCLUDE steps.Dockerfile\n`,
    'steps.Dockerfile': 'RUN echo one\n\nRUN echo about to fail && exit 3\n',
  });
  const r1 = await build({ context: failing, frontend: OUR_LABS_FRONTEND });
  assert.notEqual(r1.code, 0);
  const e1 = errorLines(r1.stderr, { locations: 'named' });
  assert.match(e1, /^steps\.Dockerfile:3$/m, r1.stderr);
  assert.match(e1, / >>> RUN echo about to fail && exit 3/, r1.stderr);
  assert.match(e1, /did not complete successfully: exit code: 3/, r1.stderr);

  // An instruction the converter rejects (the frontend's error details name the included file).
  const rejected = await makeContext({
    Dockerfile: `FROM ${BUSYBOX}\nRUN echo fine\nINCLUDE sub/bad.Dockerfile\n`,
    'sub/bad.Dockerfile': '# A file with an error.\nCOPY --frm=x a b\n',
  });
  const r2 = await build({ context: rejected, frontend: OUR_LABS_FRONTEND });
  assert.notEqual(r2.code, 0);
  const e2 = errorLines(r2.stderr, { locations: 'named' });
  assert.match(e2, /^sub\/bad\.Dockerfile:2$/m, r2.stderr);
  assert.match(e2, / >>> COPY --frm=x a b/, r2.stderr);
  assert.match(e2, /unknown flag: --frm/, r2.stderr);

  // A missing file: its path, at the including line of the including file.
  const missing = await makeContext({ Dockerfile: `FROM ${BUSYBOX}\nINCLUDE parts/a.Dockerfile\n`, 'parts/a.Dockerfile': 'RUN true\nINCLUDE b.Dockerfile\n' });
  const r3 = await build({ context: missing, frontend: OUR_LABS_FRONTEND });
  assert.notEqual(r3.code, 0);
  const e3 = errorLines(r3.stderr, { locations: 'named' });
  assert.match(e3, /^parts\/a\.Dockerfile:2$/m, r3.stderr);
  assert.match(e3, / >>> INCLUDE b\.Dockerfile/, r3.stderr);
  assert.match(e3, /INCLUDE b\.Dockerfile: parts\/b\.Dockerfile: no such file/, r3.stderr);
});

test('stages from another Dockerfile build on the daemon, each once, with their own ARGs', { timeout: 900_000 }, async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  await ensureFrontendImage();
  const ctx = await makeContext({
    Dockerfile: [
      'ARG WHO=importer',
      `FROM ${BUSYBOX} AS build`,
      'RUN echo local > /local',
      'FROM ./ci/tools.Dockerfile',
      'COPY --from=./ci/tools.Dockerfile#build /out /from-copy',
      'COPY --from=build /local /local',
      'RUN --mount=from=./ci/tools.Dockerfile#build,target=/m cp /m/out /from-mount',
      '',
    ].join('\n'),
    'ci/tools.Dockerfile': [
      'ARG TOOL_VERSION=1.0',
      `FROM ${BUSYBOX} AS build`,
      'ARG TOOL_VERSION',
      'ARG WHO',
      'RUN echo "tool $TOOL_VERSION ${WHO:-nobody}" > /out',
      'FROM build AS final',
      'ENV TOOL=/out',
      '',
    ].join('\n'),
  });
  const ref = uniqueRef('import');
  const r = await build({ context: ctx, frontend: OUR_LABS_FRONTEND, opts: { 'build-arg:TOOL_VERSION': '3.1' }, output: `type=image,name=${ref},push=true` });
  assert.equal(r.code, 0, r.stderr);
  // The imported build stage's RUN is one step although three references use it.
  const toolRuns = r.steps.filter((s) => s.name.includes('RUN echo "tool 3.1 ') && s.name.endsWith('> /out'));
  assert.equal(toolRuns.length, 1, r.stderr);
  const base = (await layerDiffIds(BUSYBOX)).length;
  const layers = await layerFiles(ref);
  // The imported stage's layer (its RUN), then the two COPYs and the RUN of the importing file.
  assert.deepEqual(layers.slice(base), [['out'], ['from-copy'], ['local'], ['from-mount']]);
  const entries = (await imageLayers(ref)).slice(base).flat();
  const content = (name: string): string => entries.find((e) => e.name.replace(/^\.?\//, '') === name)?.content.toString('utf8') ?? '';
  // The importing file's global WHO does not reach the other file; the build arg does.
  assert.equal(content('from-copy'), 'tool 3.1 nobody\n');
  assert.equal(content('from-mount'), 'tool 3.1 nobody\n');

  // An error on the daemon inside the imported file: its name and lines.
  const failing = await makeContext({ Dockerfile: 'FROM ./sub/x.Dockerfile\nRUN true\n', 'sub/x.Dockerfile': `FROM ${BUSYBOX}\nRUN exit 4\n` });
  const f = await build({ context: failing, frontend: OUR_LABS_FRONTEND });
  assert.notEqual(f.code, 0);
  const e = errorLines(f.stderr, { locations: 'named' });
  assert.match(e, /^sub\/x\.Dockerfile:2$/m, f.stderr);
  assert.match(e, / >>> RUN exit 4/, f.stderr);
});

test('subrequests through the labs image: lint, outline and targets point into the included file', { timeout: 900_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  await ensureFrontendImage();
  const bin = await subrequestHelper();
  const dir = await makeContext({
    Dockerfile: `FROM ${BUSYBOX} AS base\nINCLUDE checks.Dockerfile\n`,
    'checks.Dockerfile': '# TOKEN_NAME names the secret.\nARG TOKEN_NAME=token\nfrom base as Final\nRUN --mount=type=secret,id=token true\n',
  });
  const answer = async (requestid: string): Promise<Record<string, unknown>> => {
    const r = await run(bin, ['-addr', env.buildkitHost, '-local', `context=${dir}`, '-local', `dockerfile=${dir}`, '-frontend', OUR_LABS_FRONTEND, '-opt', `requestid=${requestid}`], { timeoutMs: 300_000 });
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout.trim()) as { metadata?: Record<string, string>; error?: string };
    assert.ok(a.metadata?.['result.json'], `${requestid}: ${a.error ?? ''}`);
    return JSON.parse(Buffer.from(a.metadata['result.json'], 'base64').toString('utf8')) as Record<string, unknown>;
  };
  const lint = (await answer('frontend.lint')) as { warnings: { ruleName: string; location: { sourceIndex?: number; ranges: { start: { line: number } }[] } }[]; sources: { filename: string }[] };
  assert.deepEqual(
    lint.sources.map((s) => s.filename),
    ['Dockerfile', 'checks.Dockerfile'],
  );
  const casing = lint.warnings.find((w) => w.ruleName === 'StageNameCasing');
  assert.equal(casing?.location.sourceIndex, 1);
  assert.equal(casing?.location.ranges[0].start.line, 3);
  const outline = (await answer('frontend.outline')) as { secrets?: { name: string; location: { sourceIndex?: number } }[]; sources: string[] };
  assert.deepEqual(outline.secrets?.map((x) => [x.name, x.location.sourceIndex]), [['token', 1]]);
  assert.equal(outline.sources.length, 2);
  const targets = (await answer('frontend.targets')) as { targets: { name: string; location: { sourceIndex?: number } }[] };
  assert.deepEqual(
    targets.targets.map((x) => [x.name, x.location.sourceIndex ?? 0]),
    [
      ['base', 0],
      ['final', 1],
    ],
  );
});

test('the stable image rejects INCLUDE as upstream does', { timeout: 900_000 }, async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  await ensureFrontendImage();
  const ctx = await makeContext({ Dockerfile: `FROM ${BUSYBOX}\nINCLUDE other.Dockerfile\n`, 'other.Dockerfile': 'RUN true\n' });
  const ours = await build({ context: ctx, frontend: OUR_FRONTEND });
  const up = await build({ context: ctx, frontend: UPSTREAM_FRONTEND });
  assert.notEqual(up.code, 0);
  assert.notEqual(ours.code, 0);
  assert.equal(errorLines(ours.stderr), errorLines(up.stderr));
  assert.match(errorLines(up.stderr), /unknown instruction: INCLUDE/);
  // And a stage of another Dockerfile is an invalid reference, as upstream says.
  const imp = await makeContext({ Dockerfile: `FROM ${BUSYBOX}\nCOPY --from=./other.Dockerfile#build /a /a\n`, 'other.Dockerfile': `FROM ${BUSYBOX} AS build\n` });
  const ours2 = await build({ context: imp, frontend: OUR_FRONTEND });
  const up2 = await build({ context: imp, frontend: UPSTREAM_FRONTEND });
  assert.notEqual(up2.code, 0);
  assert.equal(errorLines(ours2.stderr), errorLines(up2.stderr));
});
