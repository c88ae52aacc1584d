// COPY and ADD: one FileOp with a copy action per source (local paths, stage
// or image paths, heredocs, HTTP files, git repositories), or a MergeOp over
// a copy on scratch for --link.

import { parseDigest } from '../../../registry/digest.ts';
import * as llb from '../../../llb/index.ts';
import { Caps } from '../../../llb/caps.ts';
import type { LineRange } from '../../errors.ts';
import type { AddCommand, CopyCommand, SourcesAndDest } from '../../instructions/types.ts';
import { parseChmod } from '../chmod.ts';
import { processCmdEnv, stateEnv, type DispatchContext } from './context.ts';
import { parseGitRef, isGitSource, isHTTPSource } from '../gitref.ts';
import { commitToHistory } from '../image.ts';
import { joinPath } from '../../../go/path.ts';
import { goQuote } from '../../../go/strconv.ts';
import { httpFilename } from '../epoch.ts';
import { isAbsFor, normalizePathFor, removeDriveLetter, withDrivePrefix } from '../../../platform/system-path.ts';
import { prefixCommand, uppercaseCmd } from '../progress.ts';
import type { DispatchState, StageCommand } from '../stage-state.ts';
import { dfCmd, locationOf } from '../util.ts';
import { validateCopySourcePath } from '../../lint/checks.ts';
import type { IgnoreMatcher } from '../../lint/ignore.ts';

/** ADD: sources from the build context, URLs or git repositories. */
export function dispatchAdd(d: DispatchState, cmd: AddCommand, opt: DispatchContext): void {
  dispatchCopy(d, {
    params: cmd,
    excludePatterns: cmd.excludePatterns,
    source: opt.buildContext,
    isAddCommand: true,
    code: cmd.code,
    chown: cmd.chown,
    chmod: cmd.chmod,
    link: cmd.link,
    keepGitDir: cmd.keepGitDir,
    checksum: cmd.checksum,
    unpack: cmd.unpack,
    parents: false,
    optional: cmd.optional === true,
    location: cmd.location,
    ignoreMatcher: opt.dockerIgnore,
    opt,
  });
  for (const src of cmd.sourcePaths) {
    if (!src.startsWith('http://') && !src.startsWith('https://')) d.ctxPaths.add(joinPath('/', src));
  }
}

/** COPY: sources from the build context, or from the stage or image of --from. */
export function dispatchCopyCommand(d: DispatchState, cmd: CopyCommand, opt: DispatchContext, sc: StageCommand): void {
  let source = opt.buildContext;
  if (sc.sources.length > 0) {
    const src = sc.sources[0];
    if (!src.dispatched) {
      throw new Error(`cannot copy from stage ${goQuote(cmd.from)}, it needs to be defined before current stage ${goQuote(d.stageName)}`);
    }
    source = src.state;
    d.readsFrom(src);
  }
  dispatchCopy(d, {
    params: cmd,
    excludePatterns: cmd.excludePatterns,
    source,
    isAddCommand: false,
    code: cmd.code,
    chown: cmd.chown,
    chmod: cmd.chmod,
    link: cmd.link,
    keepGitDir: undefined,
    checksum: '',
    unpack: undefined,
    parents: cmd.parents,
    optional: cmd.optional === true,
    location: cmd.location,
    ignoreMatcher: sc.sources.length === 0 ? opt.dockerIgnore : undefined,
    opt,
  });
  const paths = sc.sources.length === 0 ? d.ctxPaths : sc.sources[0].paths;
  for (const src of cmd.sourcePaths) paths.add(joinPath('/', src));
}

export interface CopyConfig {
  params: SourcesAndDest;
  excludePatterns: string[];
  source: llb.State;
  isAddCommand: boolean;
  code: string;
  chown: string;
  chmod: string;
  link: boolean;
  keepGitDir: boolean | undefined;
  checksum: string;
  unpack: boolean | undefined;
  parents: boolean;
  /** Labs `--optional`: missing sources are skipped (see optionalSource). */
  optional: boolean;
  location: LineRange;
  /** The build context's .dockerignore (local sources of the build context only), for CopyIgnoredFile. */
  ignoreMatcher?: IgnoreMatcher;
  opt: DispatchContext;
}

/** The destination joined to the working directory, keeping a trailing `/` (drive letter removed on Windows). */
function pathRelativeToWorkingDir(state: llb.State, p: string, os: string): string {
  p = withDrivePrefix(() => removeDriveLetter(p, os, true));
  if (isAbsFor(p, os)) return normalizePathFor('/', p, os, true);
  if (p === '.' || p === '') p = './';
  return normalizePathFor(state.getDir(), p, os, true);
}

function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '*' || ch === '?' || ch === '[') return true;
    if (ch === '\\') i++;
  }
  return false;
}



