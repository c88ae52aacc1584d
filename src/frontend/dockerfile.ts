// The Dockerfile frontend behind the gateway: what BuildKit's dockerfile.v0
// (frontend/dockerfile/builder + frontend/dockerui) does with the options,
// the build context and the result, on top of the shared converter.
import * as llb from '../llb/index.ts';
import type { SourceDefinition } from '../llb/sourcemap.ts';
import type { Definition as PbDefinition, SourceInfo } from '../gen/pb.ts';
import * as pb from '../gen/pb.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import type { LintWarnFunc } from '../dockerfile/lint/index.ts';
import { buildArgCheckConfig } from '../dockerfile/lint/config.ts';
import type { LineRange } from '../dockerfile/errors.ts';
import type * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import { findDirective } from '../dockerfile/parser/index.ts';
import { convertDockerfile, formatPlatformAll, marshalBuild, marshalImage, type ConvertResult, type Image, type Platform } from '../dockerfile/convert/index.ts';
import { ResolveToNonImageError, type ImageResolver, type ResolveOptions, type ResolvedImage } from '../registry/resolver.ts';
import { normalizePlatform } from '../dockerfile/convert/platform.ts';
import { hostPlatform } from '../platform/platform.ts';
import * as reference from '../registry/reference.ts';
import { ReadHeadError, convertOptions, dockerfileLocal, includedFileLocal, parseConfig, resolveRemoteContext, scopeToSubDir } from '../dockerui/index.ts';
import { BridgeError, type LLBBridge } from './bridge.ts';
import type { GatewayEnv } from './env.ts';
import { Code, FrontendError, sourceDetail, sourceInfoOf, withLocations } from './errors.ts';
import { KEY_REQUEST_ID, handleSubrequest } from './subrequests.ts';
import { createScanner, parseSBOMConfig, resolveScanner, scanDefinition, type Scanner } from './sbom.ts';
import { validateCaps } from './caps.ts';
import { resolveSourceTime } from './source-time.ts';
import { goTrimSpace } from '../go/strings.ts';
import { setKey } from '../go/maps.ts';
import { goJSONStringify } from '../go/json.ts';

/** The daemon's capabilities, from Ping. */
export interface Caps {
  gateway: llb.CapSet;
  llb: llb.ReportedCaps;
}

/**
 * errors.Wrap as it reaches the client: upstream's grpcerrors.ToGRPC keeps
 * the message of a wrapped gRPC status error (the prefix is dropped), so a
 * failed daemon call is returned with its own message, code and details.
 */
function wrap(err: unknown, prefix: string): Error {
  if (err instanceof BridgeError) return new FrontendError(err.message, err.code, err.status?.details ?? []);
  if (err instanceof FrontendError) return new FrontendError(`${prefix}: ${err.message}`, err.code, err.details);
  return new Error(`${prefix}: ${err instanceof Error ? err.message : String(err)}`);
}

/** A solved reference the frontend can read files from. */
class Ref {
  constructor(
    private readonly bridge: LLBBridge,
    readonly id: string,
    readonly def: PbDefinition | undefined,
  ) {}
  async readFile(path: string, length?: number): Promise<Uint8Array> {
    const res = await this.bridge.readFile({ Ref: this.id, FilePath: path, Range: length === undefined ? undefined : { Offset: 0, Length: length } });
    return res.Data ?? new Uint8Array();
  }
}

/**
 * Solves a definition. With `evaluate` (the daemon's gateway caps) the daemon
 * runs it at once, as grpcclient's Evaluate asks: by the request's flag where
 * the daemon has `gateway.solve.evaluate`, else by a StatFile of "." after it.
 */
