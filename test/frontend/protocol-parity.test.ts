// The gateway protocol, call by call: our frontend process (the image's entry
// point) and upstream's v0.32.2 frontend binary (.cache/bin/dockerfile-frontend,
// built by scripts/e2e/build-buildkit.sh) each build every file of the
// converter, lint and Go-semantics corpora, with the options of its
// `# parity:` / `# lint-args:` line, against the same scripted fake daemon
// (fake-daemon.ts): every capability, the Dockerfile (any path ending in
// `Dockerfile`) and its .dockerignore from ReadFile, base image configs from testdata/convert/image-metadata.json
// through ResolveSourceMeta, and each Solve answered with a reference named by
// its request. Every request each frontend makes (Solve, ReadFile,
// ResolveSourceMeta, Warn, Inputs; in any order) and its Return must be the
// same, field for field: the Definitions it solves byte for byte, the
// warnings with their source, ranges and URL, the result's metadata or the
// error with its details. Left out: Go's stack traces (the stack.Stack
// details of upstream's errors); for files with COPY --link, the definitions
// and the results they Return (upstream draws their progress group ids at
// random); the Inputs call (ours
// asks for it alongside Ping, before it knows whether it needs it); for builds
// that fail, the base image resolutions and their build checks and the reads
// of a named local context's .dockerignore after its solve (upstream resolves
// concurrently and cancels the rest at the first error, so which were sent is
// a race; for a lint request whose result holds a build error, also the one
// check a resolution makes, InvalidBaseImagePlatform, in that result); and a
// Source detail of no lines (upstream's error for an image stage of COPY
// --from or RUN --mount from= carries one, which nothing prints; ours carries
// none).
// A second test: a named local context the client does not have, solved with
// Evaluate (or, before gateway.solve.evaluate, a StatFile) as upstream does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { encodeMessage } from '../../src/protobuf/encode.ts';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import type { MessageDesc } from '../../src/protobuf/registry.ts';
import * as gw from '../../src/gen/moby.buildkit.v1.frontend.ts';
import { Caps } from '../../src/llb/caps.ts';
import * as llb from '../../src/llb/index.ts';
import type { Definition as PbDefinition } from '../../src/gen/pb.ts';
import { binDir, inCI } from '../e2e/harness.ts';
import { corpus, generate, parseOptionLine, Rng } from '../convert/fuzz/generate.ts';
import { runFrontend, type Action, type Script } from './fake-daemon.ts';
import { violationRulesSorted } from '../subrequests/outcome.ts';
import { labsByDesign } from '../labs/by-design.ts';

const upstreamBinary = join(binDir, 'dockerfile-frontend');
const upstreamLabsBinary = join(binDir, 'dockerfile-frontend-labs');
const skip = !existsSync(join('dist', 'dockerfile-llb.js'))
  ? 'run `npm run build` first'
  : !existsSync(upstreamBinary) && !inCI
    ? 'run scripts/e2e/build-buildkit.sh first (upstream’s frontend binary)'
    : false;

/** Every gateway capability of BuildKit v0.32.2 (frontend/gateway/pb/caps.go) but the deprecated inline return. */
const GATEWAY_CAPS = (
  'solve.base resolveimage resolveimage.resolvemode readfile return returnmap readdir statfile importcaches proto.refarray ' +
  'reference.output frontend.inputs gateway.solve.metadata gateway.exec gateway.exec.extrahosts gateway.exec.secretenv ' +
  'gateway.exec.signals gateway.exec.filesystem frontend.caps gateway.solve.evaluate gateway.evaluate gateway.warnings ' +
  'reference.attestations source.metaresolver source.metaresolver.image.attestations source.metaresolver.http.checksumrequest'
).split(' ');

const images = JSON.parse(readFileSync(join('testdata', 'convert', 'image-metadata.json'), 'utf8')) as Record<string, { config: unknown; digest: string }>;

/** A value as JSON with object keys sorted and bytes as base64 (map order on the wire is no difference). */
function canonical(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
  }
  return v;
}
const text = (v: unknown): string => JSON.stringify(canonical(v));

function answer<T>(desc: MessageDesc<T>, value: T): Action {
  return { kind: 'answer', answer: { message: encodeMessage(desc, value) } };
}

/** The fake daemon for one Dockerfile; each request (and the Return) is recorded in `log`. */
/** The digest of a case's own base images. */
const OWN_IMAGE_DIGEST = 'sha256:' + 'e'.repeat(64);