/**
 * Labs `--optional`: the source as a wildcard pattern that matches only the
 * path itself, so BuildKit's copy (allowWildcard, allowEmptyWildcard) skips
 * it when it is missing instead of failing. A character of the first
 * component becomes a one-character class (`/config/a.yaml` ->
 * `/[c]onfig/a.yaml`): the copy resolves a wildcard from the deepest
 * directory before it, which must exist, so only a class in the first
 * component makes a missing directory optional too. A path with no wildcard
 * is taken literally by the copy, so its backslashes and escaped wildcard
 * characters are escaped in the pattern.
 */
export function optionalSource(src: string): string {
  if (src === '/') return src;
  // A path without wildcards names itself, each `\`, `*`, `?` and `[` literally (`a\*b` is a file of that name).
  const pattern = containsWildcards(src) ? src : src.replace(/[\\*?[]/g, '\\$&');
  const slash = pattern.indexOf('/', 1);
  const first = slash < 0 ? pattern.slice(1) : pattern.slice(1, slash);
  const rest = slash < 0 ? '' : pattern.slice(slash);
  if (first.startsWith('[') || first.startsWith('*') || first.startsWith('?')) return pattern;
  // The class holds a character that means itself in a class on every OS: not `-`, `]` or `^`, nor an escaped
  // pair (a Windows daemon's match has no escape character: `[\-]` is a bad pattern there, which matches nothing).
  for (let i = 0; i < first.length; ) {
    const ch = String.fromCodePoint(first.codePointAt(i) as number);
    if (ch === '\\') {
      i += 1 + (i + 1 < first.length ? String.fromCodePoint(first.codePointAt(i + 1) as number).length : 0);
      continue;
    }
    // A wildcard before it: the component is a pattern already, resolved from the root.
    if (ch === '*' || ch === '?' || ch === '[') return pattern;
    if (ch !== '-' && ch !== ']' && ch !== '^') return '/' + first.slice(0, i) + '[' + ch + ']' + first.slice(i + ch.length) + rest;
    i += ch.length;
  }
  // Only such characters: the first one escaped in the class.
  const head = first.startsWith('\\') ? first.slice(0, 2) : '\\' + first[0];
  return '/[' + head + ']' + first.slice(first.startsWith('\\') ? 2 : 1) + rest;
}

function dispatchCopy(d: DispatchState, cfg: CopyConfig): void {
  const platform = d.platform ?? cfg.opt.targetPlatform;
  const os = platform.os;
  const dest = pathRelativeToWorkingDir(d.state, cfg.params.destPath, os);
  const chown = cfg.chown !== '' ? llb.chownFromString(cfg.chown) : undefined;
  const exclude = cfg.excludePatterns.length > 0 ? cfg.excludePatterns : undefined;
  let mode: number | string | undefined;
  if (cfg.chmod !== '') {
    const m = parseChmod(cfg.chmod);
    mode = 'mode' in m ? m.mode : m.modeStr;
  }
  let checksum = cfg.checksum;
  if (checksum !== '') {
    if (!cfg.isAddCommand) throw new Error("checksum can't be specified for COPY");
    if (cfg.params.sourcePaths.length !== 1) throw new Error("checksum can't be specified for multiple sources");
    const s = cfg.params.sourcePaths[0];
    if (!isHTTPSource(s) && !isGitSource(s)) throw new Error('checksum requires HTTP(S) or Git sources');
  }
  let msg = cfg.isAddCommand ? 'ADD' : 'COPY';
  if (cfg.parents) msg += ' --parents';
  if (cfg.optional) msg += ' --optional';
  if (cfg.chown !== '') msg += ' --chown=' + cfg.chown;
  if (cfg.chmod !== '') msg += ' --chmod=' + cfg.chmod;

  const env = stateEnv(d.state);
  const name = uppercaseCmd(processCmdEnv(cfg.opt.shlex, cfg.code, env));
  const pgName = prefixCommand(d, name, d.prefixPlatform, platform, env);

  let a: llb.FileAction | undefined;
  const add = (from: llb.State, src: string, opts: llb.CopyOptions): void => {
    a = a === undefined ? llb.copy(from, src, dest, opts) : a.copy(from, src, dest, opts);
  };
  let keepGitDir = cfg.keepGitDir;

  for (const src0 of cfg.params.sourcePaths) {
    let src = src0;
    msg += ' ' + src;
    const gitRef = parseGitRef(src);
    if (cfg.optional && (isHTTPSource(src) || (gitRef !== undefined && !gitRef.indistinguishableFromLocal))) {
      throw new Error(`--optional applies to local and stage sources only, not to ${goQuote(src)}`);
    }
    if (gitRef !== undefined && !gitRef.indistinguishableFromLocal) {
      if (!cfg.isAddCommand) throw new Error("source can't be a git ref for COPY");
      if (keepGitDir !== undefined && gitRef.keepGitDir !== undefined && keepGitDir !== gitRef.keepGitDir) {
        throw new Error('inconsistent keep-git-dir configuration');
      }
      if (gitRef.keepGitDir !== undefined) keepGitDir = gitRef.keepGitDir;
      if (checksum !== '' && gitRef.checksum !== '' && checksum !== gitRef.checksum) {
        throw new Error(`checksum mismatch ${goQuote(checksum)} != ${goQuote(gitRef.checksum)}`);
      }
      if (gitRef.checksum !== '') checksum = gitRef.checksum;
      const st = llb.git(gitRef.remote, '', {
        customName: pgName,
        ref: gitRef.ref || undefined,
        keepGitDir: keepGitDir === true ? true : undefined,
        checksum: checksum || undefined,
        subdir: gitRef.subDir || undefined,
        skipSubmodules: gitRef.submodules === false ? true : undefined,
        fetchByCommit: gitRef.fetchByCommit || undefined,
      });
      add(st, '/', { mode, createDestPath: true, chown, excludePatterns: exclude });
    } else if (isHTTPSource(src)) {
      if (!cfg.isAddCommand) throw new Error("source can't be a URL for COPY");
      const f = httpFilename(src);
      if (checksum !== '') parseDigest(checksum);
      const st = llb.http(src, {
        filename: f,
        customName: pgName,
        checksum: checksum || undefined,
        ...dfCmd(''),
      });
      add(st, f, { mode, createDestPath: true, attemptUnpack: cfg.unpack === true ? true : undefined, chown, excludePatterns: exclude });
    } else {
      validateCopySourcePath(src, cfg.isAddCommand, cfg.ignoreMatcher, cfg.location, cfg.opt.lint);
      let patterns: string[] | undefined;
      let requiredPaths: string[] | undefined;
      if (cfg.parents) {
        const i = src.indexOf('/./');
        let pattern: string;
        if (i < 0) {
          pattern = src;
          src = '/';
        } else {
          pattern = src.slice(i + 3);
          src = src.slice(0, i);
        }
        pattern = withDrivePrefix(() => normalizePathFor('/', pattern, os, false));
        patterns = [pattern.replace(/^\//, '')];
        if (!cfg.optional && !containsWildcards(src) && !containsWildcards(pattern)) {
          requiredPaths = [joinPath(src, pattern)];
        }
      }
      src = withDrivePrefix(() => normalizePathFor('/', src, os, false));
      if (requiredPaths !== undefined) {
        requiredPaths = requiredPaths.map((p) => withDrivePrefix(() => normalizePathFor('/', p, os, false)));
      }
      if (cfg.optional) src = optionalSource(src);
      const unpack = cfg.unpack ?? cfg.isAddCommand;
      add(cfg.source, src, {
        mode,
        followSymlinks: true,
        copyDirContentsOnly: true,
        includePatterns: patterns,
        requiredPaths,
        attemptUnpack: unpack || undefined,
        createDestPath: true,
        allowWildcard: true,
        allowEmptyWildcard: true,
        chown,
        excludePatterns: exclude,
      });
    }
  }

  for (const content of cfg.params.sourceContents) {
    msg += ' <<' + content.path;
    const f = withDrivePrefix(() => removeDriveLetter(content.path, os, false));
    const st = llb
      .scratch()
      .file(llb.mkfile(f, 0o644, content.data), { customName: '[internal] preparing inline document', platform: d.platform });
    add(st, f, { mode, createDestPath: true, chown, excludePatterns: exclude });
  }
  msg += ' ' + cfg.params.destPath;

  const fileOpt: llb.ConstraintsOptions = {
    customName: pgName,
    sourceLocations: locationOf(cfg.opt.sourceMap, cfg.location),
    ignoreCache: d.skipsCache() || undefined,
  };
  const action = a as llb.FileAction;
  if (cfg.opt.caps.supports(Caps.mergeOp) && cfg.link && cfg.chmod === '') {
    const pgID = llb.newID();
    d.cmdIndex--;
    const groupName = prefixCommand(d, name, d.prefixPlatform, platform, env);
    const copyOpts: llb.ConstraintsOptions = {
      platform: d.platform,
      ...fileOpt,
      progressGroup: { id: pgID, name: groupName, weak: true },
    };
    d.cmdIndex--;
    const mergeOpts: llb.ConstraintsOptions = {
      ...fileOpt,
      progressGroup: { id: pgID, name: groupName, weak: false },
      customName: prefixCommand(d, 'LINK ' + name, d.prefixPlatform, platform, env),
    };
    const merged = llb.merge([d.state, llb.scratch().file(action, copyOpts)], mergeOpts);
    d.state = d.state.withOutput(merged.output());
  } else {
    d.state = d.state.file(action, fileOpt);
  }
  commitToHistory(d.image, msg, true, true, cfg.opt.epoch);
}
