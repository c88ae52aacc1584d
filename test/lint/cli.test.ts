// The `lint` command of the bundled CLI (npm test builds dist/ first).
// Expected findings come from upstream (the Go oracle's `lint`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import type { LintResult } from '../../src/dockerfile/lint/index.ts';

const CLI = 'dist/dockerfile-llb.js';
const DIR = join('testdata', 'lint');
const META = join('testdata', 'convert', 'image-metadata.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, 'lint', ...args], { encoding: 'utf8', input });
}

function upstream(file: string, extra: string[] = []): LintResult {
  return JSON.parse(runOracle(['lint', '-f', file, '--image-metadata', META, ...extra]).toString('utf8')) as LintResult;
}

test('text output is FILE:LINE RuleName - message, one line per upstream warning, exit 0', { skip }, () => {
  const file = join(DIR, 'many-rules.Dockerfile');
  const r = run([file, '--image-metadata', META]);
  assert.equal(r.status, 0, r.stderr);
  const expected = (upstream(file).warnings ?? []).map((w) => `${file}:${w.location?.ranges?.[0].start.line} ${w.ruleName} - ${w.detail}`);
  assert.ok(expected.length > 5);
  assert.deepEqual(r.stdout.trimEnd().split('\n'), expected);
});

test('json output has the warnings of upstream result.json', { skip }, () => {
  const file = join(DIR, 'expose-invalid-format.Dockerfile');
  const r = run([file, '--format', 'json', '--image-metadata', META]);
  assert.equal(r.status, 0, r.stderr);
  const ours = JSON.parse(r.stdout) as LintResult;
  assert.deepEqual(ours.warnings, upstream(file).warnings);
  assert.equal(ours.sources[0].language, 'Dockerfile');
});

test('error=true exits 1 and reports the lint violation', { skip }, () => {
  const file = join(DIR, 'check-error-true.Dockerfile');
  const r = run([file, '--image-metadata', META]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, new RegExp(`error: ${upstream(file).buildError?.message}`));
});

test('BUILDKIT_DOCKERFILE_CHECK build arg replaces the directive', () => {
  const r = run(['-', '--offline', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=MaintainerDeprecated'], '# check=skip=StageNameCasing\nFROM alpine AS Bad\nMAINTAINER x\n');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^<stdin>:2 StageNameCasing - Stage name 'Bad' should be lowercase\n$/);
  assert.match(r.stderr, /--offline: InvalidBaseImagePlatform is skipped/);
});

test('a file that does not parse exits 1', () => {
  const r = run(['-'], 'FROM alpine\nFOO bar\n');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:2 error: dockerfile parse error on line 2: unknown instruction: FOO \(did you mean FROM\?\)\n$/);
});

test('a clean file prints nothing and exits 0', () => {
  const r = run(['-', '--offline'], 'FROM alpine\nCMD ["true"]\n');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
});

test('sarif output is SARIF 2.1.0 with one result per warning', () => {
  const r = run(['-', '--offline', '--format', 'sarif'], 'FROM alpine AS Bad\nMAINTAINER x\n');
  assert.equal(r.status, 0);
  const s = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; tool: { driver: { rules: unknown[] } } }[] };
  assert.equal(s.version, '2.1.0');
  assert.equal(s.runs[0].tool.driver.rules.length, 22);
  assert.deepEqual(
    s.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.region.startLine]),
    [
      ['StageNameCasing', 1],
      ['MaintainerDeprecated', 2],
    ],
  );
});

test('a bad BUILDKIT_DOCKERFILE_CHECK is an error', () => {
  const r = run(['-', '--offline', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=bogus'], 'FROM alpine\n');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option "bogus"/);
});