function daemon(
  dockerfile: Buffer,
  dockerignore: Buffer | undefined,
  log: string[],
  o: {
    gatewayCaps?: string[];
    missingLocal?: string;
    images?: Record<string, string>;
    inputs?: Record<string, PbDefinition>;
    redirects?: Record<string, string>;
    rewrites?: Record<string, string>;
    forwarded?: gw.SolveResponse;
    gitCommit?: string;
    httpLastModified?: { seconds: bigint; nanos: number };
  } = {},
): Script {
  const unsynced = (what: string) => ({ kind: 'answer', answer: { code: 5, text: `rpc error: code = NotFound desc = no access allowed to dir "${what}"` } }) as const;
  const missingRefs = new Set<string>();
  /** The references of the solves of a named context's .dockerignore (`[context NAME] load .dockerignore`). */
  const namedRefs = new Set<string>();
  return (method, _n, body) => {
    switch (method) {
      case 'Ping':
        return answer(gw.PongResponse, {
          FrontendAPICaps: (o.gatewayCaps ?? GATEWAY_CAPS).map((ID) => ({ ID, Enabled: true })),
          LLBCaps: Object.values(Caps).map((ID) => ({ ID, Enabled: true })),
        });
      case 'Solve': {
        const req = decodeMessage(gw.SolveRequest, body);
        log.push(`Solve ${text(req)}`);
        const id = createHash('sha256').update(text(req)).digest('hex').slice(0, 16);
        if (text(req).includes('"llb.customname":"[context ')) namedRefs.add(id);
        // A local directory the client does not have fails when the solve runs: at once with Evaluate, else on first use.
        const local = o.missingLocal === undefined ? false : (req.Definition?.def ?? []).some((d) => Buffer.from(d).includes(`local://${o.missingLocal}`));
        if (local && req.Evaluate === true) return unsynced(o.missingLocal!);
        if (local) missingRefs.add(id);
        // What a forwarded frontend's build (`# syntax=`) answers, when the case says.
        if (o.forwarded !== undefined && req.Frontend === 'gateway.v0') return answer(gw.SolveResponse, o.forwarded);
        return answer(gw.SolveResponse, { result: { result: { case: 'ref', value: { id } } } });
      }
      case 'StatFile': {
        const req = decodeMessage(gw.StatFileRequest, body);
        log.push(`StatFile ${text(req)}`);
        if (missingRefs.has(req.Ref ?? '')) return unsynced(o.missingLocal!);
        return answer(gw.StatFileResponse, { stat: { path: req.Path, mode: 0o20000000755 } });
      }
      case 'ReadFile': {
        const req = decodeMessage(gw.ReadFileRequest, body);
        log.push(`${namedRefs.has(req.Ref ?? '') ? 'ReadFile of a named context ' : 'ReadFile '}${text(req)}`);
        if (missingRefs.has(req.Ref ?? '')) return unsynced(o.missingLocal!);
        const data = (req.FilePath ?? '').endsWith('Dockerfile') ? dockerfile : req.FilePath === '.dockerignore' ? dockerignore : undefined;
        if (data === undefined) return { kind: 'answer', answer: { code: 5, text: `open ${req.FilePath ?? ''}: no such file or directory` } };
        return answer(gw.ReadFileResponse, { Data: data });
      }
      case 'ResolveSourceMeta': {
        const req = decodeMessage(gw.ResolveSourceMetaRequest, body);
        log.push(`ResolveSourceMeta ${text(req)}`);
        const ref = (req.Source?.identifier ?? '').replace(/^(docker-image|oci-layout):\/\//, '');
        // A git source's metadata, with the commit object when asked for (SOURCE_DATE_EPOCH).
        if (o.gitCommit !== undefined && (req.Source?.identifier ?? '').startsWith('git://')) {
          const sum = 'a'.repeat(40);
          return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, Git: { Checksum: sum, Ref: 'refs/heads/main', CommitChecksum: sum, ...(req.Git?.ReturnObject === true ? { CommitObject: Buffer.from(o.gitCommit) } : {}) } });
        }
        // An HTTP source's metadata with its Last-Modified time (SOURCE_DATE_EPOCH).
        if (o.httpLastModified !== undefined && /^https?:\/\//.test(req.Source?.identifier ?? '')) {
          return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, HTTP: { Checksum: 'sha256:' + 'b'.repeat(64), Filename: 'f', LastModified: o.httpLastModified } });
        }
        // A source policy that turns the image into another kind of source: the new source, no image.
        const redirect = o.redirects?.[ref];
        if (redirect !== undefined) return answer(gw.ResolveSourceMetaResponse, { Source: { identifier: redirect } });
        const own = o.images?.[ref];
        if (own !== undefined) return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, Image: { Digest: OWN_IMAGE_DIGEST, Config: Buffer.from(own) } });
        const image = images[ref];
        if (image === undefined) return { kind: 'answer', answer: { code: 5, text: `${ref}: not found` } };
        // A source policy that rewrites the image's reference: the new identifier, the same image.
        const source = o.rewrites?.[ref] !== undefined ? { identifier: o.rewrites[ref] } : req.Source;
        return answer(gw.ResolveSourceMetaResponse, { Source: source, Image: { Digest: image.digest, Config: Buffer.from(JSON.stringify(image.config)) } });
      }
      case 'Inputs':
        log.push('Inputs');
        return answer(gw.InputsResponse, { Definitions: o.inputs ?? {} });
      case 'Warn':
        log.push(`Warn ${text(decodeMessage(gw.WarnRequest, body))}`);
        return answer(gw.WarnResponse, {});
      case 'Return': {
        const req = decodeMessage(gw.ReturnRequest, body);
        const details = (req.error?.details ?? [])
          .filter((d) => !(d.type_url ?? '').endsWith('stack.Stack+json'))
          .map((d) => ({ type_url: d.type_url, value: JSON.parse(Buffer.from(d.value ?? []).toString('utf8')) as { ranges?: unknown[] } }))
          // Left alone: upstream's error for an image stage of COPY --from / RUN --mount from= carries a
          // Source of no lines (the stage has no location), which nothing prints; ours has none.
          .filter((d) => !(d.type_url ?? '').endsWith('errdefs.Source+json') || (d.value.ranges ?? []).length > 0);
        const error = req.error === undefined ? undefined : { ...req.error, message: req.error.message === undefined ? undefined : violationRulesSorted(req.error.message), details };
        log.push(`Return ${text({ ...req, error })}`);
        return { kind: 'default' };
      }
      default:
        log.push(method);
        return { kind: 'default' };
    }
  };
}

interface Case {
  name: string;
  dockerfile: Buffer;
  dockerignore?: Buffer;
  /** More base images the fake daemon knows: the reference and the config's JSON text, sent as written. */
  images?: Record<string, string>;
  /** Frontend options as the daemon passes them (BUILDKIT_FRONTEND_OPT_<i>). */
  opts: string[];
  link: boolean;
  /** The frontend inputs the daemon answers Inputs with (none by default). */
  inputs?: Record<string, PbDefinition>;
  /** Images a source policy turns into other sources: the reference and the new source's identifier. */
  redirects?: Record<string, string>;
  /** Images a source policy gives another reference (the identifier the daemon answers with) and the same image. */
  rewrites?: Record<string, string>;
  /** The gateway capabilities the daemon reports (GATEWAY_CAPS by default). */
  gatewayCaps?: string[];
  /** The answer to a forwarded build's Solve (`# syntax=`). */
  forwarded?: gw.SolveResponse;
  /** The commit object the daemon gives for git sources' metadata. */
  gitCommit?: string;
  /** The Last-Modified time the daemon gives for HTTP sources' metadata. */
  httpLastModified?: { seconds: bigint; nanos: number };
}

/**
 * A Case of a Dockerfile and the options it is built with (a corpus file's `# parity:` line, or a
 * generated input's): its frontend options as the daemon passes them, build args first.
 */
function caseOf(name: string, dockerfile: Buffer, args: ReturnType<typeof parseOptionLine>, more: Pick<Case, 'dockerignore' | 'images'> = {}): Case {
  const opts = Object.entries(args.buildArgs).map(([k, v]) => `build-arg:${k}=${v}`);
  if (args.target !== undefined) opts.push(`target=${args.target}`);
  if (args.platforms.length > 0) opts.push(`platform=${args.platforms.join(',')}`);
  for (const [k, v] of Object.entries(args.opts)) opts.push(`${k}=${v}`);
  const dockerignore = more.dockerignore ?? (args.dockerignore === undefined ? undefined : readFileSync(args.dockerignore));
  return { name, dockerfile, dockerignore, images: more.images, opts, link: /--link\b/.test(dockerfile.toString('latin1')) };
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (name: string, dockerfile: Buffer, args: ReturnType<typeof parseOptionLine>): void => {
    out.push(caseOf(name, dockerfile, args));
  };
  for (const c of corpus()) add(c.name, Buffer.from(c.text), c.args);
  const dir = join('testdata', 'go-semantics');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.Dockerfile')).sort()) {
    const data = readFileSync(join(dir, f));
    add(`go-semantics/${f}`, data, parseOptionLine(data.toString('utf8'), '# parity:'));
  }
  return out;
}

