// Dockerfile -> LLB, following upstream's dockerfile2llb.toDispatchState step
// by step: parse, group into stages, evaluate meta args, register stages,
// pick the target, link dependencies, resolve base images (and ONBUILD
// triggers), dispatch every needed stage, then finish the target's image.

import * as llb from '../../llb/index.ts';
import type { CapSet } from '../../llb/caps.ts';
import * as reference from '../../registry/reference.ts';
import { DockerfileError, withLocation, type LineRange } from '../errors.ts';
import { parseCommand, parseStages, withSuggestion, type Command, type Stage } from '../instructions/index.ts';
import { parse } from '../parser/index.ts';
import { ExpansionError, ShellLex } from '../shell/index.ts';
import { goQuote } from '../../go/strconv.ts';
import { buildMetaArgs, defaultArgs, isEnabledForStage, proxyEnvFromBuildArgs, type ProxyEnv } from './args.ts';
import { DeferredOutput } from './deferred.ts';
import { dispatchUser, dispatchWorkdir } from './dispatch/config.ts';
import { dispatchCommand, handlerOf, type StageLookup } from './dispatch/dispatch.ts';
import type { DispatchContext } from './dispatch/context.ts';
import type { EnvList } from '../../llb/env.ts';
import { DEFAULT_PATH_UNIX, cloneImage, emptyImage, imagePlatform, ownImage, readImage, releaseEnvIndex, splitKeyValue, type Image } from './image.ts';
import { resolveSourceDateEpoch, formatSourceTime } from './epoch.ts';
import { findNamedContext, loadNamedContext, type ContextOpt, type LoadEnv, type NamedContext } from './named-context.ts';
import { normalizeContextPaths } from './paths.ts';
import {
  autoDetectPlatform,
  buildPlatformOpt,
  formatPlatformAll,
  normalizePlatform,
  parsePlatform,
  type Platform,
  type PlatformOpt,
} from './platform.ts';
import { OutlineCapture } from './outline-capture.ts';
import { StageArgs } from './stage-args.ts';
import { isLabs } from '../channel.ts';
import { prefixCommand } from './progress.ts';
import { DispatchState, DispatchStates, allReachableStages, stageInfo, type StageCommand } from './stage-state.ts';
import type { ConvertOptions, ConvertResult, SourceTime } from './types.ts';
import * as checks from '../lint/checks.ts';
import { resolveCheckConfig } from '../lint/config.ts';
import { instructionLinter, reportParseWarnings } from '../lint/hooks.ts';
import { IgnoreMatcher } from '../lint/ignore.ts';
import { Linter, type LintWarnFunc } from '../lint/linter.ts';
import * as rules from '../lint/rules.ts';
import { EMPTY_IMAGE_NAME, locationOf, emptyEnv, wrapError, dfCmd, lexFor } from './util.ts';
import { parseDockerfile, withIncludes } from './include.ts';
import { importStage, isFileReference, newImportScope } from './imports.ts';
import { goParseInt64 } from '../../go/strconv.ts';
import { goDecodeUTF8, goEqualFold } from '../../go/strings.ts';


const SBOM_SCAN_CONTEXT = 'BUILDKIT_SBOM_SCAN_CONTEXT';
const SBOM_SCAN_STAGE = 'BUILDKIT_SBOM_SCAN_STAGE';

const COMMON_IMAGE_NAMES = ['alpine', 'busybox', 'centos', 'debian', 'golang', 'ubuntu', 'fedora'].flatMap((n) => [
  n,
  'docker.io/library' + n,
  n + ':latest',
  'docker.io/library' + n + ':latest',
]);

/** Everything the dispatch of one build shares. */
interface BuildContext {
  opt: ConvertOptions;
  po: PlatformOpt;
  globalArgs: EnvList;
  buildArgs: Map<string, string>;
  epoch: string | undefined;
  epochSeconds: bigint | undefined;
  /** Sub-second part of the epoch (a pax mtime of an archive's newest file). */
  epochNanos: bigint;
  shlex: ShellLex;
  all: DispatchStates;
  proxyEnv: ProxyEnv | undefined;
  caps: CapSet;
  sourceMap: llb.SourceMap;
  lint: Linter;
  /** The meta ARGs as the outline records them; their names are the global ARGs UndefinedArgInFrom accepts. */
  outline: OutlineCapture;
  /** Calls that wait on the daemon made while resolving stages (resolveReachableStages says why they are counted). */
  daemonWaits: number;
  /** A stage failed before calling the daemon: resolutions still waiting on it are dropped when answered (Go's cancelled context). */
  resolveCancelled: boolean;
}

/**
 * The Definition of a converted build, as upstream's builder marshals it: a
 * state that cannot be marshalled (`RUN []` has no arguments) fails with
 * "failed to marshal LLB definition: ..." and no location.
 */
export function marshalBuild(state: llb.State): llb.Definition {
  try {
    return state.marshal();
  } catch (err) {
    throw new DockerfileError(`failed to marshal LLB definition: ${(err as Error).message}`);
  }
}

