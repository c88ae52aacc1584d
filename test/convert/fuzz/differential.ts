// Differential comparison of our converter and build checks with upstream's
// (the Go oracle, many inputs per process through `oracle batch`), compared
// exactly as test/convert/parity.test.ts and test/lint/parity.test.ts
// compare the corpus: op digests, terminal digest, progress names, image
// config, error message and first line; lint warnings (rule, detail,
// description, url, line ranges, order) and the build error.
// FUZZ_CHANNEL=labs compares our labs channel with upstream's labs build
// instead; its by-design difference (a variable in --from / from=,
// test/labs/by-design.ts) is counted as a known difference.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOracleBatch, runOracleBatchAsync, type OracleBatchRequest } from '../../oracle/oracle.ts';
import { convertDockerfile, marshalBuild, marshalImage } from '../../../src/dockerfile/convert/index.ts';
import { lintDockerfile } from '../../../src/dockerfile/convert/index.ts';
import type { LintResult } from '../../../src/dockerfile/lint/index.ts';
import { DockerfileError } from '../../../src/dockerfile/errors.ts';
import { MetadataFileResolver } from '../../../src/registry/metadata-file.ts';
import type { ImageResolver } from '../../../src/registry/resolver.ts';
import { convertOptions, parseConfig } from '../../../src/dockerui/index.ts';
import { frontendLikeOptions } from '../frontend-like.ts';
import { hasKeptBytes } from '../../../src/go/kept-bytes.ts';
import { compareBuilds, compareImageTexts } from '../def-compare.ts';
import type { FuzzInput } from './generate.ts';
import { labsByDesign } from '../../labs/by-design.ts';
import { fuzzChannel as channel } from './counts.ts';

export const metadataFile = 'testdata/convert/image-metadata.json';

interface OracleConvert {
  def?: string;
  image?: unknown;
  imageText?: string;
  platforms?: { id: string; def: string; image: unknown; imageText: string }[];
  error?: { message: string; ranges: { start: { line: number } }[] };
  warnings?: { ruleName: string; message: string; ranges: { start: { line: number }; end: { line: number } }[] }[];
  oracleError?: string;
}

/** Files an input needs beyond its options: its Dockerfile's bytes, its own image metadata. */
interface InputFiles {
  dockerfile?: string;
  metadata?: string;
  dockerignore?: string;
}
const inputFiles = new WeakMap<FuzzInput, InputFiles>();
let scratchDir: string | undefined;

/** The digest every extra image of an input is given. */
const EXTRA_DIGEST = 'sha256:' + 'e'.repeat(64);

/** Writes the files of inputs with raw bytes or extra images (once per input; removed at exit). */
function materialize(a: FuzzInput): InputFiles {
  let f = inputFiles.get(a);
  if (f !== undefined) return f;
  f = {};
  if (a.bytes !== undefined || a.images !== undefined || a.dockerignoreBytes !== undefined) {
    if (scratchDir === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'fuzz-inputs-'));
      scratchDir = dir;
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    const base = join(scratchDir, String(++fileCount));
    if (a.bytes !== undefined) writeFileSync((f.dockerfile = base + '.Dockerfile'), a.bytes);
    if (a.dockerignoreBytes !== undefined) writeFileSync((f.dockerignore = base + '.dockerignore'), a.dockerignoreBytes);
    if (a.images !== undefined) {
      // The shared metadata with the input's entries added, their configs as written.
      const shared = readFileSync(metadataFile, 'utf8').trimEnd();
      const extra = Object.entries(a.images).map(([k, config]) => `${JSON.stringify(k)}: {"digest": "${EXTRA_DIGEST}", "config": ${config}}`);
      writeFileSync((f.metadata = base + '.json'), `${shared.slice(0, -1)}, ${extra.join(', ')}}`);
    }
  }
  inputFiles.set(a, f);
  return f;
}
let fileCount = 0;

/** Removes the files materialize wrote for these inputs (a long run would otherwise keep one per input until it exits). */
export function releaseInputs(inputs: FuzzInput[]): void {
  for (const a of inputs) {
    const f = inputFiles.get(a);
    if (f === undefined) continue;
    for (const path of [f.dockerfile, f.metadata, f.dockerignore]) if (path !== undefined) rmSync(path, { force: true });
    inputFiles.delete(a);
  }
}