/** One frontend's requests, sorted, for a case (`workers`: the daemon's BUILDKIT_WORKERS; `daemon`: how the fake daemon differs). */
async function requests(c: Case, command: string[] | undefined, o: { workers?: string; daemon?: Parameters<typeof daemon>[3]; env?: Record<string, string> } = {}): Promise<string[]> {
  const log: string[] = [];
  const env: Record<string, string> = { BUILDKIT_SESSION_ID: 'protocol-parity', BUILDKIT_EXPORTEDPRODUCT: 'buildkit', ...o.env };
  if (o.workers !== undefined) env.BUILDKIT_WORKERS = o.workers;
  c.opts.forEach((opt, i) => (env[`BUILDKIT_FRONTEND_OPT_${i}`] = opt));
  const r = await runFrontend(daemon(c.dockerfile, c.dockerignore, log, { gatewayCaps: c.gatewayCaps, ...o.daemon, images: c.images, inputs: c.inputs, redirects: c.redirects, rewrites: c.rewrites, forwarded: c.forwarded, gitCommit: c.gitCommit, httpLastModified: c.httpLastModified }), { env, command });
  if (r.timedOut) log.push('timed out');
  if (!log.some((l) => l.startsWith('Return '))) log.push(`no Return (exit ${r.code}): ${r.stderr.slice(-500)}`);
  // A Go runtime panic (a nil dereference, say; not the panic upstream's main ends a failed build with):
  // its deferred Return (an empty result) went out while the panic unwound.
  if (/(^|\n)panic: runtime error: /.test(r.stderr)) log.push('panic');
  // Ours asks for Inputs alongside Ping, before it knows whether it needs them: not compared.
  let out = log.filter((l) => l !== 'Inputs');
  // Random progress group ids (COPY --link) reach the definitions and the references named after them:
  // a result is only said to be one (an error is compared, and tells a failing build).
  // (An empty Return, upstream's when it cannot send its error, stays as it is.)
  if (c.link) out = out.filter((l) => !l.startsWith('Solve ')).map((l) => (l.startsWith('Return ') && !l.startsWith('Return {"error"') && l !== 'Return {}' ? 'Return (a result)' : l));
  return out.sort();
}

/** Ours and upstream's requests for a case, compared as compareAll compares them. */
function compared(ours: string[], up: string[]): { same: boolean; failed: boolean; lintFailed: boolean; warned: boolean; ours: string[]; up: string[] } {
  const failed = up.some((l) => l.startsWith('Return {"error"'));
  // A lint request Returns a failing build as a result: its result.json's buildError.
  const lintFailed = up.some((l) => lintResult(l)?.buildError !== undefined);
  if (failed || lintFailed) {
    // Upstream resolves base images and named contexts concurrently and cancels the rest at the
    // first error: which resolutions (and their build checks), and which reads of a named local
    // context's .dockerignore after its solve, were already sent is a race (nothing a client shows).
    // In a lint result, the build check a resolution makes (InvalidBaseImagePlatform, the only one
    // upstream runs in its resolving goroutines) is left out of the warnings for the same reason.
    const settled = (l: string) => !l.startsWith('ResolveSourceMeta ') && !l.startsWith('Warn ') && !l.startsWith('ReadFile of a named context ');
    [ours, up] = [ours.filter(settled).map(withoutResolutionChecks), up.filter(settled).map(withoutResolutionChecks)];
  }
  return { same: JSON.stringify(ours) === JSON.stringify(up), failed, lintFailed, warned: up.some((l) => l.startsWith('Warn ')), ours, up };
}

/** The lint result a Return line carries (its result.json), if it carries one. */
function lintResult(l: string): { buildError?: unknown; warnings?: { ruleName: string }[] | null } | undefined {
  if (!l.startsWith('Return {"result"')) return undefined;
  const json = (JSON.parse(l.slice('Return '.length)) as { result?: { metadata?: Record<string, string> } }).result?.metadata?.['result.json'];
  if (json === undefined) return undefined;
  try {
    const r: unknown = JSON.parse(Buffer.from(json, 'base64').toString('utf8'));
    return typeof r === 'object' && r !== null ? r : undefined;
  } catch {
    return undefined;
  }
}

/** A lint Return line with its result.json's InvalidBaseImagePlatform warnings left out (any other line as it is). */
function withoutResolutionChecks(l: string): string {
  const r = lintResult(l);
  if (r?.buildError === undefined) return l;
  const warnings = Array.isArray(r.warnings) ? r.warnings.filter((w) => w.ruleName !== 'InvalidBaseImagePlatform') : r.warnings;
  return `Return (lint result) ${JSON.stringify({ ...r, warnings })}`;
}

/**
 * A lint Return line with its InvalidBaseImagePlatform warnings taken out of their places and put
 * last, sorted (any other line as it is). Upstream's resolving goroutines report them as each
 * resolution comes back: with three base images of another platform, upstream's order varied over
 * 8 runs (5 to 7 had the COPY --from image first), which reruns may not show.
 */
function resolutionChecksSorted(l: string): string {
  const r = lintResult(l);
  if (r === undefined || !Array.isArray(r.warnings)) return l;
  const key = (w: unknown): string => JSON.stringify(w);
  const checks = r.warnings.filter((w) => w.ruleName === 'InvalidBaseImagePlatform').sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (checks.length < 2) return l;
  const warnings = [...r.warnings.filter((w) => w.ruleName !== 'InvalidBaseImagePlatform'), ...checks];
  return `Return (lint result, resolution checks sorted) ${JSON.stringify({ ...r, warnings })}`;
}

/** A Return line without the line ranges of its errors' Source details (of a lint result, its build error's). */
function withoutRanges(l: string): string {
  return l.startsWith('Return {"error"') || l.startsWith('Return (lint result) ') ? l.replace(/"ranges":\[[^\]]*\]/g, '"ranges":[]') : l;
}

function difference(name: string, ours: string[], up: string[]): string {
  const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x)).map((x) => x.slice(0, 400));
  return `${name}:\n  ours only: ${only(ours, up).join('\n    ')}\n  upstream only: ${only(up, ours).join('\n    ')}`;
}

interface CompareOptions {
  /** The daemon's BUILDKIT_WORKERS. */
  workers?: string;
  /**
   * A difference is asked of upstream again that many times (each a process of its own) and counted in
   * `varied` when one of its answers is ours: for builds that fail on several platforms, which calls
   * upstream's concurrent conversions made before the first error cancelled the others is a race too,
   * and so is which of two stages failing alike (the same error at two lines) it reports, counted so
   * though no rerun shows it.
   * With reruns, a case upstream's process panics on is not compared (counted in `panicked`): its Return
   * is the empty result Go's deferred call sends while the panic unwinds (one such is the README's
   * deliberate difference, targets of a file with a later `# check=` comment).
   */
  reruns?: number;
  /** labs: ours with DOCKERFILE_LLB_CHANNEL=labs against upstream's labs build. */
  channel?: 'stable' | 'labs';
  /** Which of two stages failing alike is reported is compared too (no fallback without their lines). */
  exactStage?: boolean;
  /** A difference known and explained: counted in `known`, not compared. */
  known?: (c: Case, ours: string[], up: string[]) => boolean;
}