/** Converts a Dockerfile for one target platform. Throws DockerfileError for user mistakes. */
export async function convertDockerfile(text: string | Uint8Array, opt: ConvertOptions = {}): Promise<ConvertResult> {
  const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  if (data.length === 0) throw new DockerfileError('the Dockerfile cannot be empty');
  const lint = Linter.create(opt.checkConfig ?? resolveCheckConfig(data, opt.buildArgs), opt.lintWarn);
  // Labs: the imports of the whole build (every stage and file) share one scope, so each is converted once.
  if (isLabs(opt.channel) && opt.imports === undefined) opt = { ...opt, imports: newImportScope(opt.filename ?? 'Dockerfile') };
  const parsed = opt.ast ?? parseDockerfile(data, opt);
  let ast;
  try {
    ast = await withIncludes(parsed, opt);
  } catch (err) {
    // Labs: the file's own parse warnings come before an error its includes meet (or an instruction
    // before them), as they come before an instruction's error (an imported file's are not located here).
    if (opt.importedAs === undefined) reportParseWarnings(parsed.warnings, lint);
    throw err;
  }
  const po = buildPlatformOpt(opt.targetPlatform, opt.buildPlatforms);
  const buildArgs = new Map(Object.entries(opt.buildArgs ?? {}));
  const shlex = new ShellLex(ast.escapeToken === '`' ? '`' : '\\');
  reportParseWarnings(ast.warnings, lint);
  const { stages, metaArgs } = parseStages(ast, { lint: instructionLinter(lint), channel: opt.channel });
  if (stages.length === 0) throw new DockerfileError('dockerfile contains no stages to build');
  checks.validateStageNames(stages, lint);
  checks.validateCommandCasing(stages, lint);

  const targetName = opt.target || stages[stages.length - 1].name;
  let globalArgs = defaultArgs(po, buildArgs, targetName);
  const expandMeta = (w: string, env: EnvList, r?: LineRange) => lexFor(shlex, r).processWordWithMatches(w, env);
  // InvalidDefaultArgInFrom looks at base names as if no build arg were given
  // (without build args, that is the meta args themselves: evaluated once).
  let defaultsOnly;
  let metaOrError: ReturnType<typeof buildMetaArgs> | { error: unknown };
  try {
    metaOrError = buildMetaArgs(globalArgs, metaArgs, new Map(), expandMeta);
    defaultsOnly = metaOrError.args;
  } catch (error) {
    metaOrError = { error };
    defaultsOnly = undefined;
  }
  // A stage of another Dockerfile (labs) is no image name.
  const imageStages = isLabs(opt.channel) ? stages.filter((st) => !isFileReference(st.baseName)) : stages;
  checks.validateBaseImagesWithDefaultArgs(imageStages, (w, env) => shlex.processWordWithMatches(w, env), defaultsOnly, lint);
  if (buildArgs.size > 0) metaOrError = buildMetaArgs(globalArgs, metaArgs, buildArgs, expandMeta);
  else if ('error' in metaOrError) throw metaOrError.error;
  const meta = metaOrError;
  globalArgs = meta.args;

  // SOURCE_DATE_EPOCH: an integer, or the name of the build context, a
  // named context or a stage whose source's time is used (epoch.ts). The
  // resolved value replaces the arg as decimal seconds; no time removes it.
  let epoch: string | undefined;
  let epochSeconds: bigint | undefined;
  let epochNanos = 0n;
  const sde = buildArgs.get('SOURCE_DATE_EPOCH') ?? (globalArgs.get('SOURCE_DATE_EPOCH') || undefined);
  if (sde !== undefined) {
    let t: SourceTime | undefined;
    if (sde !== '') {
      let seconds: bigint | undefined;
      try {
        seconds = goParseInt64(sde);
      } catch {
        seconds = undefined;
      }
      // The build context's time is read from the context as its .dockerignore shapes it
      // (upstream's Client.MainContext reads the patterns; other sources do not).
      if (seconds === undefined && sde === 'context') opt = await settleExcludePatterns(opt);
      t =
        seconds !== undefined
          ? { seconds, nanos: 0, offsetSeconds: 0 }
          : await resolveSourceDateEpoch(sde, opt, stages, globalArgs, buildArgs, shlex, () => mainContextState(opt, undefined), namedContextEnv(opt, po));
    }
    if (t !== undefined) {
      epochSeconds = t.seconds;
      epochNanos = BigInt(t.nanos);
      epoch = formatSourceTime(t);
    }
    const v = epochSeconds === undefined ? '' : epochSeconds.toString();
    if (buildArgs.has('SOURCE_DATE_EPOCH')) {
      if (v === '') buildArgs.delete('SOURCE_DATE_EPOCH');
      else buildArgs.set('SOURCE_DATE_EPOCH', v);
    }
    if (globalArgs.has('SOURCE_DATE_EPOCH')) {
      globalArgs = v === '' ? globalArgs.delete('SOURCE_DATE_EPOCH') : globalArgs.set('SOURCE_DATE_EPOCH', v);
    }
  }

  const filename = opt.filename ?? 'Dockerfile';
  const sourceMap =
    opt.dockerfileDefinition !== undefined
      ? new llb.SourceMap(filename, 'Dockerfile', data, undefined, opt.dockerfileDefinition)
      : new llb.SourceMap(filename, 'Dockerfile', data, opt.dockerfileSource ?? dockerfileSource(filename, opt));
  const bc: BuildContext = {
    opt,
    po,
    globalArgs,
    buildArgs,
    epoch,
    epochSeconds,
    epochNanos,
    shlex,
    all: new DispatchStates(),
    proxyEnv: proxyEnvFromBuildArgs(buildArgs),
    caps: opt.llbCaps ?? allCaps(),
    sourceMap,
    lint,
    outline: new OutlineCapture(meta.allArgs),
    daemonWaits: 0,
    resolveCancelled: false,
  };

  registerStages(bc, stages);
  const target = resolveTarget(bc);
  buildDependencyGraph(bc);
  const reachable = await resolveStages(bc, target);
  const { ctxPaths, buildContext } = await dispatchWithPatterns(bc, reachable, target);
  return finalize(bc, target, ctxPaths, buildContext);
}

/**
 * Asks for the .dockerignore patterns where upstream does, before the stages
 * are dispatched, and dispatches them. Only the CopyIgnoredFile check needs
 * the patterns while dispatching (the build context's source is made once all
 * are dispatched): unless it may run, the stages are dispatched while the
 * patterns are being read, their findings held back until the read is done,
 * so what is reported is what upstream's order (read, then dispatch) gives:
 * when the read fails (or a pattern is invalid) its error is the
 * conversion's and the findings are dropped.
 */
