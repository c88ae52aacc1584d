// Golden files for behaviour only this project has (the parity corpora can
// hold only what upstream accepts). Each directory of testdata/features is a
// case: a Dockerfile (and context files beside it, e.g. .dockerignore), an
// optional case.json, and what the bundled CLI (npm test builds dist/ first)
// prints for it, run in the case's directory:
//   llb.jsonl          `llb --format json` (one op per line, like dump-llb)
//   image-config.json  its --image-config-out
//   lint.json          `lint --format json`
//   lint.sarif         `lint --format sarif`
//   outline.json       `outline` (result.json)
// and, when case.json lists them in `outputs`:
//   lint.txt           `lint` (text: Dockerfile:LINE Rule - message)
//   fixed.Dockerfile   the Dockerfile after `lint --fix`
//   fmt.Dockerfile     `fmt` (with --reindent when case.json says so)
//   targets.json       `targets` (result.json): where stages come from
// A command that fails has NAME.error instead: its exit status, stderr and
// stdout (lint's report of a file that cannot be built).
// UPDATE_GOLDEN=1 rewrites every case's files from what the code prints now;
// otherwise a difference (or a missing or extra file) fails with a diff.
//
// case.json: {"description", "target", "buildArgs": {K: V}, "platform",
// "imageMetadata" (base image configs, relative to the case; default
// testdata/convert/image-metadata.json), "channel", "pack" (a lint pack the
// lint commands run with, `--pack`), "reindent" (fmt --reindent), "outputs"
// (which files the case has; default the first five above)}. `channel` is "stable"
// (the default) or "labs" (docs/labs.md), passed to every command as
// `--channel`. A stable case whose `llb`
// fails must fail as upstream does: the Go oracle is asked for the same file
// and options and must give the same message and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';

const DIR = join('testdata', 'features');
const CLI = resolve('dist', 'dockerfile-llb.js');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CHANNELS = ['stable', 'labs'] as const;
const DEFAULT_OUTPUTS = ['llb.jsonl', 'image-config.json', 'lint.json', 'lint.sarif', 'outline.json'];
const OUTPUTS = [...DEFAULT_OUTPUTS, 'lint.txt', 'fixed.Dockerfile', 'fmt.Dockerfile', 'targets.json'];
const isGolden = (f: string): boolean => OUTPUTS.some((o) => f === o || f === o.replace(/\.[^.]+$/, '.error'));

interface Case {
  description?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  imageMetadata?: string;
  channel?: (typeof CHANNELS)[number];
  pack?: string;
  reindent?: boolean;
  outputs?: string[];
}

/**
 * COPY --link's progress group id is random (upstream's identity.NewID): each
 * id becomes `group-N`, numbered in order of appearance, so a golden is stable.
 */
function stableGroupIds(jsonl: string): string {
  const ids = new Map<string, string>();
  return jsonl.replace(/"progress_group":\{"id":"([^"]*)"/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, `group-${ids.size + 1}`);
    return `"progress_group":{"id":"${ids.get(id)}"`;
  });
}

/** The base image configs a case resolves from. */
function metadataFile(dir: string, c: Case): string {
  return c.imageMetadata !== undefined ? resolve(dir, c.imageMetadata) : resolve('testdata', 'convert', 'image-metadata.json');
}

function readCase(dir: string): Case {
  const file = join(dir, 'case.json');
  const c = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Case) : {};
  const known = ['description', 'target', 'buildArgs', 'platform', 'imageMetadata', 'channel', 'pack', 'reindent', 'outputs'];
  for (const k of Object.keys(c)) assert.ok(known.includes(k), `${file}: unknown field "${k}" (known: ${known.join(', ')})`);
  assert.ok(CHANNELS.includes(c.channel ?? 'stable'), `${file}: unknown channel "${c.channel}" (known: ${CHANNELS.join(', ')})`);
  for (const o of c.outputs ?? []) assert.ok(OUTPUTS.includes(o), `${file}: unknown output "${o}" (known: ${OUTPUTS.join(', ')})`);
  return c;
}