/** Compares ours and upstream's on each case, two at a time; returns the summary line's figures and the differences. */
async function compareAll(
  all: Case[],
  o: CompareOptions = {},
): Promise<{ differing: string[]; errors: number; warned: number; varied: number; panicked: number; byDesign: number; known: number }> {
  const { workers, reruns = 0, channel = 'stable' } = o;
  const differing: string[] = [];
  let panicked = 0;
  let byDesign = 0;
  let known = 0;
  const oursEnv = channel === 'labs' ? { DOCKERFILE_LLB_CHANNEL: 'labs' } : undefined;
  const theirs = channel === 'labs' ? [upstreamLabsBinary] : [upstreamBinary];
  let next = 0;
  let errors = 0;
  let warned = 0;
  let varied = 0;
  // Two cases at a time (one frontend process each).
  const worker = async (): Promise<void> => {
    for (let i = next++; i < all.length; i = next++) {
      const c = all[i]!;
      const ours = await requests(c, undefined, { workers, env: oursEnv });
      const up = await requests(c, theirs, { workers });
      if (reruns > 0 && up.includes('panic')) {
        panicked++;
        continue;
      }
      // Where the labs channels part by design (test/labs/by-design.ts).
      if (channel === 'labs' && labsByDesign(up, c.dockerfile)) {
        byDesign++;
        continue;
      }
      const r = compared(ours, up);
      if (r.failed) errors++;
      if (r.warned) warned++;
      if (r.same) continue;
      if (o.known?.(c, ours, up) === true) {
        known++;
        continue;
      }
      let again = false;
      for (let k = 0; k < reruns && !again; k++) again = compared(ours, await requests(c, theirs, { workers })).same;
      // Two stages failing alike (the same error at two lines): which one upstream's concurrent
      // resolution reports is a race, though no rerun may show it.
      if (!again && reruns > 0 && o.exactStage !== true && (r.failed || r.lintFailed)) again = compared(r.ours.map(withoutRanges), r.up.map(withoutRanges)).same;
      // The order of the build checks upstream's concurrent resolutions make in a lint result is a race too.
      if (!again && reruns > 0) again = compared(r.ours.map(resolutionChecksSorted), r.up.map(resolutionChecksSorted)).same;
      if (again) varied++;
      else differing.push(difference(c.name, r.ours, r.up));
    }
  };
  await Promise.all([worker(), worker()]);
  return { differing, errors, warned, varied, panicked, byDesign, known };
}

test('gateway protocol parity: every request and the Return, ours against upstream’s frontend binary, over the corpora', { skip, timeout: 1_800_000 }, async () => {
  const all = cases();
  const { differing, errors, warned } = await compareAll(all);
  console.log(`gateway protocol parity: ${all.length - differing.length}/${all.length} identical (${errors} failing as upstream fails, ${warned} with warnings; ${all.filter((c) => c.link).length} with COPY --link compared without their definitions)`);
  assert.deepEqual(differing.slice(0, 5), []);
  assert.ok(all.length >= 400, `only ${all.length} cases`);
});

for (const evaluate of [true, false]) {
  test(`a named local context the client does not have: ours fails as upstream does${evaluate ? '' : ' (a daemon without gateway.solve.evaluate)'}`, { skip, timeout: 60_000 }, async () => {
    const c: Case = { name: 'missing-local', dockerfile: Buffer.from('FROM base\nRUN echo hi\n'), opts: ['context:base=local:missing'], link: false };
    const gatewayCaps = evaluate ? GATEWAY_CAPS : GATEWAY_CAPS.filter((id) => id !== 'gateway.solve.evaluate');
    const o = { daemon: { gatewayCaps, missingLocal: 'missing' } };
    const [ours, up] = [await requests(c, undefined, o), await requests(c, [upstreamBinary], o)];
    assert.deepEqual(ours, up);
    const ret = up.find((l) => l.startsWith('Return '));
    assert.match(ret ?? '', /"code":5,.*no access allowed to dir/, 'upstream fails with the daemon\'s NotFound');
    assert.equal(up.some((l) => l.startsWith('StatFile ')), !evaluate);
  });
}

// The daemon's worker decides the build platform (and the target, when none is asked for):
// the files with named contexts (whose stages may have no platform of their own) on an
// arm64 daemon and a Windows one.
test('gateway protocol parity on arm64 and Windows workers: the files with named contexts', { skip, timeout: 600_000 }, async () => {
  const named = cases().filter((c) => c.opts.some((o) => o.startsWith('context:')));
  const workers = [
    [{ ID: 'arm', Platforms: [{ architecture: 'arm64', os: 'linux', variant: 'v8' }, { architecture: 'arm', os: 'linux', variant: 'v7' }] }],
    [{ ID: 'win', Platforms: [{ architecture: 'amd64', os: 'windows', 'os.version': '10.0.20348.2762' }] }],
  ];
  const differing: string[] = [];
  for (const w of workers) differing.push(...(await compareAll(named, { workers: JSON.stringify(w) })).differing.map((d) => `${w[0]!.ID}: ${d}`));
  console.log(`gateway protocol parity on other workers: ${2 * named.length - differing.length}/${2 * named.length} identical (${named.length} files with named contexts, arm64 and Windows)`);
  assert.deepEqual(differing.slice(0, 5), []);
  assert.ok(named.length >= 20, `only ${named.length} files with named contexts`);
});

// Frontend options the corpora's headers do not use, on a few corpus files: remote contexts
// (the daemon answers the git and HTTP sources as it answers any), another Dockerfile name,
// keys and sessions of the locals, forwarding to a `BUILDKIT_SYNTAX` frontend, frontend
// capabilities, unknown and describe subrequests, named contexts for a base image,
// platforms, cache imports, SBOM scanning, run options and the build checks' option.
const OPTION_SETS: string[][] = [
  ['context=https://github.com/moby/buildkit.git#main'],
  ['context=git@github.com:moby/buildkit.git#v0.1:sub'],
  ['context=https://example.com/ctx.tar.gz'],
  ['build-arg:BUILDKIT_CONTEXT_KEEP_GIT_DIR=1', 'context=https://github.com/moby/buildkit.git'],
  ['filename=sub/Dockerfile'],
  ['dockerfilekey=df2', 'contextkey=ctx2'],
  ['local-sessionid:context=other', 'local-sessionid:dockerfile=other2'],
  ['build-arg:BUILDKIT_SYNTAX=docker.io/docker/dockerfile:1.7'],
  ['build-arg:BUILDKIT_SYNTAX=example.com/fe:1 --x'],
  ['frontend.caps=moby.buildkit.frontend.contexts+forward'],
  ['frontend.caps=moby.buildkit.frontend.unknown'],
  ['frontend.caps=moby.buildkit.frontend.unknown+forward', 'build-arg:BUILDKIT_SYNTAX=example.com/fe:1'],
  ['requestid=frontend.subrequests.describe'],
  ['requestid=frontend.unknown'],
  ['cmdline=foo'],
  ['context:alpine:3.19=docker-image://busybox:latest'],
  ['context:alpine=docker-image://busybox', 'context:alpine:3.19=docker-image://debian'],
  ['target=nonexistent'],
  ['platform=linux/arm64,linux/amd64'],
  ['platform=windows/amd64'],
  ['platform=linux/arm/v7', 'build-arg:BUILDKIT_MULTI_PLATFORM=1'],
  ['build-arg:BUILDKIT_CACHE_MOUNT_NS=ns', 'cache-imports=[{"Type":"registry","Attrs":{"ref":"x"}}]', 'cache-from=type=registry,ref=y'],
  ['no-cache=', 'image-resolve-mode=pull'],
  ['attest:sbom=', 'build-arg:BUILDKIT_SBOM_SCAN_CONTEXT=true'],
  ['add-hosts=a=1.2.3.4', 'force-network-mode=none', 'hostname=h'],
  ['cgroup-parent=x', 'ulimit=nofile=1024:2048', 'shm-size=1048576'],
  ['build-arg:SOURCE_DATE_EPOCH=1700000000'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=skip=all;error=true'],
];

test('gateway protocol parity over frontend options: remote contexts, forwarding, sessions, caps, platforms, caches', { skip, timeout: 600_000 }, async () => {
  const files = cases().filter((c) => /^convert\/(002|008|010|012)-/.test(c.name));
  assert.equal(files.length, 4);
  const all = files.flatMap((c) => OPTION_SETS.map((o) => ({ ...c, name: `${c.name} ${o.join(' ')}`, opts: [...c.opts, ...o] })));
  const { differing } = await compareAll(all);
  console.log(`gateway protocol parity over options: ${all.length - differing.length}/${all.length} identical (${OPTION_SETS.length} option sets on ${files.length} files)`);
  assert.deepEqual(differing.slice(0, 5), []);
});

// What dockerui's client does with the options as it starts. It parses the build checks' option last:
// a bad value fails a build, each subrequest and a forward before the Dockerfile is read, after the
// options parsed before it. It copies BUILDKIT_MULTI_PLATFORM and BUILDKIT_SANDBOX_HOSTNAME onto
// multi-platform and hostname, which a forward passes on.
const START_OPTION_SETS: string[][] = [
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=error=maybe', 'requestid=frontend.targets'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=skip=all;bad', 'requestid=frontend.outline'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad', 'requestid=frontend.lint'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad', 'requestid=frontend.subrequests.describe'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad', 'build-arg:BUILDKIT_SYNTAX=docker.io/docker/dockerfile:1.7'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad', 'frontend.caps=moby.buildkit.frontend.unknown'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad', 'attest:sbom=generator=Not A Ref'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=bad', 'platform=linux/amd64/x/y'],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=', 'requestid=frontend.targets'],
  ['build-arg:BUILDKIT_MULTI_PLATFORM=1', 'build-arg:BUILDKIT_SYNTAX=docker.io/docker/dockerfile:1.7'],
  ['build-arg:BUILDKIT_MULTI_PLATFORM=false', 'multi-platform=true', 'build-arg:BUILDKIT_SYNTAX=docker.io/docker/dockerfile:1.7'],
  ['build-arg:BUILDKIT_SANDBOX_HOSTNAME=box', 'hostname=h', 'build-arg:BUILDKIT_SYNTAX=docker.io/docker/dockerfile:1.7'],
  ['build-arg:BUILDKIT_MULTI_PLATFORM=', 'build-arg:BUILDKIT_SANDBOX_HOSTNAME=', 'build-arg:BUILDKIT_SYNTAX=docker.io/docker/dockerfile:1.7'],
];