async function dispatchWithPatterns(
  bc: BuildContext,
  reachable: Set<DispatchState>,
  target: DispatchState,
): Promise<ReturnType<typeof dispatchStages>> {
  const ask = bc.opt.dockerIgnorePatterns;
  if (ask === undefined || copyIgnoredFileMayRun(bc)) {
    bc.opt = await settleExcludePatterns(bc.opt);
    return dispatchStages(bc, reachable, target);
  }
  const { dockerIgnorePatterns: _asked, ...rest } = bc.opt;
  const pending = ask();
  const lint = bc.lint;
  const warn = bc.opt.lintWarn;
  const held: Parameters<LintWarnFunc>[] = [];
  if (warn !== undefined) bc.lint = lint.withWarn((...finding) => void held.push(finding));
  let dispatched: ReturnType<typeof dispatchStages> | undefined;
  let failure: { err: unknown } | undefined;
  try {
    dispatched = dispatchStages(bc, reachable, target);
  } catch (err) {
    failure = { err };
  } finally {
    bc.lint = lint;
  }
  const patterns = await pending;
  bc.opt = { ...rest, excludePatterns: patterns };
  // Upstream makes its matcher before dispatching: an invalid pattern fails first.
  if (patterns !== undefined && patterns.length > 0) ignoreMatcher(patterns);
  for (const finding of held) warn?.(...finding);
  if (failure !== undefined) throw failure.err;
  return dispatched!;
}

/** Whether CopyIgnoredFile may be reported while dispatching (enabled for the build or by a `# check=` comment). */
function copyIgnoredFileMayRun(bc: BuildContext): boolean {
  if (bc.lint.enabled(rules.CopyIgnoredFile)) return true;
  for (const d of bc.all.states) {
    for (const c of d.commands) {
      const comments = c.command.comments;
      if (comments !== undefined && comments.length > 0 && bc.lint.withCommentConfig(comments).enabled(rules.CopyIgnoredFile)) return true;
    }
  }
  return false;
}

/** The options with the .dockerignore patterns, asked for now, in excludePatterns. */
async function settleExcludePatterns(opt: ConvertOptions): Promise<ConvertOptions> {
  if (opt.dockerIgnorePatterns === undefined) return opt;
  const { dockerIgnorePatterns, ...rest } = opt;
  return { ...rest, excludePatterns: await dockerIgnorePatterns() };
}

/**
 * patternmatcher.New: an invalid pattern fails the build with upstream's
 * message and no location (a DockerfileError, as every error the user causes).
 */
function ignoreMatcher(patterns: readonly string[]): IgnoreMatcher {
  try {
    return new IgnoreMatcher(patterns);
  } catch (err) {
    throw err instanceof DockerfileError || !(err instanceof Error) ? err : new DockerfileError(err.message);
  }
}

function allCaps(): CapSet {
  return { supports: () => true };
}

/** The local source the Dockerfile itself is read from (recorded in the source map). */
function dockerfileSource(filename: string, opt: ConvertOptions): llb.State {
  const names = [filename, filename + '.dockerignore'];
  const slash = filename.lastIndexOf('/');
  const base = slash < 0 ? filename : filename.slice(slash + 1);
  if (base === 'Dockerfile') names.push((slash < 0 ? '' : filename.slice(0, slash + 1)) + 'dockerfile');
  return llb.local('dockerfile', {
    followPaths: names,
    sessionId: opt.sessionId,
    sharedKeyHint: 'dockerfile',
    customName: '[internal] load build definition from ' + filename,
    differ: { type: 'none', required: false },
  });
}

function registerStages(bc: BuildContext, stages: Stage[]): void {
  stages.forEach((st, i) => {
    const info = stageInfo(st);
    const lint = bc.lint.withCommentConfig(st.comments);
    const declared = checks.declaredFromArgs(bc.globalArgs, bc.outline.allArgs.keys());
    let nameMatch;
    try {
      nameMatch = lexFor(bc.shlex, st.location).processWordWithMatches(st.baseName, bc.globalArgs);
      checks.reportUnusedFromArgs(declared, nameMatch.unmatched, st.location, lint);
    } catch (err) {
      // Upstream reports the undeclared ARGs looked up before the failure, then fails.
      if (err instanceof ExpansionError) checks.reportUnusedFromArgs(declared, err.unmatched, st.location, lint);
      throw withLocation(err, st.location);
    }
    if (nameMatch.result === '') throw withLocation(new Error(`base name (${st.baseName}) should not be blank`), st.location);
    info.baseName = nameMatch.result;

    const ds = new DispatchState(info);
    ds.outline = bc.outline.clone();
    // The args FROM reads are used, unless a named context replaces the stage.
    const used = new Set(nameMatch.matched);
    ds.prefixPlatform = bc.opt.multiPlatformRequested ?? false;
    if (st.platform !== '') {
      let res;
      try {
        res = lexFor(bc.shlex, st.location).processWordWithMatches(st.platform, bc.globalArgs);
      } catch (err) {
        // Upstream names the (empty) result of the failed expansion, after reporting its undeclared ARGs.
        if (err instanceof ExpansionError) checks.reportUnusedFromArgs(declared, err.unmatched, st.location, lint);
        throw withLocation(wrapError(err, 'failed to process arguments for platform '), st.location);
      }
      checks.reportUnusedFromArgs(declared, res.unmatched, st.location, lint);
      checks.reportRedundantTargetPlatform(st.platform, res, st.location, bc.globalArgs, lint);
      checks.reportConstPlatformDisallowed(st.name, res, st.location, lint);
      if (res.result === '') {
        const msg = suggestAny(`empty platform value from expression ${st.platform}`, res.unmatched, bc.globalArgs.keys());
        throw withLocation(new Error(msg), st.location);
      }
      try {
        ds.platform = parsePlatform(res.result);
      } catch (err) {
        const msg = suggestAny((err as Error).message, res.unmatched, bc.globalArgs.keys());
        throw withLocation(withLocation(new Error(`failed to parse platform ${st.platform}: ${msg}`), st.location), st.location);
      }
      for (const k of res.matched) used.add(k);
    }
    if (st.name !== '') {
      // A named context called like the stage replaces it.
      const nc = findNamedContext(bc.opt, st.name, contextOpt(bc, ds, ds.platform));
      if (nc !== undefined) {
        ds.namedContext = nc;
        bc.all.add(ds);
        ds.base = undefined;
        return;
      }
    }
    if (st.name === '') ds.stageName = `stage-${i}`;
    bc.all.add(ds);
    for (const k of used) ds.outline.usedArgs.add(k);

    let total = 0;
    if (info.baseName !== EMPTY_IMAGE_NAME && ds.base === undefined) total = 1;
    for (const c of st.commands) if (handlerOf(c).step) total++;
    ds.cmdTotal = total;
    ds.ignoreCache = isNoCache(bc.opt.noCache, st.name);
  });
}