async function solveDefinition(bridge: LLBBridge, def: PbDefinition, cacheImports?: gw.CacheOptionsEntry[], evaluate?: llb.CapSet): Promise<Ref> {
  const inRequest = evaluate?.supports('gateway.solve.evaluate') === true;
  const res = await bridge.solve({
    Definition: def,
    allowResultReturn: true,
    allowResultArrayRef: true,
    CacheImports: cacheImports,
    Evaluate: inRequest ? true : undefined,
  });
  const r = res.result?.result;
  let ref: Ref;
  if (r?.case === 'ref') ref = new Ref(bridge, r.value.id ?? '', r.value.def);
  else if (r?.case === 'refDeprecated') ref = new Ref(bridge, r.value, def);
  else if (res.ref !== undefined) ref = new Ref(bridge, res.ref, def);
  else throw new Error('invalid map result');
  if (evaluate !== undefined && !inRequest) await bridge.statFile({ Ref: ref.id, Path: '.' });
  return ref;
}

/** Image resolution through the gateway, as grpcclient.ResolveImageConfig does, with upstream's cache. */
class GatewayResolver implements ImageResolver {
  readonly daemon = true;
  private readonly cache = new Map<string, Promise<ResolvedImage>>();
  /** Daemon errors the converter received (it wraps them in its own messages); a named context's failed solve too. */
  readonly failures: BridgeError[] = [];
  constructor(
    private readonly bridge: LLBBridge,
    private readonly caps: Caps,
    private readonly multiPlatform: boolean,
  ) {}

  resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
    const layout = opts.ociLayout === undefined ? '' : `${opts.ociLayout.sessionId}/${opts.ociLayout.storeId}`;
    // Upstream's key hashes the options' fields as given (hashstructure): OS features in their order, repeats kept.
    const p = opts.platform;
    const platform = opts.platformUnset === true ? '' : JSON.stringify([p.os, p.architecture, p.variant ?? '', p.osVersion ?? '', p.osFeatures ?? []]);
    const key = `${ref}|${platform}|${opts.resolveMode ?? ''}|${layout}|${opts.logName ?? ''}`;
    let r = this.cache.get(key);
    if (r === undefined) {
      r = this.doResolve(ref, opts).catch((err: unknown) => {
        if (err instanceof BridgeError) this.failures.push(err);
        throw err;
      });
      this.cache.set(key, r);
    }
    return r;
  }

  private async doResolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
    const prefix = this.multiPlatform ? `[${formatPlatformAll(opts.platform)} internal]` : '[internal]';
    const logName = opts.logName ?? `${prefix} load metadata for ${ref}`;
    const layout = opts.ociLayout;
    const p = opts.platform;
    const platform =
      opts.platformUnset === true
        ? undefined
        : {
            OS: p.os,
            Architecture: p.architecture,
            Variant: p.variant,
            OSVersion: p.osVersion,
            OSFeatures: p.osFeatures,
          };
    if (this.caps.gateway.supports('source.metaresolver')) {
      // grpcclient's resolveImageConfigViaSourceMetadata: an OCI layout held by the client is an oci-layout source
      // naming the session and store (the ref normalized), looked up without a resolve mode.
      const source: pb.SourceOp =
        layout === undefined
          ? { identifier: 'docker-image://' + ref }
          : {
              identifier: 'oci-layout://' + reference.parseNormalizedNamed(ref).toString(),
              attrs: { 'oci.session': layout.sessionId, 'oci.store': layout.storeId },
            };
      const res = await this.bridge.resolveSourceMeta({
        Source: source,
        Platform: platform,
        LogName: logName,
      });
      if (res.Image === undefined) throw new ResolveToNonImageError(ref, res.Source?.identifier ?? '');
      const out = (res.Source?.identifier ?? '').replace(/^docker-image:\/\//, '').replace(/^oci-layout:\/\//, '');
      return { ref: out, digest: res.Image.Digest ?? '', config: res.Image.Config ?? new Uint8Array() };
    }
    // ResolverType 1 (sourceresolver.ResolverTypeOCILayout) with the store and session, as grpcclient sends it.
    const res = await this.bridge.resolveImageConfig(
      layout === undefined
        ? { Ref: ref, LogName: logName, Platform: platform, ResolveMode: opts.resolveMode ?? 'default', ResolverType: 0 }
        : { Ref: ref, LogName: logName, Platform: platform, ResolverType: 1, StoreID: layout.storeId, SessionID: layout.sessionId },
    );
    return { ref: res.Ref || ref, digest: res.Digest ?? '', config: res.Config ?? new Uint8Array() };
  }
}