test('gateway protocol parity over what the client does with the options as it starts: the checks option, the two build args it copies', { skip, timeout: 600_000 }, async () => {
  const files = cases().filter((c) => /^convert\/(002|012)-/.test(c.name));
  assert.equal(files.length, 2);
  const all = files.flatMap((c) => START_OPTION_SETS.map((o) => ({ ...c, name: `${c.name} ${o.join(' ')}`, opts: [...c.opts, ...o] })));
  const { differing } = await compareAll(all);
  console.log(`gateway protocol parity over start options: ${all.length - differing.length}/${all.length} identical (${START_OPTION_SETS.length} option sets on ${files.length} files)`);
  assert.deepEqual(differing.slice(0, 5), []);
});

/** A fuzzing slice's cases, the known differences among them, and notes for its summary line after the counts. */
interface FuzzSlice {
  all: Case[];
  known?: CompareOptions['known'];
  notes?: (known: number) => string[];
}

/**
 * A test per slice, a fixed seed and one new each run (printed; `seedVar` replays it), each comparing
 * its cases with reruns and printing `label: N/M identical (seed S; ...)`, the cases upstream panics
 * on and the known ones left out of M.
 */
function fuzzTests(title: string, label: string, seedVar: string, slice: (seed: number) => FuzzSlice): void {
  const run = async (seed: number): Promise<void> => {
    const { all, known, notes = () => [] } = slice(seed);
    const { differing, errors, varied, panicked, known: nKnown } = await compareAll(all, { reruns: 12, known });
    for (const d of differing.slice(0, 5)) console.log(d);
    const n = all.length - panicked - nKnown;
    const parts = [`${errors} failing as upstream fails`, `${varied} only after rerunning upstream, whose answer varies`, `${panicked} upstream panics on, not compared`, ...notes(nKnown)];
    console.log(`${label}: ${n - differing.length}/${n} identical (seed ${seed}; ${parts.join('; ')})`);
    assert.deepEqual(differing.slice(0, 5), []);
  };
  test(`${title} (fixed seed)`, { skip, timeout: 600_000 }, async () => {
    await run(20261206);
  });
  test(`${title} (a new seed every run)`, { skip, timeout: 600_000 }, async () => {
    const seed = Number(process.env[seedVar] ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`${label} random seed ${seed} (replay: ${seedVar}=${seed})`);
    await run(seed);
  });
}

// The differential fuzzer's generated inputs (test/convert/fuzz/generate.ts: mutated corpus files,
// grammar-built files, odd frontend options and .dockerignore files, bytes that are no UTF-8) through
// both frontend processes, call by call: what the oracle's in-process gateway cannot show (the
// calls' order and arguments, the warnings as sent, the Return) for inputs no corpus has, odd base
// image configs among them (the fake daemon sends an input's own configs as written). Two slices:
// a fixed seed and one new each run (printed; GATEWAY_INPUTS_FUZZ_SEED replays it),
// GATEWAY_INPUTS_FUZZ_COUNT inputs each (default 60).
function generatedCases(seed: number, count: number): Case[] {
  const all: Case[] = [];
  for (let i = 0; i < count; i++) {
    const a = generate(seed, i);
    all.push(caseOf(a.name, a.bytes ?? Buffer.from(a.text), a, { dockerignore: a.dockerignoreBytes, images: a.images }));
  }
  return all;
}

/**
 * Known: a Dockerfile holding bytes that are no UTF-8 fails, and upstream's process cannot Return that
 * error (its message holds those bytes): it sends an empty Return or none and exits 2, which the daemon
 * reports as `exit code: 2`. Ours Returns the error with U+FFFD in their place, as the daemon's built-in
 * dockerfile.v0 reports it.
 */
function unsendableError(c: Case, ours: string[], up: string[]): boolean {
  if (isUtf8(c.dockerfile)) return false;
  const upFailed = up.includes('Return {}') || up.some((l) => l.startsWith('no Return (exit 2)'));
  return upFailed && ours.some((l) => l.startsWith('Return {"error"'));
}

fuzzTests('gateway protocol parity over generated inputs', 'gateway protocol inputs fuzz', 'GATEWAY_INPUTS_FUZZ_SEED', (seed) => {
  const all = generatedCases(seed, Number(process.env.GATEWAY_INPUTS_FUZZ_COUNT ?? '60'));
  return {
    all,
    known: unsendableError,
    notes: (known) => [`${known} known: an error holding bytes that are no UTF-8, which upstream cannot send`, `${all.filter((c) => c.images !== undefined).length} with base images of their own`],
  };
});