function contextOpt(bc: BuildContext, d: DispatchState, platform: Platform | undefined): ContextOpt {
  return { platform, resolveMode: bc.opt.imageResolveMode ?? 'default', asyncLocalPaths: () => d.paths };
}

function loadContext(bc: BuildContext, nc: NamedContext): ReturnType<typeof loadNamedContext> {
  const env = namedContextEnv(bc.opt, bc.po);
  const { resolver, hooks } = env;
  const wait = <T>(call: () => Promise<T>): Promise<T> => {
    bc.daemonWaits++;
    return call();
  };
  return loadNamedContext(nc, {
    ...env,
    resolver: resolver && { resolve: (ref, o) => wait(() => resolver.resolve(ref, o)) },
    hooks: hooks && {
      localIgnorePatterns: hooks.localIgnorePatterns && ((st) => wait(() => hooks.localIgnorePatterns!(st))),
      inputs: hooks.inputs && (() => wait(() => hooks.inputs!())),
    },
  });
}

function namedContextEnv(opt: ConvertOptions, po: PlatformOpt): LoadEnv {
  return {
    resolver: opt.imageResolver,
    sessionId: opt.sessionId,
    localSessionIds: opt.localSessionIds,
    inputMetadata: opt.inputMetadata,
    hooks: opt.contextHooks,
    buildPlatform: po.buildPlatforms[0],
    setContext: (key, value) => {
      if (opt.namedContexts !== undefined) opt.namedContexts[key] = value;
    },
  };
}

/** The main build context: the remote one, else the `context` local (upstream's MainContext). */
function mainContextState(opt: ConvertOptions, followPaths: string[] | undefined): llb.State {
  // A `local-sessionid:context` option names the session the context is in (dockerui's MainContext).
  const ids = opt.localSessionIds;
  return (
    opt.mainContext ??
    llb.local('context', {
      sessionId: ids !== undefined && Object.hasOwn(ids, 'context') ? ids.context : opt.sessionId,
      excludePatterns: opt.excludePatterns,
      sharedKeyHint: 'context',
      customName: '[internal] load build context',
      followPaths,
    })
  );
}

/** A zero DockerOCIImage: what a stage replaced by a context without a config has. */
function zeroImage(): Image {
  return { architecture: '', os: '', rootfs: { type: '', diff_ids: null }, config: {} };
}

function isNoCache(noCache: string[] | undefined, name: string): boolean {
  if (noCache === undefined) return false;
  if (noCache.length === 0) return true;
  return noCache.some((n) => goEqualFold(n, name));
}

function suggestAny(message: string, unmatched: Iterable<string>, options: string[]): string {
  for (const k of unmatched) {
    const m = withSuggestion(message, k, options, true);
    if (m !== message) return m;
  }
  return message;
}

function resolveTarget(bc: BuildContext): DispatchState {
  const t = bc.opt.target;
  if (!t) return bc.all.last();
  const ds = bc.all.findByName(t);
  if (ds === undefined) {
    throw new DockerfileError(withSuggestion(`target stage ${goQuote(t)} could not be found`, t, bc.all.names(), true));
  }
  return ds;
}

/** The stages a command reads from (upstream's toCommand and detectRunMount). */
function toCommand(bc: BuildContext, command: Command, stageArgs?: StageArgs): StageCommand {
  const sources = handlerOf(command).sources?.(command, stageLookup(bc, stageArgs, command.location)) ?? [];
  return { command, sources, isOnBuild: false };
}

/** How a command's sources are looked up; `location` is the command's (its file's escape character expands --from). */
function stageLookup(bc: BuildContext, stageArgs: StageArgs | undefined, location: LineRange | undefined): StageLookup {
  return {
    byName: (name) => bc.all.findByName(name),
    byIndex: (index) => bc.all.findByIndex(index),
    // A stage of another Dockerfile (labs) named by RUN --mount is found relative to the file the RUN is in.
    image: (name, at) => DispatchState.unregistered(name, at ?? (isLabs(bc.opt.channel) && isFileReference(name) ? location : undefined)),
    expands: (word) => lexFor(bc.shlex, location).processWordWithMatches(word, emptyEnv).result !== word,
    // Labs names the line of a --from word whose args cannot be expanded; what the word then names
    // (an index out of range, say) fails as a literal --from does, as upstream's labs build fails it.
    scoped:
      stageArgs === undefined
        ? undefined
        : (word, flag) => {
            if (!readsVariable(bc.shlex, location, word)) return undefined;
            try {
              return stageArgs.expand(word, flag);
            } catch (err) {
              throw location === undefined ? err : withLocation(err, location);
            }
          },
  };
}

/**
 * Whether a --from / from= word reads a variable (labs expands only such words).
 * `${S:?unset}` fails with no variables set: it reads one, which the stage's
 * ARGs may well set.
 */