/** What each command prints for the case: file name -> content. */
function outputs(dir: string, c: Case): Map<string, string> {
  const meta = metadataFile(dir, c);
  const common = [...(c.target ? ['--target', c.target] : []), ...Object.entries(c.buildArgs ?? {}).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`])];
  const platform = c.platform ? ['--platform', c.platform] : [];
  common.push('--channel', c.channel ?? 'stable');
  const out = new Map<string, string>();
  const cli = (name: string, args: string[]): boolean => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status === 0) out.set(name, name === 'llb.jsonl' ? stableGroupIds(r.stdout) : r.stdout);
    else out.set(name.replace(/\.[^.]+$/, '.error'), `exit ${r.status}\n${r.stderr}${r.stdout}`);
    return r.status === 0;
  };
  const wanted = new Set(c.outputs ?? DEFAULT_OUTPUTS);
  const pack = c.pack ? ['--pack', c.pack] : [];
  const tmp = mkdtempSync(join(tmpdir(), 'feature-'));
  try {
    const config = join(tmp, 'image-config.json');
    if (wanted.has('llb.jsonl') && cli('llb.jsonl', ['llb', '-f', 'Dockerfile', '--format', 'json', '--image-metadata', meta, '--image-config-out', config, ...common, ...platform])) {
      out.set('image-config.json', readFileSync(config, 'utf8'));
    }
    if (wanted.has('fixed.Dockerfile')) {
      const copy = join(tmp, 'Dockerfile');
      copyFileSync(join(dir, 'Dockerfile'), copy);
      if (cli('fixed.Dockerfile', ['lint', copy, '--fix', '--image-metadata', meta, ...pack, ...common, ...platform])) out.set('fixed.Dockerfile', readFileSync(copy, 'utf8'));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (wanted.has('lint.json')) cli('lint.json', ['lint', 'Dockerfile', '--format', 'json', '--image-metadata', meta, ...pack, ...common, ...platform]);
  if (wanted.has('lint.sarif')) cli('lint.sarif', ['lint', 'Dockerfile', '--format', 'sarif', '--image-metadata', meta, ...pack, ...common, ...platform]);
  if (wanted.has('lint.txt')) cli('lint.txt', ['lint', 'Dockerfile', '--image-metadata', meta, ...pack, ...common, ...platform]);
  if (wanted.has('outline.json')) cli('outline.json', ['outline', '-f', 'Dockerfile', '--image-metadata', meta, ...common]);
  if (wanted.has('targets.json')) cli('targets.json', ['targets', '-f', 'Dockerfile', '--channel', c.channel ?? 'stable']);
  if (wanted.has('fmt.Dockerfile')) cli('fmt.Dockerfile', ['fmt', 'Dockerfile', ...(c.reindent ? ['--reindent'] : [])]);
  return out;
}

/** A stable case that `llb` rejects must be rejected by upstream with the same `Dockerfile:LINE: message`. */
function assertUpstreamRejects(dir: string, c: Case, ours: string): void {
  const args = ['dockerfile2llb', '-f', join(dir, 'Dockerfile'), '--image-metadata', metadataFile(dir, c)];
  if (c.target) args.push('--target', c.target);
  for (const [k, v] of Object.entries(c.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
  if (c.platform) args.push('--platform', c.platform);
  const up = JSON.parse(runOracle(args).toString('utf8')) as { error?: { message: string; ranges: { start: { line: number } }[] } };
  assert.ok(up.error, `${dir}: upstream accepts what the stable channel rejects`);
  const line = up.error.ranges[0]?.start.line ?? 0;
  assert.equal(ours, `exit 1\n${line > 0 ? `Dockerfile:${line}: ` : 'Dockerfile: '}${up.error.message}\n`, `${dir}: upstream's error`);
}

// A case is a directory holding a Dockerfile; other folders of
// testdata/features (fmt, lint-pack, lint-fix) have harnesses of their own.
const cases = readdirSync(DIR)
  .filter((n) => statSync(join(DIR, n)).isDirectory() && existsSync(join(DIR, n, 'Dockerfile')))
  .sort();

test('testdata/features holds feature cases', () => {
  assert.ok(cases.length > 0, 'no case in testdata/features');
});

const skipUpstream = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

for (const name of cases) {
  const dir = join(DIR, name);
  test(`feature ${name}`, () => {
    const c = readCase(dir);
    const got = outputs(dir, c);
    const present = readdirSync(dir).filter(isGolden).sort();
    if (UPDATE) {
      for (const f of present) if (!got.has(f)) unlinkSync(join(dir, f));
      for (const [f, text] of got) writeFileSync(join(dir, f), text);
      return;
    }
    assert.deepEqual(present, [...got.keys()].sort(), `${dir}: golden files (UPDATE_GOLDEN=1 rewrites them)`);
    for (const [f, text] of got) assert.equal(text, readFileSync(join(dir, f), 'utf8'), `${dir}/${f} differs (UPDATE_GOLDEN=1 rewrites it)`);
  });
  // The golden error of a stable rejection is upstream's: it is confirmed live.
  const rejected = join(dir, 'llb.error');
  if ((readCase(dir).channel ?? 'stable') === 'stable' && existsSync(rejected)) {
    test(`feature ${name}: upstream rejects it with the same error`, { skip: skipUpstream }, () => {
      assertUpstreamRejects(dir, readCase(dir), readFileSync(rejected, 'utf8'));
    });
  }
}
