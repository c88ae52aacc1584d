// What the gateway e2e tests share for building with our image and upstream's:
// buildctl arguments, a pushed build's outcome (layers and image config with
// or without creation times), the error lines buildctl prints (with the parts
// that differ from run to run masked), warnings and steps from the raw
// progress stream, and the `e2e ...: N/M identical` summary line.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { buildctl, imageConfig } from '../../e2e/harness.ts';
import type { ImageConfig, RunOptions } from '../../e2e/harness.ts';

// ---------------------------------------------------------------- arguments

/** `build --progress=P --frontend gateway.v0 --opt source=FRONTEND`. */
export function gatewayArgs(frontend: string, progress: 'plain' | 'rawjson' = 'plain'): string[] {
  return ['build', `--progress=${progress}`, '--frontend', 'gateway.v0', '--opt', `source=${frontend}`];
}

/** `--opt K=V` for each option, in order. */
export function optArgs(opts: Record<string, string>): string[] {
  return Object.entries(opts).flatMap(([k, v]) => ['--opt', `${k}=${v}`]);
}

/** `--local NAME=DIR` for each local directory, in order. */
export function localArgs(locals: Record<string, string>): string[] {
  return Object.entries(locals).flatMap(([k, d]) => ['--local', `${k}=${d}`]);
}

/** `--local context=DIR --local dockerfile=DIR` (the Dockerfile in the context unless given). */
export function contextArgs(context: string, dockerfileDir = context): string[] {
  return localArgs({ context, dockerfile: dockerfileDir });
}

/** `--output type=image,name=REF,push=true`. */
export function pushArgs(ref: string): string[] {
  return ['--output', `type=image,name=${ref},push=true`];
}

// ---------------------------------------------------------------- image configs

/** The image config without its creation times (the config's and every history entry's). */
export function stripTimes(c: ImageConfig): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as ImageConfig;
  delete copy.created;
  for (const h of copy.history ?? []) delete h.created;
  return copy;
}

// ---------------------------------------------------------------- errors