function readsVariable(shlex: ShellLex, location: LineRange | undefined, word: string): boolean {
  try {
    const r = lexFor(shlex, location).processWordWithMatches(word, emptyEnv);
    return r.matched.size > 0 || r.unmatched.size > 0;
  } catch {
    return true;
  }
}

function linkSources(bc: BuildContext, d: DispatchState, cmd: StageCommand): void {
  for (const src of cmd.sources) {
    d.deps.set(src, cmd.command);
    if (src.unregistered) bc.all.add(src);
  }
}

function buildDependencyGraph(bc: BuildContext): void {
  const registered = [...bc.all.states];
  // Labs: each stage's args at its end, which a stage built on it starts with.
  const argsAtEnd = new Map<DispatchState, StageArgs>();
  for (const d of registered) {
    // Labs: --from words see the stage's ARGs declared above them, and its base stage's (stage-args.ts).
    let stageArgs: StageArgs | undefined;
    if (isLabs(bc.opt.channel)) {
      stageArgs = (d.base === undefined ? undefined : argsAtEnd.get(d.base)?.fork()) ?? new StageArgs(bc.globalArgs, bc.buildArgs, bc.shlex);
      argsAtEnd.set(d, stageArgs);
    }
    d.commands = d.stage.commands.map((c) => {
      const cmd = toCommand(bc, c, stageArgs);
      if (c.kind === 'arg') stageArgs?.declare(c);
      linkSources(bc, d, cmd);
      return cmd;
    });
  }
  validateCircularDependency(bc.all.states);
  if (bc.all.states.length === 1) bc.all.states[0].stageName = '';
}

/**
 * Upstream's validateCircularDependency: a depth-first walk of each stage's
 * sources; a source already on the walk's path is a cycle, reported with the
 * commands along the path. The walk keeps its own stack (chains of stages can
 * be deeper than the JavaScript stack) and the path's commands in one list.
 */
function validateCircularDependency(states: DispatchState[]): void {
  const visited = new Set<DispatchState>();
  const path = new Set<DispatchState>();
  for (const state of states) {
    if (visited.has(state)) continue;
    visited.add(state);
    path.add(state);
    const frames = [{ state, deps: state.deps.entries() }];
    /** The command each frame but the first was entered through. */
    const cmds: Command[] = [];
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!;
      const next = f.deps.next();
      if (next.done) {
        path.delete(f.state);
        frames.pop();
        cmds.pop();
        continue;
      }
      const [dep, c] = next.value;
      if (path.has(dep)) {
        let err = new DockerfileError(`circular dependency detected on stage: ${state.stageName}`);
        for (const cmd of [...cmds, c]) err = withLocation(err, cmd.location);
        throw err;
      }
      if (visited.has(dep)) continue;
      visited.add(dep);
      path.add(dep);
      cmds.push(c);
      frames.push({ state: dep, deps: dep.deps.entries() });
    }
  }
}

async function resolveStages(bc: BuildContext, target: DispatchState): Promise<Set<DispatchState>> {
  for (;;) {
    const reachable = await resolveReachableStages(bc, target);
    let newDeps = false;
    // Upstream walks a Go map of the reachable stages here and reports the
    // first trigger that fails. A map of up to 8 entries keeps them in one
    // group in the order they were put in, and a walk starts at a random one
    // of its 8 slots, so it meets them in that order in most runs (7 of 8 with
    // two stages): the order allReachableStages found them, the target first.
    // The stages are initialized in registration order (every base before the
    // stages built on it), and of the stages whose triggers fail, the one
    // first in that walk is reported.
    const failed = new Map<DispatchState, DockerfileError>();
    for (const d of bc.all.states.filter((s) => reachable.has(s))) {
      d.init();
      const triggers = [...(d.image.config.OnBuild ?? [])];
      if (d.base !== undefined && !d.onBuildInit) {
        for (const c of d.base.commands) if (c.command.kind === 'onbuild') triggers.push(c.command.expression);
        d.onBuildInit = true;
      }
      if (triggers.length > 0) {
        try {
          if (initOnBuildTriggers(bc, d, triggers)) newDeps = true;
        } catch (err) {
          const e = err instanceof DockerfileError ? err : new DockerfileError(err instanceof Error ? err.message : String(err));
          failed.set(d, d.stage.location ? new DockerfileError(e.message, [d.stage.location]) : e);
        }
        delete d.image.config.OnBuild;
      }
    }
    for (const d of reachable) {
      const e = failed.get(d);
      if (e !== undefined) throw e;
    }
    if (!newDeps) return reachable;
  }
}

function initOnBuildTriggers(bc: BuildContext, d: DispatchState, triggers: string[]): boolean {
  let hasNewDeps = false;
  const cmds: StageCommand[] = [];
  for (const trigger of triggers) {
    const ast = parse(trigger);
    if (ast.children.length !== 1) throw new Error('onbuild trigger should be a single expression');
    const node = ast.children[0];
    if (d.stage.location) {
      node.startLine = d.stage.location.start;
      node.endLine = d.stage.location.end;
      if (d.stage.location.file !== undefined) node.file = d.stage.location.file;
    }
    const ic = parseCommand(node, { escapeToken: ast.escapeToken, channel: bc.opt.channel, onbuildTrigger: true });
    const cmd = toCommand(bc, ic);
    cmd.isOnBuild = true;
    if (cmd.sources.length > 0) hasNewDeps = true;
    cmds.push(cmd);
    linkSources(bc, d, cmd);
  }
  d.commands = [...cmds, ...d.commands];
  d.cmdTotal += cmds.length;
  return hasNewDeps;
}

