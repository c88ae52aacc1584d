// Live parity with upstream: every Dockerfile under testdata/convert/dockerfiles
// (and, counted apart, testdata/go-semantics, the generated graphs deeper
// than the JavaScript stack of deep-graphs.ts and the generated git URLs of git-urls.ts) is converted by our converter and by BuildKit v0.32.2's own frontend (the
// Go oracle's `dockerfile2llb`), with the same options. A file is identical
// when the op digests, terminal digest, progress names and image config (its
// bytes too: key order and escapes) are the same, or, for a failing build, the error message and its first line.
// Options a file needs are given in a comment line `# parity: --build-arg K=V
// --platform P[,P] --target T --opt K=V --dockerignore FILE`. `--opt` passes any
// frontend option to upstream; ours parses them with the gateway frontend's
// parseConfig (the settings that reach the converter: add-hosts, shm-size,
// ulimit, resource limits, force-network-mode, hostname, cgroup-parent,
// no-cache, image-resolve-mode, ...) and gets the named-context ones
// (`context:NAME[::PLATFORM]`, `sharedkey:localdir:`, `local-sessionid:`,
// `input-metadata:`). `--dockerignore` is the .dockerignore every local source
// holds (the oracle's fake gateway serves the same files for the build
// context and for `local:` named contexts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { corpusTests } from '../corpus.ts';
import { convertDockerfile, marshalBuild, marshalImage } from '../../src/dockerfile/convert/index.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { frontendLikeOptions } from './frontend-like.ts';
import { compareBuilds, compareImageTexts } from './def-compare.ts';
import { DEEP_GRAPHS, writeDeepGraphs } from './deep-graphs.ts';
import { GIT_URL_COUNT, writeGitUrls } from './git-urls.ts';