/** Ids BuildKit makes up per build (vertex and session ids). */
export const MASK_IDS: [RegExp, string] = [/\b[a-z0-9]{25}\b/g, '<id>'];
/** The ports of the fixture servers. */
export const MASK_PORTS: [RegExp, string] = [/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>'];
/** Content digests. */
export const MASK_DIGESTS: [RegExp, string] = [/sha256:[0-9a-f]{64}/g, 'sha256:<digest>'];
/** The first `# syntax=` directive (the frontend image named in it). */
export const MASK_SYNTAX: [RegExp, string] = [/# syntax=\S+/, '# syntax=<frontend>'];

export interface ErrorLineOptions {
  /**
   * The location header lines: `Dockerfile:N` (default), also with a path or
   * another file name before `Dockerfile:N` (`named`), or none.
   */
  locations?: 'Dockerfile' | 'named' | 'none';
  /** the ` >>> ` source lines under a location (default true) */
  source?: boolean;
  /** subtracted from the line numbers (a Dockerfile with a `# syntax=` line added on top) */
  lineShift?: number;
  /** replacements applied to every kept line, in order (default: MASK_IDS) */
  masks?: readonly (readonly [RegExp, string])[];
}

/** Errors of builds from the fixture servers (lib/servers.ts): any file's location, ids and ports masked. */
export const FIXTURE_ERRORS: ErrorLineOptions = { locations: 'named', masks: [MASK_IDS, MASK_PORTS] };

/** The error as buildctl prints it: the `error:` line, and the Dockerfile location and `>>>` lines. */
export function errorLines(stderr: string, o: ErrorLineOptions = {}): string {
  const locations = o.locations ?? 'Dockerfile';
  const location = locations === 'named' ? /^[\w./-]*Dockerfile:\d+/ : locations === 'Dockerfile' ? /^Dockerfile:\d+/ : undefined;
  const source = o.source ?? true;
  const shift = o.lineShift ?? 0;
  const masks = o.masks ?? [MASK_IDS];
  return stderr
    .split('\n')
    .filter((l) => /^error: /.test(l) || (location !== undefined && location.test(l)) || (source && / >>> /.test(l)))
    .map((l) => {
      // buildctl runs the build as a client-side Build function calling Solve;
      // both goroutines fail with the frontend's error and whichever returns
      // first names it ("failed to solve" or "failed to run Build function"),
      // a race in buildctl, not a choice of the frontend.
      let out = l.replace(/^error: failed to run Build function: /, 'error: failed to solve: ');
      if (shift !== 0) {
        out = out
          .replace(/^Dockerfile:(\d+)/, (_m, n: string) => `Dockerfile:${Number(n) - shift}`)
          .replace(/^(\s*)(\d+)( \| >>>)/, (_m, s: string, n: string, r: string) => `${s}${Number(n) - shift}${r}`)
          .replace(/on line (\d+)/, (_m, n: string) => `on line ${Number(n) - shift}`);
      }
      for (const [re, to] of masks) out = out.replace(re, to);
      return out;
    })
    .join('\n');
}

// ---------------------------------------------------------------- building

/** A build by one frontend: its stderr and, when it succeeded and was pushed, the image. */
export interface Outcome {
  ok: boolean;
  stderr: string;
  /** the image config (without creation times unless kept) */
  config?: unknown;
  diffIds?: string[];
  /** for a failure: the error lines (errorLines) */
  error?: string;
}

export interface OutcomeOptions {
  /** the pushed image to read the config of; none: a build expected to fail, not pushed */
  ref?: string;
  /** the error of a failed build (from its stderr) */
  errorOf: (stderr: string) => string;
  /** keep the creation times in the config */
  keepTimes?: boolean;
  run?: RunOptions;
}

/** Runs `buildctl ARGS` and reads the pushed image's config and layer diff ids. */
export async function buildOutcome(args: readonly string[], o: OutcomeOptions): Promise<Outcome> {
  const r = await buildctl(args, o.run);
  return outcomeOf(r.code, r.stderr, o);
}

/** The outcome of a finished build (any client), reading the pushed image when it succeeded. */
export async function outcomeOf(code: number | null, stderr: string, o: OutcomeOptions): Promise<Outcome> {
  if (code !== 0) return { ok: false, stderr, error: o.errorOf(stderr) };
  if (o.ref === undefined) return { ok: true, stderr };
  const cfg = await imageConfig(o.ref);
  return { ok: true, stderr, config: o.keepTimes ? cfg : stripTimes(cfg), diffIds: cfg.rootfs.diff_ids };
}

/**
 * Ours (`a`) against upstream (`b`): both failed with the same (non-empty)
 * error, or both built the same layers and image config.
 */
export function assertSameOutcome(name: string, fail: boolean | undefined, a: Outcome, b: Outcome): void {
  if (fail) {
    assert.equal(b.ok, false, `upstream was expected to fail ${name}`);
    assert.equal(a.ok, false, `ours built ${name}, upstream failed with:\n${b.error}`);
    assert.equal(a.error, b.error, `error differs; ours:\n${a.stderr}\nupstream:\n${b.stderr}`);
    assert.notEqual(b.error, '', 'upstream printed an error');
  } else {
    assert.ok(b.ok, `upstream failed to build ${name}:\n${b.stderr}`);
    assert.ok(a.ok, `ours failed to build ${name}:\n${a.stderr}`);
    assert.deepEqual(a.diffIds, b.diffIds, 'layer diff ids');
    assert.deepEqual(a.config, b.config, 'image config');
  }
}

// ---------------------------------------------------------------- raw progress

export interface RawStatus {
  vertexes?: { digest: string; name?: string; cached?: boolean }[];
  warnings?: { short?: string }[];
}

/** The status messages of `--progress=rawjson` output (its JSON lines). */
export function rawStatuses(stderr: string): RawStatus[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RawStatus);
}

/**
 * Every build warning's short text in the raw progress stream, in the order
 * received (repeats included). The raw stream, not the plain printer: that
 * drops a warning that arrives for a vertex it has already closed.
 */
export function rawWarnings(stderr: string): string[] {
  return rawStatuses(stderr).flatMap((st) => (st.warnings ?? []).map((w) => Buffer.from(w.short ?? '', 'base64').toString('utf8')));
}

/** The distinct warnings of the raw progress stream, sorted. */
export function distinctRawWarnings(stderr: string): string[] {
  return [...new Set(rawWarnings(stderr))].sort();
}

// ---------------------------------------------------------------- summary

/**
 * Runs `body` for every case as a concurrent subtest of `t` (a case that
 * throws is a difference), then reports the summary line (reportIdentical).
 */
export async function compareEach<C>(t: TestContext, label: string, cases: readonly C[], nameOf: (c: C) => string, body: (c: C) => Promise<void>): Promise<void> {
  const results = new Map<string, boolean>();
  await Promise.all(
    cases.map((c) =>
      t.test(nameOf(c), { concurrency: true }, async () => {
        results.set(nameOf(c), false);
        await body(c);
        results.set(nameOf(c), true);
      }),
    ),
  );
  reportIdentical(t, label, results, cases.length);
}

/**
 * Prints `e2e LABEL: N/M identical (different: a, b)` to stderr and, without
 * the names, as the test's diagnostic. `results` maps each case to whether it
 * came out the same.
 */
export function reportIdentical(t: TestContext, label: string, results: ReadonlyMap<string, boolean>, total: number): void {
  const same = [...results.values()].filter((x) => x).length;
  const failed = [...results].filter(([, ok]) => !ok).map(([n]) => n);
  process.stderr.write(`e2e ${label}: ${same}/${total} identical${failed.length ? ` (different: ${failed.join(', ')})` : ''}\n`);
  t.diagnostic(`e2e ${label}: ${same}/${total} identical`);
}