async function resolveReachableStages(bc: BuildContext, target: DispatchState): Promise<Set<DispatchState>> {
  const reachableSet = allReachableStages(target);
  // Upstream resolves every stage in its own goroutine and waits for all of
  // them (errgroup): a failing stage does not stop the others from resolving
  // and reporting their checks; the first error in time is returned. Which
  // one that is, is a race; this takes the one upstream gives in almost every
  // run. An error a goroutine meets before its first call to the daemon (a
  // stage name that is no reference, a named context of an unknown kind)
  // comes before any that waited on the daemon (an image not found), whatever
  // the stages' order. Among errors that waited on the daemon, the last
  // stage's: Go runs the goroutine started last first, and its call reaches
  // the daemon first (of 30 runs of upstream's frontend against a scripted
  // daemon, 30, 28 and 27 gave the last stage's error in cases of two and
  // three such stages), but where earlier stages failed with the same message
  // (one resolution they share) the first of those (16 to 18 of 20 runs). A
  // stage importing another file (labs; upstream has none) is this project's
  // own: the first such stage's error comes before all of these.
  //
  // Through the gateway (a resolver that calls the daemon), the goroutines'
  // order shows: the last stage to resolve starts first, then the others in
  // order, and their calls go out together (a cold build with three base
  // images waits for one registry round trip, not three). The first error met
  // before any daemon call cancels the context: the goroutines that have not
  // called the daemon yet stop, and answers to calls made are dropped, so
  // the stages after it are not resolved and report no checks (of 5 runs of
  // upstream's frontend, 5 reported the first of two bad stage names when
  // the last stage resolved). A failure in the daemon's answer cancels it
  // too: the stages still waiting are dropped, and the build fails then. A
  // resolver in process (a file, a registry) answers whatever happened, as
  // upstream's do: every stage is resolved, in order, and the last stage's
  // error that did not wait is taken.
  const states = [...bc.all.states];
  // Stages resolved already (or by their base stage), and stages FROM scratch, which resolve to nothing.
  const settled = (d: DispatchState): boolean => d.base !== undefined || d.dispatched || d.resolved;
  const scratch = (d: DispatchState): boolean => d.stage.baseName === EMPTY_IMAGE_NAME && d.namedContext === undefined;
  const toResolve = (d: DispatchState): boolean => !settled(d) && !scratch(d);
  const imports = (d: DispatchState): boolean => isLabs(bc.opt.channel) && isFileReference(d.stage.baseName);
  const gateway = bc.opt.imageResolver?.daemon === true;
  let first = -1;
  for (let i = states.length - 1; gateway && first < 0 && i >= 0; i--) if (toResolve(states[i]!)) first = i;
  const cancels = gateway && !states.some((d) => toResolve(d) && imports(d));
  const order = first < 0 ? states.map((_, i) => i) : [first, ...states.map((_, i) => i).filter((i) => i !== first)];
  let importError: unknown;
  let notWaited: { index: number; err: unknown } | undefined;
  const waited: { index: number; err: unknown }[] = [];
  // Stages waiting on the daemon: the next ones start meanwhile, as upstream's goroutines do, so
  // their calls go out together; a stage that calls nothing is settled before the next starts.
  // (Each one's outcome is taken at once: a rejection nobody awaits yet would end the process.)
  const pending: { index: number; d: DispatchState; run: Promise<{ err: unknown } | undefined> }[] = [];
  const located = (d: DispatchState, err: unknown): unknown => (d.stage.location ? withLocation(err, d.stage.location) : err);
  for (const index of order) {
    const d = states[index]!;
    const reachable = reachableSet.has(d) || bc.opt.allStages === true;
    if (settled(d)) continue;
    d.resolved = reachable;
    if (scratch(d)) {
      d.state = llb.scratch();
      d.image = emptyImage(bc.po.targetPlatform);
      d.platform = bc.po.targetPlatform;
      if (d.unregistered) d.dispatched = true;
      continue;
    }
    const waits = bc.daemonWaits;
    const run = resolveBaseImage(bc, d, reachable);
    if (gateway && bc.daemonWaits !== waits && !imports(d)) {
      pending.push({ index, d, run: run.then(() => undefined, (err: unknown) => ({ err })) });
      continue;
    }
    try {
      await run;
    } catch (err) {
      if (imports(d)) importError ??= located(d, err);
      else if (bc.daemonWaits === waits) {
        if (cancels) {
          bc.resolveCancelled = true;
          throw located(d, err);
        }
        if (notWaited === undefined || index > notWaited.index) notWaited = { index, err: located(d, err) };
      } else waited.push({ index, err: located(d, err) });
    } finally {
      if (d.unregistered) d.dispatched = true;
    }
  }
  // Upstream's errgroup: the first stage to fail on the daemon's answer cancels the context of the
  // others, whose calls then return at once, and the build fails then, not when their answers come
  // (a slow resolution beside a failing one held ours, and another platform could finish meanwhile).
  // Answers come in the same turn as the first failure (one resolution stages share, or a daemon
  // answering together) count with it; the ones still out are cancelled.
  const outcomes = new Map<number, { err: unknown } | undefined>();
  pending.forEach(({ run }, k) => void run.then((r) => outcomes.set(k, r)));
  const all = Promise.all(pending.map(({ run }) => run));
  if (cancels) {
    const firstFailure = new Promise<void>((resolve) => pending.forEach(({ run }) => void run.then((r) => r !== undefined && resolve())));
    await Promise.race([all, firstFailure]);
    await new Promise((resolve) => setImmediate(resolve));
  } else await all;
  pending.forEach(({ index, d }, k) => {
    if (!outcomes.has(k)) {
      bc.resolveCancelled = true;
      return;
    }
    const failed = outcomes.get(k);
    if (d.unregistered) d.dispatched = true;
    if (failed !== undefined) waited.push({ index, err: located(d, failed.err) });
  });
  if (importError !== undefined) throw importError;
  if (notWaited !== undefined) throw notWaited.err;
  if (waited.length > 0) {
    waited.sort((a, b) => a.index - b.index);
    const last = waited[waited.length - 1]!.err;
    const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));
    throw waited.find((e) => text(e.err) === text(last))!.err;
  }
  return reachableSet;
}

