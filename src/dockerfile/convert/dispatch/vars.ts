// ENV, ARG and LABEL: variables of the stage's environment and image config
// (upstream's dispatchEnv, dispatchArg, dispatchLabel).

import type { ArgCommand, EnvCommand, LabelCommand } from '../../instructions/index.ts';
import { ExpansionError } from '../../shell/index.ts';
import * as checks from '../../lint/checks.ts';
import { addEnv, commitToHistory, ownMap } from '../image.ts';
import type { DispatchState } from '../stage-state.ts';
import { stateEnv, type DispatchContext } from './context.ts';
import { setKey } from '../../../go/maps.ts';

export function dispatchEnv(d: DispatchState, cmd: EnvCommand, opt: DispatchContext): void {
  let msg = 'ENV';
  for (const e of cmd.env) {
    checks.validateKeyValuePairs('ENV', cmd.name, [e], cmd.location, opt.lint);
    msg += ` ${e.key}=${e.value}`;
    d.state = d.state.addEnv(e.key, e.value);
    d.image.config.Env = addEnv(d.image.config.Env, e.key, e.value);
  }
  commitToHistory(d.image, msg, false, false, opt.epoch);
}

export function dispatchLabel(d: DispatchState, cmd: LabelCommand, opt: DispatchContext): void {
  let msg = 'LABEL';
  const labels = ownMap(d.image.config, 'Labels');
  for (const l of cmd.labels) {
    checks.validateKeyValuePairs('LABEL', cmd.name, [l], cmd.location, opt.lint);
    setKey(labels, l.key, l.value);
    msg += ` ${l.key}=${l.value}`;
  }
  commitToHistory(d.image, msg, false, false, opt.epoch);
}

/** ARG expands its own default: a build arg may replace it, and then it is not expanded. */
export function dispatchArg(d: DispatchState, c: ArgCommand, opt: DispatchContext): void {
  const commitStrs: string[] = [];
  for (const a of c.args) {
    checks.validateNoSecretKey('ARG', a.key, c.location, opt.lint);
    const arg = { ...a };
    const hasValue = opt.buildArgValues.has(arg.key);
    let hasDefault = arg.value !== undefined;
    // An ARG that only takes the global value is outlined as the meta ARG.
    let skipArgInfo = false;
    if (!hasDefault && !hasValue) {
      const v = opt.globalArgs.get(arg.key);
      if (v !== undefined) {
        arg.value = v;
        skipArgInfo = true;
        hasDefault = false;
      }
    }
    if (hasValue) {
      arg.value = opt.buildArgValues.get(arg.key);
    } else if (hasDefault) {
      const env = stateEnv(d.state);
      let res;
      try {
        res = opt.shlex.processWordWithMatches(arg.value as string, env);
      } catch (err) {
        if (err instanceof ExpansionError) checks.reportUnmatchedVariables(c.location, d.buildArgs, env, err.unmatched, opt.lint);
        throw err;
      }
      checks.reportUnmatchedVariables(c.location, d.buildArgs, env, res.unmatched, opt.lint);
      arg.value = res.result;
    }
    if (arg.value !== undefined && arg.key !== 'BUILDKIT_SBOM_SCAN_CONTEXT' && arg.key !== 'BUILDKIT_SBOM_SCAN_STAGE') {
      d.state = d.state.addEnv(arg.key, arg.value);
    }
    if (!skipArgInfo) {
      d.outline.allArgs.set(arg.key, { key: arg.key, docComment: arg.docComment, value: arg.value ?? '', deps: new Set(), location: c.location });
    }
    d.outline.usedArgs.add(arg.key);
    d.buildArgs.push(arg);
    commitStrs.push(arg.value === undefined ? arg.key : `${arg.key}=${arg.value}`);
  }
  commitToHistory(d.image, 'ARG ' + commitStrs.join(' '), false, false, opt.epoch);
}
