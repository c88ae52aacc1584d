// Build arguments: the automatic platform args, meta ARGs before the first
// FROM, and the proxy variables that go to ExecOp.proxy_env instead of env.

import { parseGoBool } from '../../go/strconv.ts';
import { goEqualFold } from '../../go/strings.ts';
import { withLocation, type LineRange } from '../errors.ts';
import type { ArgCommand } from '../instructions/types.ts';
import { EnvList } from '../../llb/env.ts';
import type { ArgInfo } from './outline-capture.ts';
import { formatPlatform, formatPlatformAll, type Platform, type PlatformOpt } from './platform.ts';

/** The automatic global args (BUILDPLATFORM ... TARGETSTAGE) and their values, in upstream's order. */
export function automaticArgs(bp: Platform, tp: Platform, target: string): [string, string][] {
  return [
    ['BUILDPLATFORM', formatPlatform(bp)],
    ['BUILDOS', bp.os],
    ['BUILDOSVERSION', bp.osVersion ?? ''],
    ['BUILDARCH', bp.architecture],
    ['BUILDVARIANT', bp.variant ?? ''],
    ['TARGETPLATFORM', formatPlatformAll(tp)],
    ['TARGETOS', tp.os],
    ['TARGETOSVERSION', tp.osVersion ?? ''],
    ['TARGETARCH', tp.architecture],
    ['TARGETVARIANT', tp.variant ?? ''],
    ['TARGETSTAGE', target === '' ? 'default' : target],
  ];
}

/** The automatic global args, each overridable by a build arg. */
export function defaultArgs(po: PlatformOpt, overrides: ReadonlyMap<string, string>, target: string): EnvList {
  const pairs = automaticArgs(po.buildPlatforms[0], po.targetPlatform, target);
  let env = EnvList.empty;
  for (const [k, v] of pairs) env = env.set(k, overrides.get(k) ?? v);
  return env;
}

/** Expands a word; `location` is the instruction's (its file chooses the escape character). */
export type WordExpander = (word: string, env: EnvList, location?: LineRange) => { result: string; matched: ReadonlySet<string> };

/**
 * Evaluates the ARGs before the first FROM in order; build args win over
 * defaults. Also returns each ARG's outline record (the args its default read).
 */
export function buildMetaArgs(
  args: EnvList,
  argCommands: ArgCommand[],
  buildArgs: ReadonlyMap<string, string>,
  expand: WordExpander,
): { args: EnvList; allArgs: Map<string, ArgInfo> } {
  const allArgs = new Map<string, ArgInfo>();
  for (const cmd of argCommands) {
    for (const kp of cmd.args) {
      const info: ArgInfo = { key: kp.key, docComment: kp.docComment, value: '', deps: new Set(), location: cmd.location };
      let value = kp.value;
      const given = buildArgs.get(kp.key);
      if (given !== undefined) {
        value = given;
      } else if (value !== undefined) {
        let res;
        try {
          res = expand(value, args, cmd.location);
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
        args = args.set(kp.key, value);
        info.value = value;
      }
      allArgs.set(kp.key, info);
    }
  }
  return { args, allArgs };
}

export interface ProxyEnv {
  httpProxy?: string;
  httpsProxy?: string;
  ftpProxy?: string;
  noProxy?: string;
  allProxy?: string;
}

const PROXY_ARGS = ['http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy'] as const;

/** Proxy build args (any case, as strings.EqualFold compares; in sorted key order, so later keys win). */
export function proxyEnvFromBuildArgs(buildArgs: ReadonlyMap<string, string>): ProxyEnv | undefined {
  const pe: ProxyEnv = {};
  let any = false;
  for (const k of [...buildArgs.keys()].sort()) {
    const v = buildArgs.get(k) as string;
    switch (PROXY_ARGS.find((p) => goEqualFold(k, p))) {
      case 'http_proxy':
        pe.httpProxy = v;
        break;
      case 'https_proxy':
        pe.httpsProxy = v;
        break;
      case 'ftp_proxy':
        pe.ftpProxy = v;
        break;
      case 'no_proxy':
        pe.noProxy = v;
        break;
      case 'all_proxy':
        pe.allProxy = v;
        break;
      case undefined:
        continue;
    }
    any = true;
  }
  return any ? pe : undefined;
}

/** Whether an SBOM scan build arg (`true`/`false` or stage list) covers a stage. */
export function isEnabledForStage(stage: string, value: string): boolean {
  const b = parseGoBool(value);
  if (b !== undefined) return b;
  return value.split(',').includes(stage);
}