/**
 * dockerui's makeExportPlatform: the platform the exporter is told of; a
 * Windows target that names no OS version or features takes the image's (its
 * base image's), so that an index describes the image as `os.version` says.
 */
function exportPlatform(p: Platform, image: Image): Platform {
  if (p.os !== 'windows' || image.os !== p.os) return p;
  const out: Platform = { ...p };
  if (!p.osVersion && image['os.version']) out.osVersion = image['os.version'];
  const features = image['os.features'] ?? [];
  if ((p.osFeatures ?? []).length === 0 && features.length > 0) out.osFeatures = [...features];
  return normalizePlatform(out);
}

function platformJSON(p: Platform): Record<string, unknown> {
  const o: Record<string, unknown> = { architecture: p.architecture, os: p.os };
  if (p.osVersion) o['os.version'] = p.osVersion;
  if (p.osFeatures && p.osFeatures.length > 0) o['os.features'] = p.osFeatures;
  if (p.variant) o.variant = p.variant;
  return o;
}

const enc = new TextEncoder();

/**
 * Runs one build: returns the Result for Return, or throws. `inputs` is the
 * answer of an Inputs call already made (without it, one is made when needed).
 */
export async function buildDockerfile(bridge: LLBBridge, env: GatewayEnv, caps: Caps, inputs?: Promise<gw.InputsResponse>): Promise<gw.Result> {
  // dockerui's validateMinCaps, before anything else: the converter's file ops need file.base.
  const noFileOps = caps.llb.unsupported(llb.Caps.fileBase);
  if (noFileOps !== undefined) throw new Error(`needs BuildKit 0.5 or later: ${noFileOps}`);
  // The build platform is the first worker's.
  // Without a worker's platform, the build platform is this process's own, normalized
  // (platforms.DefaultSpec() in dockerui: linux/arm64 for the arm64 image).
  const cfg = parseConfig(env.opts, env.workers[0]?.platforms[0] ?? normalizePlatform(hostPlatform()), env.channel);
  const opts = env.opts;
  const sbomConfig = parseSBOMConfig(opts);
  // The last option dockerui's client parses as it starts: a bad one fails any request before the Dockerfile is read.
  buildArgCheckConfig(cfg.buildArgs);

  // frontend.caps (src/frontend/caps.ts): throws unless every unsupported cap may be forwarded.
  const capsError = validateCaps(opts.get('frontend.caps') ?? '').error;

  const marshalOpts = { caps: caps.llb };
  // A git or HTTP(S) build context (src/dockerui/context.ts); it replaces the local context and Dockerfile.
  const remote = await resolveRemoteContext(opts, cfg.contextOptName, cfg.filename, caps.llb, {
    readHead: async (def, path, length) => {
      const ref = await solveDefinition(bridge, def);
      return ref.readFile(path, length).catch((e: unknown) => {
        throw new ReadHeadError(e);
      });
    },
    wrap,
  });
  // Inputs (a dockerfile/context given as LLB by a parent frontend).
  let inputDefs: { [k: string]: PbDefinition } = {};
  if (remote === undefined && caps.gateway.supports('frontend.inputs')) {
    inputDefs = (await (inputs ?? bridge.inputs()).catch((e: unknown) => {
      throw wrap(e, 'failed to get frontend inputs');
    })).Definitions ?? {};
  }

  // The input named `context` replaces the local build context (dockerui's initContext; the
  // name is always `context`, whatever contextkey says), narrowed by contextsubdir.
  let inputContext: llb.State | undefined;
  if (Object.hasOwn(inputDefs, 'context')) {
    inputContext = llb.definitionState(inputDefs['context']!);
    if (opts.has('contextsubdir')) inputContext = scopeToSubDir(inputContext, opts.get('contextsubdir') ?? '');
  }

  // --- the Dockerfile ---
  const filename = remote?.filename ?? cfg.filename;
  const local = dockerfileLocal(cfg, filename, env.sessionId);
  // What the Dockerfile is read through, as the source map records it (dockerui's smap.Definition).
  let dfSource: SourceDefinition;
  const inputDockerfile = cfg.forceLocalDockerfile ? undefined : inputDefs[cfg.dockerfileLocalName];
  if (remote !== undefined && !cfg.forceLocalDockerfile) {
    dfSource = remote.dockerfile.marshal(marshalOpts);
  } else if (inputDockerfile !== undefined) {
    const input = inputDockerfile;
    dfSource = { def: input.def ?? [], toPb: () => input };
  } else {
    dfSource = local.state.marshal(marshalOpts);
  }
  const dfDef: PbDefinition = dfSource.toPb();
  let dfRef: Ref;
  try {
    dfRef = await solveDefinition(bridge, dfDef);
  } catch (err) {
    throw wrap(err, 'failed to resolve dockerfile');
  }
  let data: Uint8Array;
  try {
    data = await dfRef.readFile(filename);
  } catch (err) {
    let found: Uint8Array | undefined;
    if (local.fallback !== undefined) found = await dfRef.readFile(local.fallback).catch(() => undefined);
    if (found === undefined) throw wrap(err, 'failed to read dockerfile');
    data = found;
  }
  const sourceInfo: SourceInfo = { filename, data, language: 'Dockerfile', definition: dfDef };
  // <Dockerfile>.dockerignore, once the Dockerfile is read (as dockerui reads it: not when the
  // Dockerfile is missing).
  const dockerignore = await dfRef.readFile(filename + '.dockerignore').catch(() => undefined);

  // --- # syntax forwarding (loop guard: a forwarded build has "cmdline") ---
  if (!opts.has('cmdline')) {
    const syntaxArg = opts.get('build-arg:BUILDKIT_SYNTAX');
    const detected = findDirective('syntax', data, true);
    if (syntaxArg !== undefined) {
      const cmdline = goTrimSpace(syntaxArg);
      try {
        return await forward(bridge, env, caps, cmdline.split(' ')[0], syntaxArg);
      } catch (err) {
        throw wrap(err, `failed with BUILDKIT_SYNTAX = ${syntaxArg}`);
      }
    } else if (detected !== null) {
      try {
        return await forward(bridge, env, caps, detected.value, detected.cmdline);
      } catch (err) {
        if (err instanceof BridgeError && hasSource(err)) throw err;
        throw withSource(err, sourceInfo, detected.location);
      }
    }
  }
  if (capsError) throw capsError;

  // --- the converter's options (src/dockerui), the gateway answering its ports ---
  // The platforms of a build convert together under one context, as dockerui's errgroup runs them:
  // once one fails, the calls of the others are cancelled (a call in flight, and any made after).
  const group = new AbortController();
  const scoped = bridge.scoped(group.signal);
  // Files labs INCLUDE and imported stages name: read from the source the Dockerfile came from, beside it.
  const includeDir = filename.includes('/') ? filename.slice(0, filename.lastIndexOf('/') + 1) : '';
  const readInclude = async (rel: string): Promise<Uint8Array | undefined> => {
    const path = includeDir + rel;
    let def: PbDefinition;
    if (remote !== undefined && !cfg.forceLocalDockerfile) def = remote.dockerfile.marshal(marshalOpts).toPb();
    else if (inputDockerfile !== undefined) def = inputDockerfile;
    else def = includedFileLocal(cfg, path, env.sessionId).marshal(marshalOpts).toPb();
    const ref = await solveDefinition(scoped, def);
    try {
      return await ref.readFile(path);
    } catch (err) {
      if (err instanceof BridgeError && /no such file or directory|not a directory/.test(err.message)) return undefined;
      throw err;
    }
  };

  const resolver = new GatewayResolver(scoped, caps, cfg.multiPlatform);
  // One set for every platform and subrequest (they share one read of the .dockerignore).
  const options = convertOptions(
    cfg,
    {
      resolver,
      // Solve errors fail the conversion; a file that cannot be read is no file.
      readLocalFile: async (st, name, o) => {
        const ref = await solveDefinition(scoped, st.marshal(marshalOpts).toPb(), undefined, o?.evaluate === true ? caps.gateway : undefined).catch((err: unknown) => {
          // A named context's failed solve reaches the client with the daemon's code and details.
          if (err instanceof BridgeError) resolver.failures.push(err);
          throw err;
        });
        return ref.readFile(name).catch(() => undefined);
      },
      // input:NAME contexts: the gateway's inputs, asked for at each load as upstream's client.Inputs is,
      // each made a state on its definition's head (llb.NewDefinitionOp).
      inputs: async () => {
        const defs = (await scoped.inputs()).Definitions ?? {};
        const out: Record<string, llb.State> = {};
        for (const [k, def] of Object.entries(defs)) setKey(out, k, llb.definitionState(def));
        return out;
      },
      // SOURCE_DATE_EPOCH=context|<named context>|<stage>: the source's time (src/frontend/source-time.ts).
      resolveSourceTime: (source, logName) =>
        resolveSourceTime(
          {
            bridge: scoped,
            metaResolver: caps.gateway.supports('source.metaresolver'),
            caps: caps.llb,
            readFile: async (def, name) => (await solveDefinition(scoped, def)).readFile(name),
          },
          source,
          logName,
        ),
      readInclude,
    },
    { sessionId: env.sessionId, llbCaps: caps.llb, filename, ignoreFile: dockerignore, ignoreFileName: `${filename}.dockerignore`, remote, inputContext, dockerfileDefinition: dfSource },
  );

  // --- subrequests (requestid) ---
  const requestId = opts.get(KEY_REQUEST_ID);
  if (requestId !== undefined) {
    // Upstream's builder converts for outline and convertllb with the Warn-sending convert options
    // (lint collects its findings instead); the calls are made before the answer is returned.
    const subWarnings = new WarnSender(bridge, sourceInfo);
    try {
      return await handleSubrequest(requestId, {
        data,
        sourceInfo,
        failures: resolver.failures,
        convertOptions: { ...options, buildArgs: { ...cfg.buildArgs }, targetPlatform: undefined, lintWarn: subWarnings.warn },
      });
    } finally {
      await subWarnings.flush();
    }
  }

  // attest:sbom: the scanner is resolved (for the build platform) before anything is built.
  let scanner: Scanner | undefined;
  if (sbomConfig !== undefined) {
    const scannerPlatform = cfg.buildPlatforms[0];
    let resolved;
    try {
      resolved = await resolveScanner(bridge, caps.gateway.supports('source.metaresolver'), sbomConfig.generator, scannerPlatform, opts.get('image-resolve-mode') ?? '');
    } catch (err) {
      throw wrap(err, `failed to resolve source metadata for ${sbomConfig.generator}`);
    }
    scanner = createScanner(resolved, scannerPlatform, sbomConfig.parameters);
  }
  const scanTargets = new Map<string, ConvertResult>();

  // Build checks are reported for the first platform only, with Warn, as upstream's builder does.
  const warnings = new WarnSender(bridge, sourceInfo);
  const targets: (Platform | undefined)[] = cfg.targetPlatforms.length > 0 ? cfg.targetPlatforms : [undefined];
  const result: gw.Result = { metadata: {} };
  const md = result.metadata!;
  const refs: { [k: string]: gw.Ref } = {};
  const expPlatforms: { ID: string; Platform: Record<string, unknown> }[] = [];

  // Every platform ends before the build does (errgroup's Wait), and the build fails with the error
  // of the platform that failed first (the one that cancelled the others).
  let cancelledBy = -1;
  const cancelOthers = (i: number): void => {
    if (cancelledBy >= 0) return;
    cancelledBy = i;
    group.abort();
  };
  const outcomes = await Promise.allSettled(
    targets.map(async (tp, i) => {
      let res;
      try {
        res = await convertDockerfile(data, { ...options, buildArgs: { ...cfg.buildArgs }, targetPlatform: tp, lintWarn: i === 0 ? warnings.warn : undefined });
      } catch (err) {
        // (Before its warnings are flushed: the others make no call meanwhile.)
        cancelOthers(i);
        await warnings.flush();
        throw withLocations(err, sourceInfo, resolver.failures);
      }
      if (i === 0) await warnings.flush();
      const def = marshalBuild(res.state).toPb();
      const ref = await solveDefinition(scoped, def, cfg.cacheImports.length > 0 ? cfg.cacheImports : undefined);
      // The export platform without a target platform: this process's own (platforms.DefaultSpec()).
      const p = normalizePlatform(tp ?? hostPlatform());
      const id = formatPlatformAll(p);
      const config = enc.encode(marshalImage(res.image));
      const baseConfig = res.baseImage ? enc.encode(marshalImage(res.baseImage)) : undefined;
      const suffix = cfg.multiPlatform ? `/${id}` : '';
      if (cfg.multiPlatform) refs[id] = { id: ref.id, def: ref.def };
      else result.result = { case: 'ref', value: { id: ref.id, def: ref.def } };
      md['containerimage.config' + suffix] = config;
      if (baseConfig) md['containerimage.base.config' + suffix] = baseConfig;
      if (res.epochSeconds !== undefined) md['source.date.epoch' + suffix] = enc.encode(res.epochSeconds.toString());
      expPlatforms[i] = { ID: id, Platform: platformJSON(exportPlatform(p, res.image)) };
      scanTargets.set(id, res);
    }).map((platform, i) =>
      // Whatever fails a platform (its conversion, its Solve, its image config's marshal) cancels the others.
      platform.catch((err: unknown) => {
        cancelOthers(i);
        throw err;
      }),
    ),
  );
  const failure = outcomes[cancelledBy];
  if (failure?.status === 'rejected') throw failure.reason;
  if (scanner !== undefined) {
    const scan = scanner;
    const attestations: { [k: string]: gw.Attestations } = {};
    await Promise.all(
      expPlatforms.map(async ({ ID: id }) => {
        const target = scanTargets.get(id);
        if (target === undefined) throw new Error(`no scan targets for ${id}`);
        const s = scan(id, target.sbom.core, target.sbom.extras, target.isIgnoreCache);
        const ref = await solveDefinition(bridge, scanDefinition(s));
        attestations[id] = { attestation: [{ ...s.attestation, ref: { id: ref.id, def: ref.def } }] };
      }),
    );
    result.attestations = attestations;
  }
  if (cfg.multiPlatform) result.result = { case: 'refs', value: { refs } };
  md['refs.platforms'] = enc.encode(goJSONStringify({ Platforms: expPlatforms }));
  return result;
}

