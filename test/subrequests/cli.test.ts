// The `outline` and `targets` commands of the bundled CLI (npm test builds
// dist/ first) against upstream's answers (the Go oracle's `subrequest`):
// the same result.json / result.txt bytes, and for a failing file upstream's
// message with no line (subrequest errors carry no Dockerfile location).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../tmp.ts';
import { goAvailable, runOracle } from '../oracle/oracle.ts';

const CLI = 'dist/dockerfile-llb.js';
const DIR = join('testdata', 'subrequests');
const IMAGES = join(DIR, 'images.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

function upstream(request: string, file: string, extra: string[] = []): { metadata?: Record<string, string>; error?: { message: string } } {
  return JSON.parse(runOracle(['subrequest', '--request', request, '-f', file, '--image-metadata', IMAGES, ...extra]).toString('utf8'));
}

test('outline prints upstream result.json, with --target and --build-arg', { skip }, () => {
  const file = join(DIR, '03-args-doc.Dockerfile');
  const args = ['--target', 'build', '--build-arg', 'GOOS=darwin'];
  const r = cli(['outline', '-f', file, '--image-metadata', IMAGES, ...args]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, upstream('frontend.outline', file, args).metadata?.['result.json'] + '\n');
});

test('outline --format text prints upstream result.txt', { skip }, () => {
  const file = join(DIR, '04-secrets.Dockerfile');
  const r = cli(['outline', '-f', file, '--image-metadata', IMAGES, '--format', 'text']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, upstream('frontend.outline', file).metadata?.['result.txt']);
});

test('targets prints upstream result.json and result.txt', { skip }, () => {
  const file = join(DIR, '07-targets-platform.Dockerfile');
  const want = upstream('frontend.targets', file).metadata;
  assert.equal(cli(['targets', '-f', file]).stdout, want?.['result.json'] + '\n');
  assert.equal(cli(['targets', '-f', file, '--format', 'text']).stdout, want?.['result.txt']);
});

test('a failing outline or targets prints upstream message without a line, exit 1', { skip }, () => {
  for (const [cmd, request, name] of [
    ['outline', 'frontend.outline', '50-blank-base.Dockerfile'],
    ['outline', 'frontend.outline', '39-circular.Dockerfile'],
    ['targets', 'frontend.targets', '51-parse-error.Dockerfile'],
  ]) {
    const file = join(DIR, name);
    const message = upstream(request, file).error?.message;
    assert.ok(message, `upstream fails on ${name}`);
    const r = cli([cmd, '-f', file, ...(cmd === 'outline' ? ['--image-metadata', IMAGES] : [])]);
    assert.equal(r.status, 1, `${cmd} ${name}: ${r.stdout}`);
    assert.equal(r.stderr, `${file}: ${message}\n`);
  }
});

test('outline --offline takes base images to have no ENV (a note on stderr)', { skip }, () => {
  // The args of this file do not read a base image's ENV: upstream's answer (with the images' configs) is the same.
  const file = join(DIR, '03-args-doc.Dockerfile');
  const r = cli(['outline', '--offline', '-f', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, 'outline: --offline: base images are taken to have no ENV\n');
  assert.equal(r.stdout, upstream('frontend.outline', file).metadata?.['result.json'] + '\n');
});

test('targets answers a Dockerfile with a `# check=` comment between instructions, where upstream v0.32.2 panics', { skip }, () => {
  // Upstream's ListTargets parses the instructions with a nil linter, which a `# check=` comment above an instruction
  // dereferences: the frontend panics (the daemon's built-in one takes buildkitd down with it). Without the comment
  // upstream answers; ours answers the same for the file with it, the Dockerfile's own text (`sources`) aside.
  const tmp = tempDir('targets-check-comment-');
  const withComment = join(tmp, 'with.Dockerfile');
  const without = join(tmp, 'without.Dockerfile');
  writeFileSync(withComment, 'FROM scratch AS base\n# check=skip=JSONArgsRecommended\nCMD mycommand\nFROM base AS final\n');
  writeFileSync(without, 'FROM scratch AS base\n#\nCMD mycommand\nFROM base AS final\n');
  assert.throws(() => upstream('frontend.targets', withComment), /panic: runtime error: invalid memory address or nil pointer dereference[\s\S]*WithMergedConfig/);
  const want = JSON.parse(upstream('frontend.targets', without).metadata?.['result.json'] ?? '') as { sources: string[] };
  const r = cli(['targets', '-f', withComment]);
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout) as { sources: string[] };
  assert.deepEqual(got.sources, [readFileSync(withComment).toString('base64')]);
  assert.deepEqual({ ...got, sources: [] }, { ...want, sources: [] });
  const text = cli(['targets', '-f', withComment, '--format', 'text']);
  assert.equal(text.stdout, upstream('frontend.targets', without).metadata?.['result.txt']);
});