async function resolveBaseImage(bc: BuildContext, d: DispatchState, reachable: boolean): Promise<void> {
  const origName = d.stage.baseName;
  if (isLabs(bc.opt.channel) && isFileReference(origName)) {
    // A stage of another Dockerfile (labs): used as an image would be.
    const platform = d.platform ?? bc.po.targetPlatform;
    if (!reachable) {
      d.image ??= zeroImage();
      return;
    }
    const imported = await importStage(convertDockerfile, bc.opt, origName, platform, d.stage.location);
    const img = cloneImage(imported.image);
    d.baseImg = cloneImage(img);
    delete img.created;
    d.image = img;
    d.state = imported.state;
    d.platform = platform;
    d.imported = imported.target;
    // A RUN --no-cache in the other file: what is built on its stage here skips the cache too.
    d.noCacheAfter = imported.target.noCacheAfter;
    return;
  }
  let ref: reference.NamedReference;
  try {
    ref = reference.parseNormalizedNamed(origName);
  } catch (err) {
    throw new DockerfileError(`failed to parse stage name ${goQuote(origName)}: ${(err as Error).message}`);
  }
  let platform = d.platform ?? bc.po.targetPlatform;
  d.stage.baseName = reference.tagNameOnly(ref).toString();
  let isScratch = false;
  if (reachable) {
    if (d.namedContext !== undefined) {
      // The stage is replaced as a whole.
      const { state, image } = await loadContext(bc, d.namedContext);
      d.dispatched = true;
      d.state = state;
      if (image !== undefined) {
        delete image.created;
        d.image = image;
        if (image.architecture !== '' && image.os !== '') d.platform = imagePlatform(image);
      } else {
        d.image = zeroImage();
      }
      return;
    }
    const nc = findNamedContext(bc.opt, d.stage.baseName, contextOpt(bc, d, platform));
    if (nc !== undefined) {
      const loaded = await loadContext(bc, nc);
      const img = loaded.image ?? emptyImage(platform);
      d.baseImg = cloneImage(img);
      delete img.created;
      d.image = img;
      d.state = loaded.state.platform(platform);
      d.platform = platform;
      return;
    }
    const resolver = bc.opt.imageResolver;
    if (resolver === undefined) throw new Error(`${origName}: no image resolver to look up ${d.stage.baseName}`);
    let res;
    try {
      bc.daemonWaits++;
      res = await resolver.resolve(d.stage.baseName, { platform, resolveMode: bc.opt.imageResolveMode ?? 'default' });
    } catch (err) {
      if (bc.resolveCancelled) return;
      const names = [...bc.all.names(), ...COMMON_IMAGE_NAMES];
      throw new DockerfileError(withSuggestion(`${origName}: ${(err as Error).message}`, origName, names, true));
    }
    // Another stage failed meanwhile: upstream's call returned its cancelled context, and nothing more happened.
    if (bc.resolveCancelled) return;
    if (ref.toString() !== res.ref) {
      try {
        ref = reference.parseNormalizedNamed(res.ref);
      } catch (err) {
        throw new DockerfileError(`failed to parse ref ${goQuote(res.ref)}: ${(err as Error).message}`);
      }
    }
    const configText = goDecodeUTF8(res.config);
    let img: Image;
    try {
      img = readImage(configText);
    } catch (err) {
      throw new Error(`failed to parse image config: ${(err as Error).message}`);
    }
    d.baseImg = cloneImage(img);
    delete img.created;
    if (d.platform === undefined && bc.po.implicitTarget) {
      platform = autoDetectPlatform(img.os, img.architecture, platform, bc.po.buildPlatforms);
    }
    if (res.digest !== '') ref = reference.withDigest(ref, res.digest);
    d.stage.baseName = ref.toString();
    if (img.rootfs.diff_ids === null || img.rootfs.diff_ids.length === 0) {
      isScratch = (img.history ?? []).every((h) => h.empty_layer === true);
    }
    d.image = img;
  } else {
    // Not resolved: upstream keeps the zero image config (a stage reached only
    // later through an ONBUILD trigger reads it; a COPY --from image source
    // created meanwhile is marked dispatched and never resolved).
    d.image ??= zeroImage();
  }
  if (isScratch) {
    d.state = llb.scratch();
  } else {
    const name = prefixCommand(d, 'FROM ' + d.stage.baseName, bc.opt.multiPlatformRequested ?? false, platform, emptyEnv);
    d.state = llb.image(d.stage.baseName, {
      ...dfCmd(d.stage.sourceCode),
      platform,
      resolveMode: bc.opt.imageResolveMode,
      customName: name,
      sourceLocations: locationOf(bc.sourceMap, d.stage.location),
    });
  }
  if (reachable && !isScratch) {
    checks.validateBaseImagePlatform(origName, platform, imagePlatform(d.image), d.stage.location, bc.lint);
  }
  d.platform = platform;
}

