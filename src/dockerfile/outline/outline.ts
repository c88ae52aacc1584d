// The build parameters a target uses (upstream's dockerfile2llb outline.go
// and the parts of its dispatch that feed it): which build args the target
// and the stages it depends on read, with their values and doc comments,
// and which secrets and SSH sockets their RUN mounts ask for.
//
// Upstream's outline runs its whole conversion, so the Dockerfile is first
// converted here too (convertDockerfile): every error the conversion raises
// (circular dependencies, build checks with `check=error=true`, bad named
// contexts, ...) is the outline's error, and build-check findings go to the
// caller's lintWarn. The outline itself is then evaluated from what decides
// it: stage bases and platforms (named contexts replace them), ONBUILD
// triggers of base images and base stages, ARG and ENV (the environment ARG
// defaults are expanded in), SOURCE_DATE_EPOCH normalised as upstream does,
// COPY --from and RUN --mount dependencies, and secret/ssh mounts.

import type { Platform } from '../../platform/platform.ts';
import type { ImageResolver } from '../../registry/resolver.ts';
import * as reference from '../../registry/reference.ts';
import type { Outline, OutlineArg, OutlineSecret } from '../../subrequests/outline.ts';
import { linesLocation } from '../../subrequests/types.ts';
import { convertDockerfile, DEFAULT_PLATFORM, parsePlatform, type ConvertOptions } from '../convert/index.ts';
import { findNamedContext, loadNamedContext, type NamedContext } from '../convert/named-context.ts';
import { automaticArgs } from '../convert/args.ts';
import { DockerfileError, withLocation, type LineRange } from '../errors.ts';
import { expandCommand, parseCommand, parseStages, withSuggestion, type ArgCommand, type Command, type Stage } from '../instructions/index.ts';
import { parse } from '../parser/index.ts';
import { ShellLex, type EnvGetter, type EscapeToken } from '../shell/index.ts';

export interface OutlineOptions {
  /** The stage to outline; the last stage when empty. */
  target?: string;
  /** Build args (`build-arg:` frontend opts). */
  buildArgs?: Record<string, string>;
  /** Target platform (default linux/amd64). */
  targetPlatform?: Platform;
  /** Build platform (default linux/amd64). */
  buildPlatform?: Platform;
  /**
   * Resolves base images, whose ENV is the environment stage ARG defaults
   * are expanded in. Without it a stage on an image starts with only PATH.
   */
  imageResolver?: ImageResolver;
  /**
   * The options a build converts with (named contexts, lintWarn, check
   * configuration, ...). target, buildArgs, imageResolver and the build
   * platform above take precedence; the target platform is left implicit as
   * in upstream's subrequests. Findings are sent to its lintWarn.
   */
  convertOptions?: ConvertOptions;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** ARGs upstream keeps out of the environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** A variable environment: insertion-ordered, replace keeps the key's place. */
class Env implements EnvGetter {
  readonly vars: Map<string, string>;
  constructor(vars?: Map<string, string>) {
    this.vars = new Map(vars);
  }
  get(key: string): string | undefined {
    return this.vars.get(key);
  }
  keys(): string[] {
    return [...this.vars.keys()];
  }
  set(key: string, value: string): void {
    this.vars.set(key, value);
  }
  delete(key: string): void {
    this.vars.delete(key);
  }
  clone(): Env {
    return new Env(this.vars);
  }
}

interface ArgInfo {
  key: string;
  docComment: string;
  /** Empty when the ARG has no value. */
  value: string;
  deps: Set<string>;
  location: LineRange;
}

interface MountInfo {
  required: boolean;
  location: LineRange;
}

/** What a stage contributes to the outline (upstream's outlineCapture). */
class Capture {
  constructor(
    readonly allArgs = new Map<string, ArgInfo>(),
    readonly usedArgs = new Set<string>(),
    readonly secrets = new Map<string, MountInfo>(),
    readonly ssh = new Map<string, MountInfo>(),
  ) {}