/** The digest Warn is sent for: the input of the definition's last op (llb.Definition.Head). */
function definitionHead(def: PbDefinition): string {
  const ops = def.def ?? [];
  if (ops.length === 0) return '';
  const op = decodeMessage(pb.Op, ops[ops.length - 1]);
  return op.inputs?.[0]?.digest ?? '';
}

/**
 * Sends build-check findings to the client with Warn, one call at a time in
 * the order they fire (upstream calls Warn synchronously from the converter);
 * a failed call is ignored, as upstream ignores it.
 */
class WarnSender {
  private chain: Promise<void> = Promise.resolve();
  private readonly digest: string;

  constructor(
    private readonly bridge: LLBBridge,
    private readonly info: SourceInfo,
  ) {
    this.digest = info.definition ? definitionHead(info.definition) : '';
  }

  readonly warn: LintWarnFunc = (ruleName, description, url, detail, ranges) => {
    const req = warnRequest(this.digest, this.info, ruleName, description, url, detail, ranges);
    this.chain = this.chain.then(
      () => this.bridge.warn(req).then(() => undefined),
    ).catch(() => undefined);
  };

  flush(): Promise<void> {
    return this.chain;
  }
}

/** The WarnRequest upstream's builder sends for a finding (linter.LintFormatShort, warnOpts, Source.Warn). */
export function warnRequest(
  digest: string,
  info: SourceInfo,
  ruleName: string,
  description: string,
  url: string,
  detail: string,
  ranges: readonly LineRange[],
): gw.WarnRequest {
  const startLine = ranges.length > 0 ? ranges[0].start : 0;
  let short = `${ruleName}: ${detail}`;
  if (startLine > 0) short += ` (line ${startLine})`;
  const req: gw.WarnRequest = {
    digest,
    level: 1,
    short: enc.encode(short),
    detail: [enc.encode(description)],
    url,
    info: sourceInfoOf(info, ranges[0]),
  };
  if (ranges.length > 0) req.ranges = ranges.map((r) => ({ start: { line: r.start }, end: { line: r.end } }));
  return req;
}

