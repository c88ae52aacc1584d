// Platform parsing, formatting, normalization and matching against upstream.
// testdata/platform-vectors.json holds what containerd/platforms v1.0.0-rc.4
// returns for every string literal in its own test files (platforms_test.go,
// compare_test.go, platform_windows_compat_test.go) plus a few extras, and,
// for each resulting platform, which candidates platforms.Only accepts and
// the order LimitManifests sorts them in. upstream-gen/run.sh regenerates it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatPlatform, formatPlatformAll, fromOCIPlatform, normalizePlatform, parsePlatform, toOCIPlatform, type OCIPlatform, type Platform } from '../../src/platform/platform.ts';
import { onlyPlatform, rankManifests } from '../../src/registry/platform-match.ts';

interface ParseCase {
  input: string;
  err?: string;
  parsed?: OCIPlatform;
  format?: string;
  formatAll?: string;
  normalized?: OCIPlatform;
}
interface OnlyCase {
  want: OCIPlatform;
  matches: string;
  order: number[] | null;
}
interface Vectors {
  defaultPlatform: OCIPlatform;
  parse: ParseCase[];
  candidates: OCIPlatform[];
  only: OnlyCase[];
}

const v = JSON.parse(readFileSync(new URL('./testdata/platform-vectors.json', import.meta.url), 'utf8')) as Vectors;
// Upstream consulted its own machine for lone "linux" or "amd64"; use the same.
const host: Platform = fromOCIPlatform(v.defaultPlatform);

test('platform vectors exist', () => {
  assert.ok(v.parse.length > 50 && v.only.length > 20, `${v.parse.length} parse, ${v.only.length} only`);
});

test('parsePlatform / formatPlatform / formatPlatformAll / normalizePlatform match upstream', () => {
  for (const c of v.parse) {
    const label = `Parse(${JSON.stringify(c.input)})`;
    let p: Platform;
    try {
      p = parsePlatform(c.input, host);
    } catch (err) {
      assert.equal((err as Error).message, c.err, label);
      continue;
    }
    assert.equal(c.err, undefined, `${label} should fail with ${c.err}`);
    assert.deepEqual(toOCIPlatform(p), c.parsed, label);
    assert.equal(formatPlatform(p), c.format, `Format of ${label}`);
    assert.equal(formatPlatformAll(p), c.formatAll, `FormatAll of ${label}`);
    assert.deepEqual(toOCIPlatform(normalizePlatform(p, host)), c.normalized, `Normalize of ${label}`);
  }
});

test('onlyPlatform matches and ranks candidates as upstream', () => {
  const candidates = v.candidates.map(fromOCIPlatform);
  for (const c of v.only) {
    const want = fromOCIPlatform(c.want);
    const m = onlyPlatform(want, host);
    const got = candidates.map((p) => (m.match(p) ? '1' : '0')).join('');
    assert.equal(got, c.matches, `Only(${JSON.stringify(c.want)}).Match`);
    const ranked = rankManifests(
      candidates.map((platform, index) => ({ platform, index })),
      m,
    ).map((e) => e.index);
    assert.deepEqual(ranked, c.order ?? [], `Only(${JSON.stringify(c.want)}) order`);
  }
});

// From containerd's platforms_test.go TestParseSelector and compare_test.go TestOnly.
test('upstream table spot checks', () => {
  assert.deepEqual(parsePlatform('linux/arm64/v8', host), { os: 'linux', architecture: 'arm64', variant: 'v8' });
  assert.deepEqual(parsePlatform('linux/arm64', host), { os: 'linux', architecture: 'arm64' });
  assert.deepEqual(parsePlatform('linux/arm', host), { os: 'linux', architecture: 'arm' });
  assert.deepEqual(parsePlatform('armhf', host), { os: 'linux', architecture: 'arm' });
  assert.deepEqual(parsePlatform('i386', host), { os: 'linux', architecture: '386' });
  assert.deepEqual(normalizePlatform({ os: 'linux', architecture: 'aarch64', variant: 'v8' }, host), { os: 'linux', architecture: 'arm64' });
  assert.throws(() => parsePlatform('linux/arm/v7/extra', host), /cannot parse platform specifier: invalid argument/);
  assert.throws(() => parsePlatform('foobar', host), /^PlatformError: "foobar": unknown operating system or architecture: invalid argument$/);
  const arm64 = onlyPlatform({ os: 'linux', architecture: 'arm64' }, host);
  assert.ok(arm64.match({ os: 'linux', architecture: 'arm', variant: 'v7' }));
  assert.ok(!arm64.match({ os: 'linux', architecture: 'amd64' }));
  const amd64 = onlyPlatform({ os: 'linux', architecture: 'amd64' }, host);
  assert.ok(amd64.match({ os: 'linux', architecture: '386' }));
});

// A platform's variant is user input (`FROM --platform=linux/amd64/v...`): containerd lists
// every lower variant, a billion for v1000000000; ours stops at v64 (every variant an image
// has, in the same order) and reads the number as strconv.Atoi does (none past int64).
test('a hostile amd64 or arm variant neither hangs nor changes what matches', { timeout: 30_000 }, () => {
  const huge = onlyPlatform({ os: 'linux', architecture: 'amd64', variant: 'v1000000000' }, host);
  assert.ok(huge.match({ os: 'linux', architecture: 'amd64', variant: 'v2' }));
  assert.ok(huge.match({ os: 'linux', architecture: 'amd64' }));
  assert.ok(huge.match({ os: 'linux', architecture: '386' }));
  assert.ok(!huge.match({ os: 'linux', architecture: 'amd64', variant: 'v1000000001' }));
  // Beyond int64: Atoi fails, so no lower variant (but 386 still).
  const past = onlyPlatform({ os: 'linux', architecture: 'amd64', variant: 'v99999999999999999999' }, host);
  assert.ok(!past.match({ os: 'linux', architecture: 'amd64', variant: 'v2' }));
  assert.ok(past.match({ os: 'linux', architecture: '386' }));
  const arm = onlyPlatform({ os: 'linux', architecture: 'arm', variant: 'v2000000000' }, host);
  assert.ok(arm.match({ os: 'linux', architecture: 'arm', variant: 'v7' }));
  assert.ok(!arm.match({ os: 'linux', architecture: 'arm', variant: 'v4' }));
});