  clone(): Capture {
    return new Capture(new Map(this.allArgs), new Set(this.usedArgs), new Map(this.secrets), new Map(this.ssh));
  }

  /** Adds the meta ARGs the used ones were computed from. */
  markAllUsed(keys: Iterable<string>, visited: Set<string>): void {
    for (const k of [...keys]) {
      if (visited.has(k)) continue;
      visited.add(k);
      const a = this.allArgs.get(k);
      if (a !== undefined) this.markAllUsed(a.deps, visited);
      this.usedArgs.add(k);
    }
  }
}

class StageState {
  base: StageState | undefined;
  /** Stages this one copies or mounts from, in order of first use. */
  readonly deps: StageState[] = [];
  capture: Capture;
  platform: Platform | undefined;
  env = new Env();
  dispatched = false;
  /** The stage's commands, with ONBUILD triggers it runs put first. */
  commands: Command[];
  /** The named context replacing this stage (its commands are not run). */
  namedContext: NamedContext | undefined;
  /** The base image's (or context's) ENV and ONBUILD, once resolved. */
  image: { env: string[]; onBuild: string[] } | undefined;
  onBuildInit = false;

  constructor(
    readonly stage: Stage,
    /** The expanded base name. */
    readonly baseName: string,
    capture: Capture,
  ) {
    this.capture = capture;
    this.commands = [...stage.commands];
  }

  args(visited: Set<string>): OutlineArg[] {
    const c = this.capture;
    c.markAllUsed(c.usedArgs, new Set());
    const out: OutlineArg[] = [];
    for (const k of c.usedArgs) {
      const a = c.allArgs.get(k);
      if (a === undefined || visited.has(k)) continue;
      out.push({ name: a.key, description: a.docComment, value: a.value, location: linesLocation([a.location]) });
      visited.add(k);
    }
    if (this.base !== undefined) out.push(...this.base.args(visited));
    for (const d of this.deps) out.push(...d.args(visited));
    return out;
  }