/** The .dockerignore's path: the input's own file, or the one written for its bytes. */
function ignorePath(a: FuzzInput): string | undefined {
  return materialize(a).dockerignore ?? a.dockerignore;
}

/** The Dockerfile's bytes. */
function dockerfileBytes(a: FuzzInput): Buffer {
  return a.bytes ?? Buffer.from(a.text);
}

function oracleArgs(cmd: 'dockerfile2llb' | 'lint', a: FuzzInput): string[] {
  const files = materialize(a);
  const args = ['-f', files.dockerfile ?? '-', '--image-metadata', files.metadata ?? metadataFile];
  for (const [k, v] of Object.entries(a.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (a.target) args.push('--target', a.target);
  if (cmd === 'dockerfile2llb') {
    if (a.platforms.length > 0) args.push('--platform', a.platforms.join(','));
    for (const [k, v] of Object.entries(a.opts)) args.push('--opt', `${k}=${v}`);
  } else if (a.platforms.length === 1) args.push('--platform', a.platforms[0]);
  const ignore = ignorePath(a);
  if (ignore !== undefined) args.push('--dockerignore', ignore);
  return args;
}

export interface OursConvert {
  defs: Uint8Array[];
  images: unknown[];
  /** The image configs as marshalled (compared with upstream's bytes). */
  imageTexts: string[];
  error?: Error;
  /** Milliseconds the conversion took (all platforms). */
  ms: number;
  /** The error came from parsing the frontend options, before the converter ran. */
  optionError?: boolean;
  /** Build-check warnings the conversion sent (rule @lines detail), as the gateway frontend sends them. */
  warnings: string[];
  /** A Definition's op metadata (progress names) holds bytes that are no UTF-8 (see DiffResult.known). */
  keptBytesInMetadata?: boolean;
}

/** Errors the image resolver threw: they reach the caller unchanged, as upstream's do. */
const resolverErrors = new WeakSet<object>();
/** The shared metadata file's resolver, or an input's own; its errors are marked as the resolver's. */
function resolverFor(a: FuzzInput): ImageResolver {
  const path = materialize(a).metadata;
  const fileResolver = path === undefined ? sharedResolver : MetadataFileResolver.fromFile(path);
  return {
    resolve: async (ref, opts) => {
      try {
        return await fileResolver.resolve(ref, opts);
      } catch (err) {
        if (err !== null && typeof err === 'object') resolverErrors.add(err);
        throw err;
      }
    },
  };
}
const sharedResolver = MetadataFileResolver.fromFile(metadataFile);

/**
 * The resolver's "not found" message is the fake registry's own on each
 * side (ours names the metadata file, the oracle's lists the keys it
 * tried): both become `<no image metadata for REF>`.
 */
function normalizeMessage(m: string): string {
  return m
    .replace(/image metadata for (\S+) \([^)]*\) not found in \S+/g, '<no image metadata for $1>')
    .replace(/oracle: no image metadata for (\S+) \(looked up [^)]*\)/g, '<no image metadata for $1>')
    // Neither side can read a remote source's time (SOURCE_DATE_EPOCH=stage) without a real gateway.
    .replace(/^SOURCE_DATE_EPOCH=\S+: reading the time of (\S+) needs the BuildKit gateway's source metadata$/, '<no source metadata for $1>')
    .replace(/^oracle: resolving source metadata for (\S+) is not supported$/, '<no source metadata for $1>');
}

/**
 * Our text as it is written out (UTF-8): a byte that is no UTF-8, kept as a
 * lone surrogate (src/go/kept-bytes.ts), is written U+FFFD, as Go's JSON
 * encoder writes such a byte in the oracle's answers.
 */
function asWritten(s: string): string {
  return (s as string & { toWellFormed(): string }).toWellFormed();
}

/** Our conversion, with the options parity.test.ts uses. */
export async function runOursConvert(a: FuzzInput): Promise<OursConvert> {
  const t0 = performance.now();
  const out: OursConvert = { defs: [], images: [], imageTexts: [], ms: 0, warnings: [] };
  let base;
  try {
    // The frontend's option parsing: its errors are not the converter's.
    base = frontendLikeOptions({ ...a, dockerignore: ignorePath(a), channel }, resolverFor(a));
  } catch (err) {
    out.error = err instanceof Error ? err : new Error(String(err));
    out.optionError = true;
    return out;
  }
  try {
    const { targetPlatforms, ...opts } = base;
    // The target platforms as the frontend reads its `platform` option (parsed, normalized).
    const platforms = targetPlatforms.length > 0 ? targetPlatforms : [undefined];
    for (const p of platforms) {
      const res = await convertDockerfile(dockerfileBytes(a), {
        ...opts,
        targetPlatform: p,
        multiPlatformRequested: platforms.length > 1 || opts.multiPlatformRequested === true,
        // The gateway frontend always passes one (upstream's Warn): without it no rule runs, and `error=true` never fails.
        // The frontend sends the first platform's warnings only.
        lintWarn: p === platforms[0] ? (rule, _desc, _url, detail, ranges) => out.warnings.push(asWritten(`${rule} @${ranges.map((x) => `${x.start}-${x.end}`).join(',')} ${detail}`)) : undefined,
      });
      const def = marshalBuild(res.state);
      if ([...def.metadata.values()].some((m) => Object.values(m.description ?? {}).some(hasKeptBytes))) out.keptBytesInMetadata = true;
      out.defs.push(def.encode());
      const config = marshalImage(res.image);
      out.imageTexts.push(config);
      out.images.push(JSON.parse(config));
    }
  } catch (err) {
    out.error = err instanceof Error ? err : new Error(String(err));
  }
  out.ms = performance.now() - t0;
  return out;
}

function compareConvert(up: OracleConvert, ours: OursConvert): string[] {
  if (up.oracleError !== undefined) return [`oracle failed: ${up.oracleError}`];
  const diffs: string[] = [];
  if (!ours.optionError) {
    // Upstream's Warn message is "Rule: detail (line N)" or, without a location, "Rule: detail".
    const upWarnings = (up.warnings ?? []).map((w) => {
      const detail = w.message.slice(w.ruleName.length + 2).replace(/ \(lines? [0-9-]+\)$/, '');
      return `${w.ruleName} @${w.ranges.map((x) => `${x.start.line}-${x.end.line}`).join(',')} ${detail}`;
    });
    if (JSON.stringify(mapOrder(upWarnings)) !== JSON.stringify(mapOrder(ours.warnings))) diffs.push(`convert warnings:\n  ours     ${JSON.stringify(ours.warnings)}\n  upstream ${JSON.stringify(upWarnings)}`);
  }
  if (up.error) {
    if (!ours.error) return [`upstream fails with "${up.error.message}", ours succeeds`];
    if (normalizeMessage(normalizeError(asWritten(ours.error.message))) !== normalizeMessage(normalizeError(up.error.message))) diffs.push(`error message: ours "${ours.error.message}", upstream "${up.error.message}"`);
    const upLine = up.error.ranges[0]?.start.line ?? 0;
    const ourLine = ours.error instanceof DockerfileError ? ours.error.line : 0;
    if (upLine !== ourLine) diffs.push(`error line: ours ${ourLine}, upstream ${upLine}`);
    return diffs;
  }
  if (ours.error) return [`ours fails with "${ours.error.message}", upstream succeeds`];
  const upDefs = up.platforms ? up.platforms.map((p) => p.def) : [up.def ?? ''];
  const upImages = up.platforms ? up.platforms.map((p) => p.image) : [up.image];
  const upTexts = up.platforms ? up.platforms.map((p) => p.imageText) : [up.imageText];
  return [...diffs, ...compareImageTexts(upTexts, ours.imageTexts), ...compareBuilds(upDefs, upImages, ours.defs, ours.images)];
}

/**
 * Upstream reports the variables of one instruction (UndefinedVar,
 * UndefinedArgInFrom) by iterating a Go map: in random order. Warnings of
 * one rule at one location are compared as a sorted run.
 *
 * InvalidBaseImagePlatform is reported while the stages' base images are
 * resolved, one goroutine per stage (errgroup), in the order the goroutines
 * run: undefined, and in a fresh process usually the last stage first (Go
 * runs the goroutine started last first), so no rerun shows ours, which
 * reports them in stage order. Nothing else is reported while they resolve:
 * a run of these warnings is compared sorted, whatever their lines.
 */
function mapOrder(warnings: string[]): string[] {
  const key = (w: string): string => (w.startsWith('InvalidBaseImagePlatform ') ? 'InvalidBaseImagePlatform' : w.slice(0, w.indexOf(' ', w.indexOf('@'))));
  const out: string[] = [];
  for (let i = 0; i < warnings.length; ) {
    let j = i + 1;
    while (j < warnings.length && key(warnings[j]) === key(warnings[i])) j++;
    out.push(...warnings.slice(i, j).sort());
    i = j;
  }
  return out;
}

// Upstream lists the rules of `lint violation found for rules:` in Go map order.
function normalizeError(message: string): string {
  const prefix = 'lint violation found for rules: ';
  if (!message.startsWith(prefix)) return message;
  return prefix + message.slice(prefix.length).split(', ').sort().join(', ');
}

interface LintComparable {
  warnings: string[];
  error?: string;
}

function lintComparable(r: LintResult): LintComparable {
  const ranges = (loc: { ranges?: { start: { line: number }; end: { line: number } }[] } | undefined): string =>
    (loc?.ranges ?? []).map((x) => `${x.start.line ?? 0}-${x.end.line ?? 0}`).join(',');
  const out: LintComparable = {
    warnings: (r.warnings ?? []).map((w) => asWritten(`${w.ruleName} @${ranges(w.location)} ${w.detail ?? ''} | ${w.description ?? ''} | ${w.url ?? ''}`)),
  };
  if (r.buildError) out.error = `${normalizeMessage(normalizeError(asWritten(r.buildError.message)))} @${ranges(r.buildError.location)}`;
  return out;
}

/** Our lint result in the comparable form; a thrown error as upstream's {"error"} answer would read. */
export async function runOursLint(a: FuzzInput): Promise<LintComparable & { thrown?: Error }> {
  const ignorePathOf = ignorePath(a);
  const ignore = ignorePathOf === undefined ? undefined : readFileSync(ignorePathOf);
  let cfg;
  try {
    // Build args and a platform the frontend rejects (upstream's lint gets the build args and one platform, not the other options).
    const opts = new Map(Object.entries(a.buildArgs).map(([k, v]) => [`build-arg:${k}`, v]));
    if (a.platforms.length === 1) opts.set('platform', a.platforms[0]!);
    cfg = parseConfig(opts, undefined, channel);
  } catch (err) {
    return { warnings: [], error: `thrown: ${(err as Error).message}` };
  }
  if (a.target !== undefined) cfg.target = a.target;
  try {
    return lintComparable(
      await lintDockerfile(dockerfileBytes(a), {
        ...convertOptions(cfg, { resolver: resolverFor(a) }, { sessionId: 'oracle-session', ignoreFile: ignore }),
        // No target platform: upstream's lint subrequest converts for the build platform whatever `platform` says.
        targetPlatform: undefined,
      }),
    );
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { warnings: [], error: `thrown: ${normalizeMessage(asWritten(e.message))}`, thrown: e };
  }
}

function compareLint(upLine: string, ours: LintComparable): string[] {
  const raw = JSON.parse(upLine) as LintResult & { error?: { message: string }; oracleError?: string };
  if (raw.oracleError !== undefined) return [`oracle lint failed: ${raw.oracleError}`];
  const up: LintComparable = raw.error ? { warnings: [], error: `thrown: ${normalizeMessage(raw.error.message)}` } : lintComparable(raw);
  const diffs: string[] = [];
  const [uw, ow] = [mapOrder(up.warnings), mapOrder(ours.warnings)];
  const n = Math.max(uw.length, ow.length);
  for (let i = 0; i < n; i++) {
    if (uw[i] !== ow[i]) diffs.push(`lint warning #${i}:\n  ours     ${ours.warnings[i]}\n  upstream ${up.warnings[i]}`);
  }
  if (up.error !== ours.error) diffs.push(`lint build error:\n  ours     ${ours.error}\n  upstream ${up.error}`);
  return diffs;
}

/** Errors of resolving one stage's base (its name, image, image config or named context). */
const STAGE_RESOLUTION_ERROR = /^(thrown: )?(failed to parse stage name |\S+: <no image metadata for |unsupported context source |failed to parse image config: )/;

/**
 * Whether the input differs only in which failing stage is reported, both
 * sides failing to resolve a stage's base: upstream resolves all stages
 * concurrently and returns whichever error comes first (it varies between
 * runs, sometimes so rarely that no rerun shows ours); ours returns the one
 * upstream gives most often (resolveReachableStages in src/dockerfile/convert/convert.ts).
 */
function resolutionRace(up: OracleConvert, ours: OursConvert, upLint: string | undefined, ourLint: LintComparable | undefined): boolean {
  if (compareConvert(up, ours).length > 0) {
    if (!up.error || !ours.error) return false;
    if (!STAGE_RESOLUTION_ERROR.test(normalizeMessage(up.error.message)) || !STAGE_RESOLUTION_ERROR.test(normalizeMessage(ours.error.message))) return false;
  }
  if (upLint !== undefined && ourLint !== undefined) {
    const diffs = compareLint(upLint, ourLint);
    if (diffs.some((d) => !d.startsWith('lint build error:'))) return false;
    if (diffs.length > 0) {
      const raw = JSON.parse(upLint) as LintResult;
      const upError = raw.buildError ? normalizeMessage(raw.buildError.message) : '';
      if (!STAGE_RESOLUTION_ERROR.test(upError) || !STAGE_RESOLUTION_ERROR.test(ourLint.error ?? '')) return false;
    }
  }
  return true;
}

export interface DiffResult {
  input: FuzzInput;
  diffs: string[];
  /** Our conversion threw something other than a DockerfileError, or took longer than 1 s. */
  robustness?: string;
  ms: number;
  /**
   * Why the input cannot be compared offline, if so: the oracle's fake
   * gateway returns no Definition for a build whose result is a local
   * source, and our converter without a gateway cannot read an image's or
   * a remote source's time for SOURCE_DATE_EPOCH=stage.
   */
  incomparable?: string;
  /**
   * A difference of a known, explained class, counted apart: upstream keeps
   * a Dockerfile's bytes that are no UTF-8 as bytes in its progress names
   * (op metadata, which its State.Marshal does not check), and the oracle's
   * fake gateway, like BuildKit's gRPC client, cannot marshal a Definition
   * holding them; ours keeps them too (src/go/kept-bytes.ts) and writes
   * U+FFFD when it sends the Definition (issue 11, finding 7).
   */
  known?: string;
  /**
   * No rerun matched, but the only difference is which of several stages
   * that fail to resolve is reported (see resolutionRace).
   */
  resolutionRace?: boolean;
  /** Upstream's answer varies between runs and one run matches ours: the differences of the first run. */
  nondeterministic?: string[];
  ours: OursConvert;
  lint?: LintComparable;
}

/** The oracle's answer when Go cannot marshal upstream's Definition to print it (see DiffResult.known). */
const INVALID_UTF8_DEFINITION = 'string field contains invalid UTF-8';

/** Upstream's answers for some inputs, asked of one oracle process and on their way. */
export interface OracleAnswers {
  inputs: FuzzInput[];
  withLint: boolean;
  requests: OracleBatchRequest[];
  answers: Promise<string[]>;
}

/**
 * Starts the oracle on the inputs (conversion and, with withLint, lint) and
 * returns at once: a caller with many inputs converts one batch with ours
 * while the oracle answers the next.
 */
export function askOracle(inputs: FuzzInput[], withLint = true): OracleAnswers {
  const requests: OracleBatchRequest[] = [];
  for (const a of inputs) {
    const stdin = a.bytes === undefined ? a.text : '';
    requests.push({ cmd: 'dockerfile2llb', args: oracleArgs('dockerfile2llb', a), stdin });
    if (withLint) requests.push({ cmd: 'lint', args: oracleArgs('lint', a), stdin });
  }
  const answers = runOracleBatchAsync(requests, channel);
  // Awaited by differential; a failure before then must not count as unhandled.
  answers.catch(() => {});
  return { inputs, withLint, requests, answers };
}

/** Our conversion again when it took over the 1 s bound: a load spike on a shared machine is no slowness of ours. */
async function retimed(a: FuzzInput, ours: OursConvert): Promise<OursConvert> {
  if (ours.ms <= 1000) return ours;
  const again = await runOursConvert(a);
  return again.ms < ours.ms ? { ...ours, ms: again.ms } : ours;
}

/** Compares every input (conversion and lint) with upstream; `asked`: the oracle's answers from askOracle. */
export async function differential(inputs: FuzzInput[], withLint = true, asked: OracleAnswers = askOracle(inputs, withLint)): Promise<DiffResult[]> {
  if (asked.inputs !== inputs || asked.withLint !== withLint) throw new Error('differential: the oracle was asked about other inputs');
  const reqs = asked.requests;
  const answers = await asked.answers;
  const out: DiffResult[] = [];
  const step = withLint ? 2 : 1;
  for (let i = 0; i < inputs.length; i++) {
    const a = inputs[i];
    const ours = await retimed(a, await runOursConvert(a));
    const diffs = compareConvert(JSON.parse(answers[i * step]) as OracleConvert, ours);
    let robustness: string | undefined;
    const gatewayOnly = ours.error?.message.endsWith("needs the BuildKit gateway's source metadata") ?? false;
    if (ours.error && !ours.optionError && !gatewayOnly && !(ours.error instanceof DockerfileError) && !resolverErrors.has(ours.error)) robustness = `threw ${ours.error.name}: ${ours.error.message}`;
    else if (ours.ms > 1000) robustness = `took ${Math.round(ours.ms)} ms`;
    const lint = withLint ? await runOursLint(a) : undefined;
    if (lint) {
      diffs.push(...compareLint(answers[i * step + 1], lint));
      if ('thrown' in lint && lint.thrown && !gatewayOnly && !(lint.thrown instanceof DockerfileError) && !resolverErrors.has(lint.thrown)) robustness ??= `lint threw ${lint.thrown.name}: ${lint.thrown.message}`;
    }
    const upConvert = JSON.parse(answers[i * step]) as OracleConvert;
    let incomparable: string | undefined;
    if (upConvert.oracleError?.endsWith('the build result has no definition')) incomparable = 'the oracle returns no Definition for this result';
    else if (gatewayOnly && !upConvert.error?.message.startsWith('oracle: ')) incomparable = 'our converter needs a gateway to read this source time';
    let known: string | undefined;
    if (upConvert.oracleError?.endsWith(INVALID_UTF8_DEFINITION) && ours.keptBytesInMetadata === true) {
      known = 'progress names holding bytes that are no UTF-8: upstream cannot marshal its Definition, ours sends U+FFFD';
      diffs.splice(0, diffs.length, ...diffs.filter((d) => !d.startsWith('oracle failed: ')));
    } else if (channel === 'labs' && diffs.length > 0 && labsByDesign([answers[i * step], withLint ? answers[i * step + 1] : ''], dockerfileBytes(a))) {
      known = 'labs by design: a variable in --from / from=';
      diffs.splice(0, diffs.length);
    }
    out.push({ input: a, diffs: incomparable ? [] : diffs, robustness, ms: ours.ms, ours, lint, incomparable, known });
  }
  // Upstream resolves images and stages concurrently (errgroup): with two
  // failures, which one it reports varies between runs. A differing input
  // whose difference vanishes against one of several reruns of upstream is
  // upstream nondeterminism, not a bug: reported, not counted as a difference.
  const differing = out.filter((r) => r.diffs.length > 0);
  if (differing.length > 0) {
    // Within one warm process Go's scheduling tends to repeat itself: each
    // rerun is a fresh oracle process holding one input.
    const reruns = 30;
    for (const r of differing) {
      const i = inputs.indexOf(r.input);
      // The conversion and the lint are separate runs upstream: each may match a different rerun.
      let convertOk = false;
      let lintOk = !withLint || r.lint === undefined;
      for (let k = 0; k < reruns && !(convertOk && lintOk); k++) {
        // Every other rerun lints first (the first request of a process is scheduled differently).
        const pair = reqs.slice(i * step, i * step + step);
        const again = k % 2 === 1 && step === 2 ? runOracleBatch([pair[1], pair[0]], channel).reverse() : runOracleBatch(pair, channel);
        // A known difference (upstream cannot marshal the Definition) is left out as in the first comparison.
        const convertDiffs = compareConvert(JSON.parse(again[0]) as OracleConvert, r.ours).filter((d) => r.known === undefined || !d.startsWith('oracle failed: '));
        convertOk ||= convertDiffs.length === 0;
        if (!lintOk && r.lint) lintOk = compareLint(again[1], r.lint).length === 0;
      }
      if (convertOk && lintOk) {
        r.nondeterministic = r.diffs;
        r.diffs = [];
      } else if (resolutionRace(JSON.parse(answers[i * step]) as OracleConvert, r.ours, withLint ? answers[i * step + 1] : undefined, r.lint)) {
        r.nondeterministic = r.diffs;
        r.resolutionRace = true;
        r.diffs = [];
      }
    }
  }
  return out;
}
