// SOURCE_DATE_EPOCH given as the name of a source instead of an integer
// (upstream's dockerfile2llb/epoch.go): `context` (the main build context),
// a named context, or a stage that is `FROM scratch` with only ARGs and one
// remote ADD. The epoch is then the time of that source: a git commit's
// committer time, an HTTP Last-Modified header, or the newest regular file of
// an HTTP tar archive. The converter finds the source; reading its time needs
// the gateway (ConvertOptions.resolveSourceTime).

import { parseDigest } from '../../registry/digest.ts';
import { basePath } from '../../go/path.ts';
import { goQuote } from '../../go/strconv.ts';
import { goURLPath } from '../../go/url.ts';
import * as llb from '../../llb/index.ts';
import { DockerfileError, withLocation } from '../errors.ts';
import type { Stage } from '../instructions/index.ts';
import type { ShellLex } from '../shell/index.ts';
import type { EnvList } from '../../llb/env.ts';
import { parseGitRef, isHTTPSource } from './gitref.ts';
import { YEAR_OUT_OF_RANGE, ZONE_OUT_OF_RANGE } from './image.ts';
import { findNamedContext, loadNamedContext, type LoadEnv } from './named-context.ts';
import type { ConvertOptions, SourceRef, SourceTime } from './types.ts';
import { EMPTY_IMAGE_NAME } from './util.ts';
import { goEqualFold } from '../../go/strings.ts';


/** The source whose time SOURCE_DATE_EPOCH names, and the progress name of the metadata lookup. */
interface EpochSource {
  state: llb.State;
  logName: string;
}

/**
 * Resolves a non-integer SOURCE_DATE_EPOCH `v` (upstream's
 * resolveSourceDateEpochState + resolveSourceDateEpochFromState). Returns
 * undefined when the source has no time (a local context, an image, a
 * source made of several ops).
 */
export async function resolveSourceDateEpoch(
  v: string,
  opt: ConvertOptions,
  stages: Stage[],
  globalArgs: EnvList,
  buildArgs: Map<string, string>,
  shlex: ShellLex,
  mainContext: () => llb.State,
  loadEnv: LoadEnv,
): Promise<SourceTime | undefined> {
  const src = await epochSource(v, opt, stages, globalArgs, buildArgs, shlex, mainContext, loadEnv);
  const op = singleSourceOp(src.state, opt);
  if (op === undefined) return undefined;
  const resolve = opt.resolveSourceTime;
  if (resolve === undefined) {
    throw new Error(`SOURCE_DATE_EPOCH=${v}: reading the time of ${op.identifier} needs the BuildKit gateway's source metadata`);
  }
  return resolve(op, src.logName);
}

async function epochSource(
  v: string,
  opt: ConvertOptions,
  stages: Stage[],
  globalArgs: EnvList,
  buildArgs: Map<string, string>,
  shlex: ShellLex,
  mainContext: () => llb.State,
  loadEnv: LoadEnv,
): Promise<EpochSource> {
  if (v === 'context') return { state: mainContext(), logName: '[internal] resolve main build context metadata' };
  const nc = findNamedContext(opt, v, { platform: undefined, resolveMode: opt.imageResolveMode ?? 'default', asyncLocalPaths: () => [] });
  if (nc !== undefined) {
    const loaded = await loadNamedContext(nc, loadEnv);
    return { state: loaded.state, logName: '[internal] resolve SOURCE_DATE_EPOCH named context ' + v };
  }
  const stage = stages.find((s) => goEqualFold(s.name, v));
  if (stage === undefined) throw new DockerfileError(`invalid SOURCE_DATE_EPOCH: ${v}`);
  let state: llb.State;
  try {
    state = stageSource(stage, buildArgs, globalArgs.delete('SOURCE_DATE_EPOCH'), shlex);
  } catch (err) {
    throw withLocation(err, stage.location);
  }
  return { state, logName: '[internal] resolve SOURCE_DATE_EPOCH source stage ' + stage.name };
}