function hasSource(err: BridgeError): boolean {
  return (err.status?.details ?? []).some((d) => d.type_url?.endsWith('errdefs.Source+json'));
}

function withSource(err: unknown, info: SourceInfo, range: { start: number; end: number }): Error {
  const code = err instanceof FrontendError || err instanceof BridgeError ? err.code : Code.Unknown;
  const details = err instanceof FrontendError ? err.details : err instanceof BridgeError ? (err.status?.details ?? []) : [];
  const message = err instanceof Error ? err.message : String(err);
  return new FrontendError(message, code, [...details, sourceDetail(info, range)]);
}

async function forward(bridge: LLBBridge, env: GatewayEnv, caps: Caps, ref: string, cmdline: string): Promise<gw.Result> {
  const frontendOpt: { [k: string]: string } = {};
  for (const [k, v] of env.opts) setKey(frontendOpt, k, v);
  // dockerui's client, as it starts, copies two build args onto the options (a Go map this forward
  // then passes on as it is): BUILDKIT_MULTI_PLATFORM onto multi-platform, BUILDKIT_SANDBOX_HOSTNAME onto hostname.
  const multiPlatform = env.opts.get('build-arg:BUILDKIT_MULTI_PLATFORM');
  if (multiPlatform !== undefined && multiPlatform !== '') frontendOpt['multi-platform'] = multiPlatform;
  const hostname = env.opts.get('build-arg:BUILDKIT_SANDBOX_HOSTNAME');
  if (hostname !== undefined && hostname !== '') frontendOpt.hostname = hostname;
  frontendOpt.cmdline = cmdline;
  frontendOpt.source = ref;
  let frontendInputs: { [k: string]: PbDefinition } | undefined;
  if (caps.gateway.supports('frontend.inputs')) {
    try {
      frontendInputs = (await bridge.inputs()).Definitions ?? {};
    } catch (err) {
      throw wrap(err, 'failed to get frontend inputs');
    }
  }
  const res = await bridge.solve({
    Frontend: 'gateway.v0',
    FrontendOpt: frontendOpt,
    FrontendInputs: frontendInputs,
    allowResultReturn: true,
    allowResultArrayRef: true,
  });
  return clientResult(res);
}