  mounts(kind: 'secrets' | 'ssh', visited: Set<string>): OutlineSecret[] {
    const out: OutlineSecret[] = [];
    for (const [k, v] of this.capture[kind]) {
      if (visited.has(k)) continue;
      out.push({ name: k, required: v.required, location: linesLocation([v.location]) });
      visited.add(k);
    }
    if (this.base !== undefined) out.push(...this.base.mounts(kind, visited));
    for (const d of this.deps) out.push(...d.mounts(kind, visited));
    return out;
  }
}

const byLine = <T extends { location?: { ranges: { start: { line: number } }[] } }>(a: T, b: T): number =>
  (a.location?.ranges[0]?.start.line ?? 0) - (b.location?.ranges[0]?.start.line ?? 0);

/** Go's path.Base. */
function pathBase(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** The outline of the target (upstream's Dockerfile2Outline). Throws DockerfileError for bad input. */
export async function computeOutline(dockerfile: Uint8Array, opts: OutlineOptions = {}): Promise<Outline> {
  if (dockerfile.length === 0) throw new DockerfileError('the Dockerfile cannot be empty');
  const targetPlatform = opts.targetPlatform ?? DEFAULT_PLATFORM;
  const buildPlatform = opts.buildPlatform ?? DEFAULT_PLATFORM;
  const copt: ConvertOptions = {
    ...opts.convertOptions,
    target: opts.target ?? opts.convertOptions?.target,
    buildArgs: { ...(opts.buildArgs ?? opts.convertOptions?.buildArgs) },
    buildPlatforms: [buildPlatform],
    imageResolver: opts.imageResolver ?? opts.convertOptions?.imageResolver,
    // Upstream's builder always passes a Warn, so build checks always run.
    lintWarn: opts.convertOptions?.lintWarn ?? ((): void => {}),
  };
  const ast = parse(dockerfile);
  const { stages, metaArgs } = parseStages(ast);
  if (stages.length === 0) throw new DockerfileError('dockerfile contains no stages to build');

  const buildArgs = new Map<string, string>();
  for (const [k, v] of Object.entries(copt.buildArgs ?? {})) buildArgs.set(k, v);
  const shlex = new ShellLex(ast.escapeToken as EscapeToken);

  const targetName = opts.target !== undefined && opts.target !== '' ? opts.target : stages[stages.length - 1].name;
  let globalArgs = defaultArgs(buildPlatform, targetPlatform, buildArgs, targetName);
  const metaCapture = new Capture();
  buildMetaArgs(globalArgs, metaCapture.allArgs, shlex, metaArgs, buildArgs);
  globalArgs = sourceDateEpoch(globalArgs, buildArgs, stages, copt);

  // Upstream's outline is its conversion: whatever fails there fails here.
  await convertDockerfile(dockerfile, copt);

  // Stages, their bases and the args FROM reads (upstream's buildDispatchStates).
  const states: StageState[] = [];
  const byName = new Map<string, StageState>();
  for (const st of stages) {
    let name;
    try {
      name = shlex.processWordWithMatches(st.baseName, globalArgs);
    } catch (err) {
      throw withLocation(err, st.location);
    }
    if (name.result === '') throw new DockerfileError(`base name (${st.baseName}) should not be blank`, [st.location]);
    const used = new Set(name.matched);
    const ds = new StageState(st, name.result, metaCapture.clone());
    if (st.platform !== '') {
      const p = shlex.processWordWithMatches(st.platform, globalArgs);
      if (p.result === '') throw new DockerfileError(`empty platform value from expression ${st.platform}`, [st.location]);
      try {
        ds.platform = parsePlatform(p.result);
      } catch (err) {
        throw new DockerfileError(`failed to parse platform ${st.platform}: ${(err as Error).message}`, [st.location]);
      }
      for (const k of p.matched) used.add(k);
    }
    if (st.name !== '') {
      ds.namedContext = findNamedContext(copt, st.name, contextOpt(copt, ds.platform));
      if (ds.namedContext !== undefined) {
        // Replaced by the context: no base, and what FROM read is not used.
        states.push(ds);
        byName.set(st.name.toLowerCase(), ds);
        continue;
      }
    }
    const base = byName.get(ds.baseName);
    if (base !== undefined) {
      ds.base = base;
      ds.capture = base.capture.clone();
    }
    states.push(ds);
    if (st.name !== '') byName.set(st.name.toLowerCase(), ds);
    for (const k of used) ds.capture.usedArgs.add(k);
  }

  let target = states[states.length - 1];
  if (opts.target !== undefined && opts.target !== '') {
    const t = byName.get(opts.target.toLowerCase());
    if (t === undefined) {
      const names = states.map((s) => s.stage.name).filter((n) => n !== '');
      throw new DockerfileError(withSuggestion(`target stage "${opts.target}" could not be found`, opts.target, names, true));
    }
    target = t;
  }

  // Dependencies through COPY --from and RUN --mount from=.
  for (const ds of states) {
    for (const cmd of ds.commands) addSources(ds, cmd, states, byName, shlex);
  }

  // Base images are resolved and ONBUILD triggers taken in until no trigger adds a dependency (upstream's resolveStages).
  let reachable: Set<StageState>;
  for (;;) {
    reachable = reachableFrom(target);
    let newDeps = false;
    for (const ds of states) {
      if (!reachable.has(ds)) continue;
      if (ds.base === undefined && ds.image === undefined) ds.image = await resolveImage(ds, targetPlatform, buildPlatform, copt);
      if (ds.onBuildInit) continue;
      ds.onBuildInit = true;
      const triggers = ds.base === undefined ? [...(ds.image?.onBuild ?? [])] : [];
      if (ds.base !== undefined) {
        for (const c of ds.base.stage.commands) if (c.kind === 'onbuild') triggers.push(c.expression);
      }
      if (triggers.length === 0) continue;
      const cmds: Command[] = [];
      for (const trigger of triggers) {
        const tast = parse(trigger);
        const node = tast.children[0];
        node.startLine = ds.stage.location.start;
        node.endLine = ds.stage.location.end;
        const cmd = parseCommand(node, { escapeToken: tast.escapeToken });
        cmds.push(cmd);
        if (addSources(ds, cmd, states, byName, shlex)) newDeps = true;
      }
      ds.commands = [...cmds, ...ds.commands];
    }
    if (!newDeps) break;
  }

  for (const ds of states) {
    if (!reachable.has(ds)) continue;
    initEnv(ds, targetPlatform);
    // A stage replaced by a named context only lends its context's environment.
    if (ds.namedContext !== undefined) continue;
    for (const cmd of ds.commands) dispatch(ds, cmd, shlex, globalArgs, buildArgs);
    ds.dispatched = true;
  }

  const args = target.args(new Set()).sort(byLine);
  const secrets = target.mounts('secrets', new Set()).sort(byLine);
  const ssh = target.mounts('ssh', new Set()).sort(byLine);
  return {
    name: target.stage.name,
    description: target.stage.docComment,
    args,
    secrets,
    ssh,
    cache: [],
    sources: [dockerfile],
  };
}

function reachableFrom(target: StageState): Set<StageState> {
  const reachable = new Set<StageState>();
  const visit = (s: StageState): void => {
    if (reachable.has(s)) return;
    reachable.add(s);
    if (s.base !== undefined) visit(s.base);
    for (const d of s.deps) visit(d);
  };
  visit(target);
  return reachable;
}

/** Records the stages `cmd` reads from as dependencies of `ds`; true when it reads from any source. */
function addSources(ds: StageState, cmd: Command, states: StageState[], byName: Map<string, StageState>, shlex: ShellLex): boolean {
  const { stages, any } = commandSources(cmd, states, byName, shlex);
  for (const src of stages) if (!ds.deps.includes(src)) ds.deps.push(src);
  return any;
}

function contextOpt(copt: ConvertOptions, platform: Platform | undefined) {
  return { platform, resolveMode: copt.imageResolveMode ?? 'default', asyncLocalPaths: (): string[] => [] };
}

/**
 * SOURCE_DATE_EPOCH as upstream resolves it before the stages: an integer is
 * normalised (`0100` becomes `100`) in the build args and the global args;
 * an empty value removes it from both; a name that is neither `context`, a
 * named context nor a stage is an error. Epochs read from the context, a
 * named context or a stage are not evaluated here: the value is left as given.
 */
function sourceDateEpoch(globalArgs: Env, buildArgs: Map<string, string>, stages: Stage[], copt: ConvertOptions): Env {
  const key = 'SOURCE_DATE_EPOCH';
  const v = buildArgs.has(key) ? buildArgs.get(key) : globalArgs.get(key) || undefined;
  if (v === undefined) return globalArgs;
  let out: string;
  if (/^[+-]?\d+$/.test(v) && BigInt(v) >= -(2n ** 63n) && BigInt(v) < 2n ** 63n) {
    out = BigInt(v).toString();
  } else if (v === '') {
    out = '';
  } else if (
    v === 'context' ||
    stages.some((s) => s.name.toLowerCase() === v.toLowerCase()) ||
    safeFindContext(copt, v) !== undefined
  ) {
    return globalArgs;
  } else {
    throw new DockerfileError(`invalid SOURCE_DATE_EPOCH: ${v}`);
  }
  if (buildArgs.has(key)) {
    if (out === '') buildArgs.delete(key);
    else buildArgs.set(key, out);
  }
  if (globalArgs.get(key) !== undefined) {
    if (out === '') globalArgs.delete(key);
    else globalArgs.set(key, out);
  }
  return globalArgs;
}

function safeFindContext(copt: ConvertOptions, name: string): NamedContext | undefined {
  try {
    return findNamedContext(copt, name, contextOpt(copt, undefined));
  } catch {
    return undefined;
  }
}

/** The ENV and ONBUILD of a stage's base: its named context, its image, or scratch. */
async function resolveImage(
  ds: StageState,
  targetPlatform: Platform,
  buildPlatform: Platform,
  copt: ConvertOptions,
): Promise<{ env: string[]; onBuild: string[] }> {
  const platform = ds.platform ?? targetPlatform;
  const fromConfig = (config: { Env?: string[] | null; OnBuild?: string[] | null } | undefined) => ({
    env: config?.Env ?? [],
    onBuild: config?.OnBuild ?? [],
  });
  const env = {
    resolver: copt.imageResolver,
    sessionId: copt.sessionId,
    localSessionIds: copt.localSessionIds,
    inputMetadata: copt.inputMetadata,
    hooks: copt.contextHooks,
    buildPlatform,
  };
  if (ds.namedContext !== undefined) {
    const loaded = await loadNamedContext(ds.namedContext, env);
    const img = loaded.image;
    if (img !== undefined && img.architecture !== '' && img.os !== '') {
      ds.platform = { os: img.os, architecture: img.architecture, variant: img.variant, osVersion: img['os.version'] };
    }
    return fromConfig(loaded.image?.config);
  }
  if (ds.baseName === 'scratch') return { env: [], onBuild: [] };
  let ref;
  try {
    ref = reference.tagNameOnly(reference.parseNormalizedNamed(ds.baseName)).toString();
  } catch (err) {
    throw new DockerfileError(`failed to parse stage name "${ds.baseName}": ${(err as Error).message}`, [ds.stage.location]);
  }
  const nc = findNamedContext(copt, ref, contextOpt(copt, platform));
  if (nc !== undefined) {
    const loaded = await loadNamedContext(nc, env);
    ds.platform = platform;
    return fromConfig(loaded.image?.config);
  }
  if (copt.imageResolver === undefined) return { env: [], onBuild: [] };
  const res = await copt.imageResolver.resolve(ref, { platform, resolveMode: copt.imageResolveMode });
  const config = JSON.parse(new TextDecoder().decode(res.config)) as { config?: { Env?: string[] | null; OnBuild?: string[] | null } };
  return fromConfig(config.config);
}

function defaultArgs(bp: Platform, tp: Platform, overrides: Map<string, string>, target: string): Env {
  const env = new Env();
  const pairs = automaticArgs(bp, tp, target);
  for (const [k, v] of pairs) env.set(k, overrides.get(k) ?? v);
  return env;
}

/** Meta ARGs in order; build args win; records which args each default read. */
function buildMetaArgs(env: Env, allArgs: Map<string, ArgInfo>, shlex: ShellLex, cmds: ArgCommand[], buildArgs: Map<string, string>): void {
  for (const cmd of cmds) {
    for (const kp of cmd.args) {
      const info: ArgInfo = { key: kp.key, docComment: kp.docComment, value: '', deps: new Set(), location: cmd.location };
      let value = kp.value;
      const given = buildArgs.get(kp.key);
      if (given !== undefined) {
        value = given;
      } else if (value !== undefined) {
        let res;
        try {
          res = shlex.processWordWithMatches(value, env);
        } catch (err) {
          throw withLocation(err, cmd.location);
        }
        value = res.result;
        info.deps = new Set(res.matched);
        if (info.deps.has(kp.key)) {
          // `ARG A=$A-x`: depends on what the earlier A depended on.
          info.deps.delete(kp.key);
          for (const k of allArgs.get(kp.key)?.deps ?? []) info.deps.add(k);
        }
      }
      if (value !== undefined) {
        env.set(kp.key, value);
        info.value = value;
      }
      allArgs.set(kp.key, info);
    }
  }
}

/** The stages a command reads from (upstream's toCommand / detectRunMount), and whether it reads from any source (images too). */
function commandSources(
  cmd: Command,
  states: StageState[],
  byName: Map<string, StageState>,
  shlex: ShellLex,
): { stages: StageState[]; any: boolean } {
  if (cmd.kind === 'copy' && cmd.from !== '') {
    const res = shlex.processWordWithMatches(cmd.from, new Env());
    if (res.result !== cmd.from) {
      throw new DockerfileError(
        'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
      );
    }
    if (/^[+-]?\d+$/.test(cmd.from)) {
      const i = Number(cmd.from);
      if (i < 0 || i >= states.length) throw new DockerfileError(`invalid stage index ${i}`);
      return { stages: [states[i]], any: true };
    }
    const s = byName.get(cmd.from.toLowerCase());
    return { stages: s === undefined ? [] : [s], any: true };
  }
  if (cmd.kind === 'run') {
    const out: StageState[] = [];
    let any = false;
    for (const m of cmd.mounts) {
      // Upstream counts every mount as a source (no from is scratch).
      any = true;
      const s = byName.get((m.from === '' ? 'scratch' : m.from).toLowerCase());
      if (s !== undefined) out.push(s);
    }
    return { stages: out, any };
  }
  return { stages: [], any: false };
}

/** The environment a stage starts with: its base stage's, or its image's ENV (plus PATH). */
function initEnv(ds: StageState, targetPlatform: Platform): void {
  if (ds.base !== undefined) {
    ds.env = ds.base.env.clone();
    ds.platform = ds.base.platform;
    return;
  }
  const platform = ds.platform ?? targetPlatform;
  const imageEnv = [...(ds.image?.env ?? [])];
  if (platform.os !== 'windows' && !imageEnv.some((e) => e.split('=')[0] === 'PATH')) imageEnv.push(`PATH=${DEFAULT_PATH}`);
  for (const kv of imageEnv) {
    const i = kv.indexOf('=');
    ds.env.set(i < 0 ? kv : kv.slice(0, i), i < 0 ? '' : kv.slice(i + 1));
  }
}

/** The effect of one command on the outline and the environment. */
function dispatch(ds: StageState, cmd: Command, shlex: ShellLex, globalArgs: Env, buildArgs: Map<string, string>): void {
  const expand = (word: string): string => shlex.processWord(word, ds.env);
  try {
    switch (cmd.kind) {
      case 'env': {
        const c = expandCommand(cmd, expand);
        for (const kv of c.env) ds.env.set(kv.key, kv.value);
        return;
      }
      case 'arg':
        for (const arg of cmd.args) dispatchArg(ds, cmd, arg, shlex, globalArgs, buildArgs);
        return;
      case 'run': {
        const c = expandCommand(cmd, expand);
        for (const m of c.mounts) {
          if (m.type === 'secret') {
            let id = m.source !== '' ? m.source : m.cacheId;
            if (id === '') {
              if (m.target === '') throw new Error('one of source, target required');
              id = pathBase(m.target);
            }
            if (!ds.capture.secrets.has(id)) ds.capture.secrets.set(id, { required: m.required, location: cmd.location });
          } else if (m.type === 'ssh') {
            if (m.source !== '') throw new Error('ssh does not support source');
            const id = m.cacheId === '' ? 'default' : m.cacheId;
            if (!ds.capture.ssh.has(id)) ds.capture.ssh.set(id, { required: m.required, location: cmd.location });
          }
        }
        return;
      }
      default:
        return;
    }
  } catch (err) {
    throw withLocation(err, cmd.location);
  }
}

function dispatchArg(
  ds: StageState,
  cmd: ArgCommand,
  arg: ArgCommand['args'][number],
  shlex: ShellLex,
  globalArgs: Env,
  buildArgs: Map<string, string>,
): void {
  let value = arg.value;
  const given = buildArgs.get(arg.key);
  let skipArgInfo = false;
  if (value === undefined && given === undefined) {
    const g = globalArgs.get(arg.key);
    if (g !== undefined) {
      value = g;
      skipArgInfo = true;
    }
  }
  if (given !== undefined) value = given;
  else if (arg.value !== undefined) value = shlex.processWord(arg.value, ds.env);
  const info: ArgInfo = { key: arg.key, docComment: arg.docComment, value: '', deps: new Set(), location: cmd.location };
  if (value !== undefined) {
    if (!NON_ENV_ARGS.has(arg.key)) ds.env.set(arg.key, value);
    info.value = value;
  }
  if (!skipArgInfo) ds.capture.allArgs.set(arg.key, info);
  ds.capture.usedArgs.add(arg.key);
}