const metadataFile = join('testdata', 'convert', 'image-metadata.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

interface ParityArgs {
  buildArgs: Record<string, string>;
  platforms: string[];
  target?: string;
  opts: Record<string, string>;
  dockerignore?: string;
}

function parityArgs(text: string): ParityArgs {
  const out: ParityArgs = { buildArgs: {}, platforms: [], opts: {} };
  const line = text.split('\n').find((l) => l.startsWith('# parity:'));
  if (line === undefined) return out;
  const words = line.slice('# parity:'.length).trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const v = words[++i];
    if (w === '--build-arg') {
      const eq = v.indexOf('=');
      out.buildArgs[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (w === '--platform') out.platforms = v.split(',');
    else if (w === '--target') out.target = v;
    else if (w === '--opt') {
      const eq = v.indexOf('=');
      out.opts[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (w === '--dockerignore') out.dockerignore = v;
    else throw new Error(`unknown parity option ${w}`);
  }
  return out;
}

function oracleArgs(file: string, a: ParityArgs): string[] {
  const args = ['dockerfile2llb', '-f', file, '--image-metadata', metadataFile];
  for (const [k, v] of Object.entries(a.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (a.platforms.length > 0) args.push('--platform', a.platforms.join(','));
  if (a.target) args.push('--target', a.target);
  for (const [k, v] of Object.entries(a.opts)) args.push('--opt', `${k}=${v}`);
  if (a.dockerignore !== undefined) args.push('--dockerignore', a.dockerignore);
  return args;
}

interface JsonRange {
  start: { line: number };
}
interface OracleResult {
  def?: string;
  image?: unknown;
  imageText?: string;
  platforms?: { id: string; def: string; image: unknown; imageText: string }[];
  error?: { message: string; ranges: JsonRange[] };
}

interface Ours {
  defs: Uint8Array[];
  images: unknown[];
  /** The image configs as marshalled (upstream's bytes, key order included). */
  imageTexts: string[];
  error?: DockerfileError | Error;
}

async function runOurs(text: Buffer, a: ParityArgs): Promise<Ours> {
  const out: Ours = { defs: [], images: [], imageTexts: [] };
  try {
    const base = frontendLikeOptions(a, MetadataFileResolver.fromFile(metadataFile));
    // The target platforms as the frontend reads its `platform` option (parsed, normalized).
    const platforms = base.targetPlatforms.length > 0 ? base.targetPlatforms : [undefined];
    for (const p of platforms) {
      // multiPlatformRequested: the frontend's (several platforms, or BUILDKIT_MULTI_PLATFORM / multi-platform).
      const res = await convertDockerfile(text, { ...base, targetPlatform: p });
      out.defs.push(marshalBuild(res.state).encode());
      const config = marshalImage(res.image);
      out.imageTexts.push(config);
      out.images.push(JSON.parse(config));
    }
  } catch (err) {
    out.error = err instanceof Error ? err : new Error(String(err));
  }
  return out;
}

/** The differences between our result and upstream's; empty when identical. */
async function compare(file: string, byteIdentical: Set<string>, upstreamErrors: Set<string>): Promise<string[]> {
  const text = readFileSync(file);
  const a = parityArgs(text.toString('utf8'));
  const up = JSON.parse(runOracle(oracleArgs(file, a)).toString('utf8')) as OracleResult;
  const ours = await runOurs(text, a);
  const diffs: string[] = [];
  if (up.error) {
    upstreamErrors.add(file);
    if (!ours.error) return [`upstream fails with "${up.error.message}", ours succeeds`];
    if (ours.error.message !== up.error.message) diffs.push(`error message: ours "${ours.error.message}", upstream "${up.error.message}"`);
    const upLine = up.error.ranges[0]?.start.line ?? 0;
    const ourLine = ours.error instanceof DockerfileError ? ours.error.line : 0;
    if (upLine !== ourLine) diffs.push(`error line: ours ${ourLine}, upstream ${upLine}`);
    return diffs;
  }
  if (ours.error) return [`ours fails with "${ours.error.message}", upstream succeeds`];
  const upDefs = up.platforms ? up.platforms.map((p) => p.def) : [up.def ?? ''];
  const upImages = up.platforms ? up.platforms.map((p) => p.image) : [up.image];
  if (upDefs.length === ours.defs.length && upDefs.every((d, i) => Buffer.from(d, 'base64').equals(Buffer.from(ours.defs[i]!)))) byteIdentical.add(file);
  const upTexts = up.platforms ? up.platforms.map((p) => p.imageText) : [up.imageText];
  return [...diffs, ...compareImageTexts(upTexts, ours.imageTexts), ...compareBuilds(upDefs, upImages, ours.defs, ours.images)];
}

/**
 * One corpus: a test per file and a summary line `LABEL: N/M files
 * identical`. testdata/convert/dockerfiles is the main one; testdata/go-semantics
 * holds the cases where Go and JavaScript part (strings.EqualFold, ToLower
 * and ToUpper with ſ, K, İ, ß and the like; map keys such as "10" or
 * "__proto__"), counted on their own.
 */
function corpus(label: string, dir: string, minFiles: number): void {
  /** Files whose whole Definition (source map included) is byte-identical; reported, not asserted. */
  const byteIdentical = new Set<string>();
  /** Files upstream refuses to build. */
  const upstreamErrors = new Set<string>();
  const { files, results } = corpusTests(label, dir, skip, (path) => compare(path, byteIdentical, upstreamErrors));

  test(`${label}: summary`, { skip }, () => {
    const ok = [...results.values()].filter((d) => d.length === 0).length;
    const line = `${label}: ${ok}/${results.size} files identical`;
    console.log(line);
    const built = [...results.keys()].filter((f) => !upstreamErrors.has(join(dir, f)));
    console.log(`${label}: ${byteIdentical.size}/${built.length} successful builds with byte-identical Definitions (source map included)`);
    const failing = [...results.entries()].filter(([, d]) => d.length > 0).map(([f]) => f);
    if (failing.length > 0) console.log(`${label}: differing: ${failing.join(', ')}`);
    if (process.env.PARITY_VERBOSE) console.log(`not byte-identical: ${[...results.keys()].filter((f) => !upstreamErrors.has(join(dir, f)) && !byteIdentical.has(join(dir, f))).join(' ')}`);
    if (process.env.PARITY_VERBOSE) for (const f of failing) console.log(`--- ${f}\n${(results.get(f) ?? []).join('\n')}`);
    assert.ok(files.length >= minFiles, `${dir} has ${files.length} files, expected at least ${minFiles}`);
    assert.equal(results.size, files.length);
  });
}

corpus('convert parity', join('testdata', 'convert', 'dockerfiles'), 280);
corpus('go semantics convert parity', join('testdata', 'go-semantics'), 10);
corpus('deep graph convert parity', writeDeepGraphs(), Object.keys(DEEP_GRAPHS).length);
corpus('git url convert parity', writeGitUrls(), GIT_URL_COUNT);