/** Upstream's sourceDateEpochStageSource: the one remote ADD of a `FROM scratch` stage. */
function stageSource(stage: Stage, buildArgs: Map<string, string>, globalArgs: EnvList, shlex: ShellLex): llb.State {
  let base: string;
  try {
    base = shlex.processWord(stage.baseName, globalArgs);
  } catch (err) {
    throw new Error(`failed to process source stage base name ${goQuote(stage.baseName)}: ${(err as Error).message}`);
  }
  if (base !== EMPTY_IMAGE_NAME) throw new Error('SOURCE_DATE_EPOCH stage must use FROM scratch');
  let env = globalArgs;
  let source: llb.State | undefined;
  for (const cmd of stage.commands) {
    if (cmd.kind === 'arg') {
      for (const a of cmd.args) {
        const given = buildArgs.get(a.key);
        if (given !== undefined) env = env.set(a.key, given);
        else if (a.value !== undefined) env = env.set(a.key, shlex.processWord(a.value, env));
      }
    } else if (cmd.kind === 'add') {
      if (source !== undefined) throw new Error('SOURCE_DATE_EPOCH stage must contain exactly one remote ADD');
      if (cmd.sourceContents.length !== 0 || cmd.sourcePaths.length !== 1) {
        throw new Error('SOURCE_DATE_EPOCH stage must contain exactly one remote ADD source');
      }
      source = addSource(cmd.sourcePaths[0], cmd.checksum, cmd.keepGitDir, env, shlex);
    } else {
      throw new Error(`SOURCE_DATE_EPOCH stage does not meet source-only requirements: unsupported ${cmd.name} instruction`);
    }
  }
  if (source === undefined) throw new Error('SOURCE_DATE_EPOCH stage must contain exactly one remote ADD');
  return source;
}

function addSource(path: string, checksumWord: string, keepGitDir: boolean | undefined, env: EnvList, shlex: ShellLex): llb.State {
  const src = shlex.processWord(path, env);
  if (isHTTPSource(src)) {
    let checksum = '';
    if (checksumWord !== '') {
      checksum = shlex.processWord(checksumWord, env);
      parseDigest(checksum);
    }
    return llb.http(src, { filename: httpFilename(src), checksum: checksum || undefined });
  }
  // A git reference with invalid options fails; anything else is no git source.
  const ref = parseGitRef(src);
  if (ref !== undefined && !ref.indistinguishableFromLocal) {
    let checksum = ref.checksum;
    if (checksumWord !== '') checksum = shlex.processWord(checksumWord, env);
    return llb.git(ref.remote, '', {
      ref: ref.ref || undefined,
      keepGitDir: keepGitDir === true || ref.keepGitDir === true ? true : undefined,
      checksum: checksum || undefined,
      subdir: ref.subDir || undefined,
      skipSubmodules: ref.submodules === false ? true : undefined,
    });
  }
  throw new Error('SOURCE_DATE_EPOCH stage source must be a single HTTP(S) or Git ADD');
}


/**
 * Upstream's sourceDateEpochHTTPFilename, also ADD's file name for a URL:
 * the base name of the path url.Parse gives, else `__unnamed__`.
 */
export function httpFilename(src: string): string {
  const p = goURLPath(src);
  if (p === undefined) return '__unnamed__';
  const base = basePath(p);
  return base === '.' || base === '/' ? '__unnamed__' : base;
}

/** The state's only source op (upstream's sourceOpFromState); undefined when it has none or several. */
function singleSourceOp(st: llb.State, opt: ConvertOptions): SourceRef | undefined {
  const def = st.marshal({ caps: opt.llbCaps });
  let found: SourceRef | undefined;
  for (const { op } of llb.definitionOps(def)) {
    const s = op.op?.case === 'source' ? op.op.value : undefined;
    if (s === undefined) continue;
    if (found !== undefined) return undefined;
    found = { identifier: s.identifier ?? '', attrs: { ...(s.attrs ?? {}) } };
  }
  return found;
}

/** Seconds from 1970 of 0000-01-01T00:00:00 and of 9999-12-31T23:59:59, the years Go's Time.MarshalJSON takes. */
const MARSHALABLE = [-62167219200n, 253402300799n] as const;

/**
 * Go's time.Format(RFC3339Nano) of the source time, in its own offset; for a
 * year outside 0..9999, which Go keeps but cannot marshal into the image
 * config, YEAR_OUT_OF_RANGE, and for an offset of 24 hours or more
 * ZONE_OUT_OF_RANGE (marshalImage fails on either with Go's error).
 */
export function formatSourceTime(t: SourceTime): string {
  const secs = t.seconds + BigInt(t.offsetSeconds);
  if (secs < MARSHALABLE[0] || secs > MARSHALABLE[1]) return YEAR_OUT_OF_RANGE;
  const local = new Date(Number(secs) * 1000).toISOString().replace('.000Z', '');
  let frac = '';
  if (t.nanos !== 0) frac = '.' + String(t.nanos).padStart(9, '0').replace(/0+$/, '');
  let zone = 'Z';
  if (t.offsetSeconds !== 0) {
    const abs = Math.abs(t.offsetSeconds);
    // RFC 3339 has no such offset: Go's Time.MarshalJSON refuses it (after the year).
    if (abs >= 24 * 3600) return ZONE_OUT_OF_RANGE;
    const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
    const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
    zone = (t.offsetSeconds < 0 ? '-' : '+') + hh + ':' + mm;
  }
  return local + frac + zone;
}