// The labs channel, call by call: our frontend with DOCKERFILE_LLB_CHANNEL=labs (the :labs image) and
// upstream's labs build of its frontend binary, over the same corpora, which use none of this
// project's own labs features; a file upstream's labs build refuses for a variable --from / from=
// (which our labs channel accepts by design) is counted apart.
test('gateway protocol parity of the labs channel over the corpora', { skip, timeout: 1_800_000 }, async () => {
  const all = cases();
  const { differing, errors, warned, byDesign } = await compareAll(all, { channel: 'labs' });
  const n = all.length - byDesign;
  console.log(`gateway protocol parity, labs: ${n - differing.length}/${n} identical (${errors} failing as upstream fails, ${warned} with warnings; ${byDesign} with a variable --from / from=, which labs accepts by design, left out)`);
  assert.deepEqual(differing.slice(0, 5), []);
});

// Cases the fuzzers below and audits of upstream's Go code found, kept as regression cases (each
// audit's find is named in a comment beside its cases). The build checks' answer
// (`requestid=frontend.lint`) when the conversion fails on a daemon call: upstream's build error is
// the Go error's text, in which the call's error reads with its code's name. refs.platforms for a
// platform whose OS feature holds characters Go's JSON escapes (<, &) and a byte that is no UTF-8
// (U+FFFD in Go's JSON).
test('gateway protocol parity of cases the fuzzers and audits found', { skip, timeout: 600_000 }, async () => {
  const df = (t: string): Buffer => Buffer.from(t);
  const inputContext = llb.local('myinput', { sessionId: 'S' }).marshal().toPb();
  const all: Case[] = [
    { name: 'lint, a base image not found', dockerfile: df('FROM debian\nRUN true\n'), opts: ['requestid=frontend.lint'], link: false },
    { name: 'lint, a COPY --from image not found', dockerfile: df('FROM alpine:3.19 AS a\nFROM a\nCOPY --from=debian / /\n'), opts: ['requestid=frontend.lint'], link: false },
    { name: 'lint, a named context image not found', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['context:alpine:3.19=docker-image://debian', 'requestid=frontend.lint'], link: false },
    { name: 'lint, a base image not found on two platforms', dockerfile: df('FROM debian\nRUN true\n'), opts: ['requestid=frontend.lint', 'platform=linux/amd64,linux/arm64'], link: false },
    { name: 'build, a base image not found', dockerfile: df('FROM debian\nRUN true\n'), opts: [], link: false },
    { name: 'refs.platforms, escaped characters', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['platform=linux(+a%3cb%26c)/amd64'], link: false },
    { name: 'refs.platforms, a byte that is no UTF-8', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['platform=linux(+%ff)/amd64'], link: false },
    // (An audit's finds: the lower-case fallback's path made by path.Join(path.Dir(f), "dockerfile"), cleaned;
    // the unknown attestation type quoted with Go's %q, which escapes DEL and U+2028.)
    { name: 'filename ./Dockerfile, whose fallback is cleaned', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['filename=./Dockerfile'], link: false },
    { name: 'filename Dockerfile/, whose fallback is inside it', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['filename=Dockerfile/'], link: false },
    { name: 'filename a//Dockerfile', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['filename=a//Dockerfile'], link: false },
    // (The build context given as a frontend input named `context`, which replaces the local one, with no .dockerignore.)
    { name: 'a build context given as an input', dockerfile: df('FROM scratch\nCOPY foo /\n'), opts: [], link: false, inputs: { context: inputContext } },
    { name: 'a build context given as an input, narrowed by contextsubdir', dockerfile: df('FROM scratch\nCOPY foo /\n'), opts: ['contextsubdir=sub'], link: false, inputs: { context: inputContext } },
    // (An SBOM scan of a build with a RUN: the scan's definition keeps exec.meta.setsdefaultpath, which
    // Go's ExecOp added to its own constraints when the build was marshaled.)
    { name: 'an SBOM scan of a RUN', dockerfile: df('FROM alpine:3.19\nCOPY a /\nRUN echo hi\n'), opts: ['attest:sbom=generator=ghcr.io/example/tool:1.0'], link: false },
    // (A source policy turning an image into another kind of source: upstream's error for a base image; a
    // named context loaded again as the new source, its option changed, at most 10 times.)
    { name: 'a base image a policy turns into an HTTP source', dockerfile: df('FROM alpine:3.19\nRUN x\n'), opts: [], link: false, redirects: { 'docker.io/library/alpine:3.19': 'https://example.com/x' } },
    { name: 'a named context a policy turns into a local one', dockerfile: df('FROM foo\nRUN x\n'), opts: ['context:foo=docker-image://alpine:3.19'], link: false, redirects: { 'docker.io/library/alpine:3.19': 'local://foo' } },
    { name: 'a named context a policy turns into itself', dockerfile: df('FROM foo\nRUN x\n'), opts: ['context:foo=docker-image://alpine:3.19'], link: false, redirects: { 'docker.io/library/alpine:3.19': 'docker-image://alpine:3.19' } },
    { name: 'a named context a policy turns into no source', dockerfile: df('FROM foo\nRUN x\n'), opts: ['context:foo=docker-image://alpine:3.19'], link: false, redirects: { 'docker.io/library/alpine:3.19': 'garbage' } },
    // (A policy's new reference that does not parse, in upstream's words; resolutions for platforms whose
    // OS features differ only in order or repeats, which upstream's cache, keyed on the options as given, tells apart.)
    { name: 'a base image a policy gives a reference that does not parse', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: [], link: false, rewrites: { 'docker.io/library/alpine:3.19': 'docker-image://Busybox' } },
    { name: 'a base image a policy gives an empty reference', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: [], link: false, rewrites: { 'docker.io/library/alpine:3.19': 'docker-image://' } },
    { name: 'an image of COPY --from a policy gives an empty reference', dockerfile: df('FROM scratch\nCOPY --from=alpine:3.19 / /\n'), opts: [], link: false, rewrites: { 'docker.io/library/alpine:3.19': 'docker-image://' } },
    { name: 'a base image a policy gives another reference', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: [], link: false, rewrites: { 'docker.io/library/alpine:3.19': 'docker-image://docker.io/library/busybox:latest' } },
    // (An audit's find: a stage name that fails to parse after the last stage's resolution went out. The
    // conversion's failure cancels the call in flight, whose request upstream has written in full.)
    { name: 'a bad stage name while the last stage resolves', dockerfile: df('ARG V=1\nFROM node:${V}\nFROM alpine\n'), opts: ['build-arg:V=a b'], link: false },
    { name: 'OS features in two orders', dockerfile: df('FROM --platform=linux(+b+a)/amd64 alpine:3.19 AS a\nRUN true\nFROM --platform=linux(+a+b)/amd64 alpine:3.19\nCOPY --from=a /x /y\n'), opts: [], link: false },
    { name: 'an OS feature repeated', dockerfile: df('FROM --platform=linux(+a+a)/amd64 alpine:3.19 AS a\nRUN true\nFROM --platform=linux(+a)/amd64 alpine:3.19\nCOPY --from=a /x /y\n'), opts: [], link: false },
    // (A daemon without `returnmap`: Go's gateway client refuses to return two platforms' references.)
    { name: 'two platforms to a daemon without returnmap', dockerfile: df('FROM alpine:3.19\nRUN x\n'), opts: ['platform=linux/amd64,linux/arm64'], link: false, gatewayCaps: GATEWAY_CAPS.filter((c) => c !== 'returnmap') },
    { name: 'one platform as a map to a daemon without returnmap', dockerfile: df('FROM alpine:3.19\nRUN x\n'), opts: ['multi-platform=true'], link: false, gatewayCaps: GATEWAY_CAPS.filter((c) => c !== 'returnmap') },
    // (A forwarded build's answer, returned as Go's gateway client decodes and encodes it again.)
    ...(
      [
        ['a legacy reference', { ref: 'legacy' }],
        ['a deprecated reference', { result: { result: { case: 'refDeprecated', value: 'old' } } }],
        ['deprecated references, one empty', { result: { result: { case: 'refsDeprecated', value: { refs: { a: 'x', b: '' } } } } }],
        ['a reference of no id with a definition', { result: { result: { case: 'ref', value: { id: '', def: inputContext } } } }],
        ['an empty reference map', { result: { result: { case: 'refs', value: { refs: {} } } } }],
        ['a result of no reference', { result: { metadata: { k: df('v') } } }],
        ['platforms with no attestation', { result: { result: { case: 'ref', value: { id: 'r' } }, attestations: { '': {}, z: { attestation: [] } } } }],
      ] as [string, gw.SolveResponse][]
    ).map(([what, forwarded]): Case => ({ name: `a forwarded build's answer: ${what}`, dockerfile: df('# syntax=example.com/fe:1\nFROM alpine:3.19\n'), opts: [], link: false, forwarded })),
    // (SOURCE_DATE_EPOCH from a git context's commit object, read as gitobject.Parse, ToCommit and parseActor read it.)
    ...(
      [
        ['a committer time with words after it', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234 +0100 junk\n\nm\n'],
        ['a committer time with tabs and CRLF', 'tree x\r\nauthor A <a> 1 +0000\r\ncommitter C <c@x>\t1700001234\t+0100\r\n\r\nm\r\n'],
        ['a committer time with no offset', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234\n\nm\n'],
        ['a committer offset with a bad digit', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234 +1x00\n\nm\n'],
        ['no author header', 'tree x\ncommitter C <c@x> 1700001234 +0000\n\nm\n'],
        ['a tag object', 'object aaaa\ntype commit\ntag v1\ntagger T <t> 1700000000 +0000\n\nm\n'],
        ['no object at all', 'garbage'],
        // (An audit's finds: an offset of 24 hours or more, which Go's Time.MarshalJSON refuses in the image config.)
        ['a committer offset of +2400', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234 +2400\n\nm\n'],
        ['a committer offset of -2360', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234 -2360\n\nm\n'],
        ['a committer offset of +9999', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234 +9999\n\nm\n'],
        ['a committer offset of -2359', 'tree x\nauthor A <a> 1 +0000\ncommitter C <c@x> 1700001234 -2359\n\nm\n'],
      ] as [string, string][]
    ).map(([what, gitCommit]): Case => ({
      name: `SOURCE_DATE_EPOCH from a git context: ${what}`,
      dockerfile: df('FROM alpine:3.19\nRUN echo $SOURCE_DATE_EPOCH\n'),
      opts: ['context=https://github.com/x/y.git#main', 'build-arg:SOURCE_DATE_EPOCH=context'],
      link: false,
      gitCommit,
    })),
    // (An audit's find: an HTTP source's Last-Modified whose nanoseconds are outside [0, 1e9), which
    // timestamppb's AsTime carries into the seconds.)
    ...[-5, 1_500_000_000, 1_000_000_000, -1_000_000_000, 999_999_999].map(
      (nanos): Case => ({
        name: `SOURCE_DATE_EPOCH from an HTTP context: Last-Modified with nanos ${nanos}`,
        dockerfile: df('FROM alpine:3.19\nCOPY --from=n / /\n'),
        opts: ['context:n=https://example.com/f', 'build-arg:SOURCE_DATE_EPOCH=n'],
        link: false,
        httpLastModified: { seconds: 1650000000n, nanos },
      }),
    ),
    // (An audit's find: 30,000 frontend options took 6 s to read from process.env, whose every lookup scans the environment.)
    {
      name: 'thirty thousand frontend options: build args, labels and unknown ones',
      dockerfile: df('FROM alpine:3.19\nARG A6 A29997\nRUN echo $A6 $A29997\n'),
      opts: Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? `build-arg:A${i}=v${i}` : i % 3 === 1 ? `label:l${i}=v${i}` : `zz-unknown-${i}=v${i}`)),
      link: false,
    },
    { name: 'an unknown attestation type Go quotes with escapes', dockerfile: df('FROM alpine:3.19\nRUN true\n'), opts: ['attest:a\x7f\u2028b=1'], link: false },
    // (A line over bufio.Scanner's 64 KiB on the third line: the error, its location and the lint answer.)
    { name: 'a line over 64 KiB on line 3', dockerfile: df(`FROM alpine:3.19\nRUN true\nRUN echo ${'x'.repeat(70_000)}\nRUN true\n`), opts: [], link: false },
    { name: 'lint, a line over 64 KiB on line 3', dockerfile: df(`FROM alpine:3.19\nRUN true\nRUN echo ${'x'.repeat(70_000)}\nRUN true\n`), opts: ['requestid=frontend.lint'], link: false },
  ];
  const { differing } = await compareAll(all);
  console.log(`gateway protocol parity of cases the fuzzers and audits found: ${all.length - differing.length}/${all.length} identical`);
  assert.deepEqual(differing.slice(0, 5), []);
});

// Which error a build whose stages fail in resolving reports. Upstream resolves each stage in a
// goroutine of its own and returns the first error in time: one a goroutine meets before its first
// call to the daemon (a stage name that is no reference, a named context of an unknown kind or a bad
// oci-layout reference) comes before one that waited on the daemon (an image not found), whatever
// the stages' order; among errors of one kind, Go runs the goroutine started last first, so the
// last stage's error comes first in almost every run, but where earlier stages fail with the same
// message (one resolution they share), the first of those. Then the base images' ONBUILD
// triggers: upstream reports the first stage whose triggers fail in a walk of a Go map of the
// reachable stages, which meets them in the order they were found (the target first) in 7 of 8
// runs. Ours reported the first failing stage in file order; the options fuzz (seeds 777001 and
// 880011) and the inputs fuzz (seed 880022) found the cases; an audit found that ours resolved the
// other stages' images before the last stage's name failed, which upstream mostly does not. Each is compared as the fuzzers
// compare theirs, upstream asked again up to three times, but without the fallback that takes two
// stages failing alike as a race.
test('gateway protocol parity of which stage\'s error a failing resolution reports', { skip, timeout: 600_000 }, async () => {
  const df = (t: string): Buffer => Buffer.from(t);
  const tools = ['context:tools=nope:thing', 'context:alpine:3.19=docker-image://debian'];
  const onbuild = (t: string): string => JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: { OnBuild: [t] } });
  const triggers = { 'docker.io/hostile/cfg0:latest': onbuild('BOGUS'), 'docker.io/hostile/cfg1:latest': onbuild('') };
  const all: Case[] = [
    { name: 'lint, an unknown context kind after an image not found', dockerfile: df('FROM alpine:3.19\nCOPY --from=tools /a /a\n'), opts: [...tools, 'requestid=frontend.lint'], link: false },
    { name: 'build, an unknown context kind after an image not found', dockerfile: df('FROM alpine:3.19\nCOPY --from=tools /a /a\n'), opts: tools, link: false },
    { name: 'build, a stage name that is no reference after an image not found', dockerfile: df('FROM debian AS a\nRUN true\nFROM Bad\nCOPY --from=a / /\n'), opts: [], link: false },
    { name: 'lint, a stage name that is no reference after an image not found', dockerfile: df('FROM debian AS a\nRUN true\nFROM Bad\nCOPY --from=a / /\n'), opts: ['requestid=frontend.lint'], link: false },
    { name: 'build, an oci-layout reference with no digest after an image not found', dockerfile: df('FROM debian AS a\nFROM a\nCOPY --from=layout / /\n'), opts: ['context:layout=oci-layout://store/thing:tag'], link: false },
    { name: 'build, two images not found', dockerfile: df('FROM debian AS a\nFROM ubuntu:nope\nCOPY --from=a / /\n'), opts: [], link: false },
    { name: 'build, two unknown context kinds', dockerfile: df('FROM one\nCOPY --from=two / /\n'), opts: ['context:one=nope:a', 'context:two=nope:b'], link: false },
    { name: 'build, three unknown context kinds', dockerfile: df('FROM one\nCOPY --from=two / /\nCOPY --from=three / /\n'), opts: ['context:one=nope:a', 'context:two=nope:b', 'context:three=nope:c'], link: false },
    { name: 'build, two stage names that are no reference', dockerfile: df('FROM Bad1 AS a\nFROM Bad2\nCOPY --from=a / /\n'), opts: [], link: false },
    { name: 'build, two stages failing in one resolution they share', dockerfile: df('FROM alpine:3.19 AS a\nRUN true\nFROM alpine:3.19\nCOPY --from=a / /\n'), opts: ['context:alpine:3.19=docker-image://debian'], link: false },
    { name: 'lint, two stages failing in one resolution they share', dockerfile: df('FROM alpine:3.19 AS a\nRUN true\nFROM alpine:3.19 AS b\nRUN true\n'), opts: ['context:alpine:3.19=docker-image://debian', 'requestid=frontend.lint'], link: false },
    // (The last stage's name no reference, the others' images found: upstream's goroutine for the last
    // stage runs first and fails before the others call the daemon, so none of them is resolved.)
    { name: 'build, the last stage name no reference after a good image', dockerfile: df('FROM alpine:3.19 AS a\nFROM alpine:$TAG\nCOPY --from=a / /\n'), opts: [], link: false },
    { name: 'lint, the last stage name no reference after a good image', dockerfile: df('FROM alpine:3.19\nFROM alpine:$TAG\n'), opts: ['requestid=frontend.lint'], link: false },
    // (The last stage resolving, earlier ones failing before any daemon call: the first of those in
    // upstream's order fails first and cancels the rest, whose images are then not resolved.)
    { name: 'build, two stage names no reference before a good image', dockerfile: df('FROM Bad0 AS a\nRUN true\nFROM Bad1 AS b\nRUN true\nFROM alpine:3.19\nCOPY --from=a / /\nCOPY --from=b / /\n'), opts: [], link: false },
    { name: 'build, a stage name no reference between good images', dockerfile: df('FROM Bad0 AS a\nRUN true\nFROM debian AS b\nRUN true\nFROM alpine:3.19\nCOPY --from=a / /\nCOPY --from=b / /\n'), opts: [], link: false },
    { name: 'build, bad ONBUILD triggers of two base images', dockerfile: df('FROM hostile/cfg0 AS first\nCOPY . .\nFROM hostile/cfg1\nCOPY --from=first / /first\n'), opts: [], link: false, images: triggers },
    { name: 'lint, bad ONBUILD triggers of two base images', dockerfile: df('FROM hostile/cfg0 AS first\nCOPY . .\nFROM hostile/cfg1\nCOPY --from=first / /first\n'), opts: ['requestid=frontend.lint'], link: false, images: triggers },
  ];
  const { differing } = await compareAll(all, { reruns: 3, exactStage: true });
  console.log(`gateway protocol parity of which stage's error a failing resolution reports: ${all.length - differing.length}/${all.length} identical`);
  assert.deepEqual(differing.slice(0, 5), []);
});

// Frontend options combined at random, on corpus files drawn at random (some that fail): the sets
// above, each subrequest, and (a quarter of the draws) odd values of the options dockerui parses as
// its client starts, one to three at a time, so that which error comes first, and what is asked of
// the daemon before it, is compared for combinations no list names. Two slices: a fixed seed and one new each run
// (printed; OPTIONS_FUZZ_SEED replays it), OPTIONS_FUZZ_COUNT cases each (default 40).
const OPTION_ATOMS: string[][] = [
  ...OPTION_SETS,
  ...['outline', 'targets', 'lint', 'convertllb', 'subrequests.describe'].map((r) => [`requestid=frontend.${r}`]),
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK=error=true'],
  ['build-arg:BUILDKIT_MULTI_PLATFORM=1'],
  ['build-arg:BUILDKIT_SANDBOX_HOSTNAME=box'],
  ['target=base'],
  ['no-cache=base'],
  ['label:org.example=1'],
  ['requestid=frontend.lint', 'context:alpine:3.19=docker-image://debian'],
  // A platform whose OS feature holds a byte that is no UTF-8 and characters Go's JSON escapes (refs.platforms).
  ['platform=linux(+a%3cb%26c%ff)/amd64'],
  ['requestid=frontend.<&>'],
];
/** Options that fail as the client starts (drawn less often). */
const BAD_OPTION_ATOMS: string[][] = [
  ...START_OPTION_SETS,
  ['platform=bogus'],
  ['shm-size=x'],
  ['ulimit=bad'],
  ['multi-platform=maybe'],
  ['build-arg:BUILDKIT_MULTI_PLATFORM=no', 'platform=linux/amd64,linux/arm64'],
  ['cache-imports=nul'],
  ['image-resolve-mode=bad'],
  ['force-network-mode=bad'],
  ['add-hosts=bad'],
  ['attest:sbom=generator=Not A Ref'],
];

function optionCases(seed: number, count: number): Case[] {
  const r = new Rng(seed);
  const pool = cases().filter((c) => /^(convert|lint)\//.test(c.name) && !c.link);
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const c = r.pick(pool);
    const keys = new Set(c.opts.map((o) => o.slice(0, o.indexOf('='))));
    const opts = [...c.opts];
    const n = 1 + r.int(3);
    for (let j = 0; j < n; j++) {
      for (const o of r.pick(r.chance(0.25) ? BAD_OPTION_ATOMS : OPTION_ATOMS)) {
        const k = o.slice(0, o.indexOf('='));
        if (keys.has(k)) continue;
        keys.add(k);
        opts.push(o);
      }
    }
    out.push({ ...c, name: `${c.name} ${opts.slice(c.opts.length).join(' ')}`, opts });
  }
  return out;
}

fuzzTests('gateway protocol parity over options combined at random', 'gateway protocol options fuzz', 'OPTIONS_FUZZ_SEED', (seed) => ({
  all: optionCases(seed, Number(process.env.OPTIONS_FUZZ_COUNT ?? '40')),
}));