function dispatchStages(
  bc: BuildContext,
  reachable: Set<DispatchState>,
  target: DispatchState,
): { ctxPaths: Set<string>; buildContext: DeferredOutput } {
  const buildContext = new DeferredOutput();
  const buildContextState = buildContext.state();
  const ctxPaths = new Set<string>();
  const patterns = bc.opt.excludePatterns ?? [];
  const dockerIgnore = patterns.length > 0 ? ignoreMatcher(patterns) : undefined;
  for (const d of bc.all.states) {
    if (!bc.opt.allStages && (!reachable.has(d) || d.dispatched)) continue;
    d.init();
    d.dispatched = true;
    // Upstream points a stage without a platform (one replaced by a context that has
    // no image config, and the stages built on it) at its dispatchState.opt's target
    // platform, which is still the zero value here (it is set after the commands):
    // an empty platform, whose OS is not windows.
    d.platform ??= { os: '', architecture: '' };
    const env = d.image.config.Env ?? [];
    if (!env.some((e) => splitKeyValue(e)[0] === 'PATH') && d.platform.os !== 'windows') {
      d.image.config.Env = [...env, 'PATH=' + DEFAULT_PATH_UNIX];
    }
    d.state = d.state.addEnvs((d.image.config.Env ?? []).map(splitKeyValue));
    const hostname = bc.buildArgs.get('BUILDKIT_SANDBOX_HOSTNAME') || bc.opt.hostname;
    if (hostname) d.state = d.state.hostname(hostname);

    const dctx: DispatchContext = {
      all: bc.all,
      globalArgs: bc.globalArgs,
      buildArgValues: bc.buildArgs,
      shlex: bc.shlex,
      buildContext: buildContextState,
      proxyEnv: bc.proxyEnv,
      channel: bc.opt.channel ?? 'stable',
      cacheIdNamespace: bc.opt.cacheIdNamespace ?? bc.buildArgs.get('BUILDKIT_CACHE_MOUNT_NS') ?? '',
      targetPlatform: bc.po.targetPlatform,
      extraHosts: bc.opt.extraHosts ?? [],
      shmSize: bc.opt.shmSize ?? 0,
      cgroupParent: bc.opt.cgroupParent ?? '',
      ulimits: bc.opt.ulimits ?? [],
      linuxResources: bc.opt.linuxResources,
      caps: bc.caps,
      sourceMap: bc.sourceMap,
      epoch: bc.epoch,
      epochUnixNano: bc.epochSeconds === undefined ? undefined : bc.epochSeconds * 1000000000n + bc.epochNanos,
      lint: bc.lint,
      dockerIgnore,
    };
    if (d.image.config.WorkingDir) {
      try {
        dispatchWorkdir(d, d.image.config.WorkingDir, undefined, undefined, false, dctx);
      } catch (err) {
        throw withLocation(err, d.stage.location ?? { start: 0, end: 0 });
      }
    }
    if (d.image.config.User) dispatchUser(d, d.image.config.User, false, dctx);
    d.state = d.state.network(bc.opt.networkMode ?? 'sandbox');

    for (const cmd of d.commands) {
      try {
        dispatchCommand(d, cmd, dctx);
      } catch (err) {
        throw withLocation(err, cmd.command.location);
      }
    }
    releaseEnvIndex(d.image);
    for (const p of d.ctxPaths) ctxPaths.add(p);
    // A stage-level ARG overrides the global value (upstream checks both in this order).
    for (const name of [SBOM_SCAN_CONTEXT, SBOM_SCAN_STAGE]) {
      let enabled = false;
      const g = bc.globalArgs.get(name);
      if (g !== undefined) enabled = isEnabledForStage(d.stageName, g);
      for (const a of d.buildArgs) {
        if (a.key === name && a.value !== undefined) enabled = isEnabledForStage(d.stageName, a.value);
      }
      if (enabled && name === SBOM_SCAN_CONTEXT) d.scanContext = true;
      else if (enabled) d.scanStage = true;
    }
  }
  target.paths.add('/');
  return { ctxPaths, buildContext };
}

function finalize(bc: BuildContext, target: DispatchState, ctxPaths: Set<string>, buildContext: DeferredOutput): ConvertResult {
  const labels = bc.opt.labels ?? {};
  if (Object.keys(labels).length > 0) {
    target.image.config.Labels = { ...(target.image.config.Labels ?? {}), ...labels };
  }
  // `error=true`: findings fail the build once every stage has been dispatched.
  const lintError = bc.lint.error();
  if (lintError !== undefined) throw lintError;
  const follow = normalizeContextPaths(ctxPaths);
  buildContext.resolve(mainContextState(bc.opt, follow));

  const tp = bc.po.targetPlatform;
  const state = target.state.setMarshalDefaults({ platform: tp, caps: bc.caps });
  const img = target.image;
  // The result is the caller's to change: no map shared with another stage or parseImage's cache.
  ownImage(img);
  if (target.baseImg !== undefined) ownImage(target.baseImg);
  if (!bc.po.implicitTarget) {
    const sameOsArch = tp.os === img.os && tp.architecture === img.architecture;
    img.os = tp.os;
    img.architecture = tp.architecture;
    if (tp.variant || !sameOsArch) {
      if (tp.variant) img.variant = tp.variant;
      else delete img.variant;
    }
    if (tp.osVersion || !sameOsArch) {
      if (tp.osVersion) img['os.version'] = tp.osVersion;
      else delete img['os.version'];
    }
    if (tp.osFeatures) img['os.features'] = [...tp.osFeatures];
  }
  const n = normalizePlatform({
    os: img.os,
    architecture: img.architecture,
    variant: img.variant,
    osVersion: img['os.version'],
    osFeatures: img['os.features'],
  });
  // containerd's Normalize turns an empty OS into the frontend's own (runtime.GOOS): a
  // target whose base was a stage replaced by a local context (zero config) gets one.
  img.os = n.os;
  img.architecture = n.architecture;
  if (n.variant) img.variant = n.variant;
  else delete img.variant;
  if (n.osFeatures) img['os.features'] = n.osFeatures;
  const extras = new Map<string, llb.State>();
  if (target.scanContext) extras.set('context', buildContext.state());
  let isIgnoreCache = target.ignoreCache;
  for (const d of allReachableStages(target)) {
    if (d !== target && d.scanStage) {
      extras.set(d.stageName, d.state);
      if (d.ignoreCache) isIgnoreCache = true;
    }
  }
  return {
    state,
    image: img,
    baseImage: target.baseImg,
    platform: target.platform ?? tp,
    sbom: { core: state, extras },
    isIgnoreCache,
    epochSeconds: bc.epochSeconds,
    target,
  };
}

export { formatPlatformAll, type Image, type Platform };