/**
 * A forwarded build's answer as Go's gateway client returns it: decoded into
 * a client.Result by Solve, then encoded again by Run's Return. References
 * without an id become empty ones (their definitions dropped), the
 * deprecated forms become the current ones, a result of no reference or an
 * empty map becomes an empty reference, and a platform with no attestation is
 * left out of the attestations.
 */
function clientResult(res: gw.SolveResponse): gw.Result {
  const ref = (r: gw.Ref | undefined): gw.Ref => (r?.id ? { id: r.id, def: r.def } : {});
  const r = res.result;
  // A daemon of before the Result message: its one reference, as SetRef takes it.
  if (r === undefined) return { result: { case: 'ref', value: { id: res.ref ?? '' } } };
  let single: gw.Ref = {};
  let refs: { [k: string]: gw.Ref } | undefined;
  const v = r.result;
  if (v?.case === 'refDeprecated') single = ref({ id: v.value });
  else if (v?.case === 'ref') single = ref(v.value);
  else if (v?.case === 'refsDeprecated') for (const [k, id] of Object.entries(v.value.refs ?? {})) setKey((refs ??= {}), k, ref({ id }));
  else if (v?.case === 'refs') for (const [k, x] of Object.entries(v.value.refs ?? {})) setKey((refs ??= {}), k, ref(x));
  const out: gw.Result = { metadata: r.metadata, result: refs !== undefined ? { case: 'refs', value: { refs } } : { case: 'ref', value: single } };
  for (const [k, as] of Object.entries(r.attestations ?? {})) {
    const list = (as.attestation ?? []).map((a) => ({ ...a, ref: ref(a.ref) }));
    if (list.length > 0) setKey((out.attestations ??= {}), k, { attestation: list });
  }
  return out;
}
