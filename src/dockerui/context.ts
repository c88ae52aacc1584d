// The main build context when it is not a local directory (dockerui's
// initContext): a git repository or an HTTP(S) URL given as the `context`
// option (or the option named by `contextkey`). The Dockerfile is then read
// from that source too, unless `dockerfilekey` forces a local one. An HTTP
// URL is downloaded by BuildKit first; when the file starts like an archive
// (tar, gzip, bzip2, xz) it is unpacked and used as the context, otherwise
// the file itself is the Dockerfile. `contextsubdir` narrows the context to a
// subdirectory. Also the local source a local Dockerfile is read from.
import * as llb from '../llb/index.ts';
import type { State } from '../llb/index.ts';
import type { Definition as PbDefinition } from '../gen/pb.ts';
import { parseGitRef } from '../dockerfile/convert/gitref.ts';
import { parseGoBool } from '../go/strconv.ts';
import { basePath, dirPath, joinPath } from '../go/path.ts';
import { tarNextSucceeds } from '../go/tar.ts';
import type { FrontendConfig } from './config.ts';

/** The name BuildKit's http source stores the download under. */
export const HTTP_CONTEXT_FILENAME = 'context';

export interface RemoteContext {
  kind: 'git' | 'http';
  /** The build context (after contextsubdir). */
  context: State;
  /** Where the Dockerfile is read from, unless a local one is forced. */
  dockerfile: State;
  /** The Dockerfile's path in `dockerfile` (`context` for a downloaded plain file). */
  filename: string;
}

/** What resolving an HTTP context needs from the gateway. */
export interface ContextGateway {
  /** Solves a definition and reads the first `length` bytes of `path` in the result. */
  readHead(def: PbDefinition, path: string, length: number): Promise<Uint8Array>;
  /** Wraps a failure with a message prefix, as errors.Wrap reaches the client. */
  wrap(err: unknown, prefix: string): Error;
}

/**
 * The git source for a context reference, or undefined when `ref` is not a
 * git URL. Throws for a git URL with invalid query options.
 */
export function gitContext(ref: string, opts: ReadonlyMap<string, string>): State | undefined {
  const g = parseGitRef(ref);
  if (g === undefined) return undefined;
  const keepArg = parseGoBool(opts.get('build-arg:BUILDKIT_CONTEXT_KEEP_GIT_DIR') ?? '');
  // The URL's own mtime= wins over the commit times a SOURCE_DATE_EPOCH build arg asks for.
  let mtime = (opts.get('build-arg:SOURCE_DATE_EPOCH') ?? '') !== '' ? 'commit' : '';
  if (g.mtime !== '') mtime = g.mtime;
  return llb.git(g.remote, '', {
    ref: g.ref,
    subdir: g.subDir !== '' ? g.subDir : undefined,
    keepGitDir: g.keepGitDir === true || keepArg === true,
    checksum: g.checksum || undefined,
    skipSubmodules: g.submodules === false,
    mtime: mtime || undefined,
    fetchByCommit: g.fetchByCommit,
    customName: '[internal] load git source ' + ref,
  });
}

/** True for http:// and https:// references (after the git check, which takes `.git` URLs). */
export function isHTTPContext(ref: string): boolean {
  return /^https?:\/\//.test(ref);
}

const MAGIC: readonly (readonly number[])[] = [
  [0x42, 0x5a, 0x68], // bzip2
  [0x1f, 0x8b, 0x08], // gzip
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
];

/**
 * Whether the first bytes of a download are an archive (dockerui's isArchive):
 * a compression magic number, or a stream whose first entry Go's archive/tar
 * reads from those bytes alone (src/go/tar.ts).
 */
export function isArchive(head: Uint8Array): boolean {
  for (const m of MAGIC) {
    if (head.length >= m.length && m.every((b, i) => head[i] === b)) return true;
  }
  return tarNextSucceeds(head);
}

/** `contextsubdir`: the subdirectory's contents as the root of a new state. */
export function scopeToSubDir(st: State, dir: string): State {
  return llb.scratch().file(llb.copy(st, dir, '/', { copyDirContentsOnly: true }));
}

/**
 * The remote context named by the `context` option (or the `contextkey`
 * one), or undefined when the context is local (or a frontend input).
 */
export async function resolveRemoteContext(
  opts: ReadonlyMap<string, string>,
  contextOptName: string,
  filename: string,
  caps: llb.CapSet,
  gw: ContextGateway,
): Promise<RemoteContext | undefined> {
  const ref = opts.get(contextOptName) ?? '';
  let res: RemoteContext | undefined;
  const gitSt = gitContext(ref, opts);
  if (gitSt !== undefined) {
    res = { kind: 'git', context: gitSt, dockerfile: gitSt, filename };
  } else if (isHTTPContext(ref)) {
    const st = llb.http(ref, { filename: HTTP_CONTEXT_FILENAME, customName: '[internal] load remote build context' });
    const def = st.marshal({ caps }).toPb();
    let head: Uint8Array;
    try {
      head = await gw.readHead(def, HTTP_CONTEXT_FILENAME, 1024);
    } catch (err) {
      throw err instanceof ReadHeadError ? gw.wrap(err.inner, 'failed to read downloaded context') : gw.wrap(err, 'failed to resolve httpcontext');
    }
    if (isArchive(head)) {
      const unpacked = llb.scratch().file(llb.copy(st, '/' + HTTP_CONTEXT_FILENAME, '/', { attemptUnpack: true }));
      res = { kind: 'http', context: unpacked, dockerfile: unpacked, filename };
    } else {
      res = { kind: 'http', context: st, dockerfile: st, filename: HTTP_CONTEXT_FILENAME };
    }
  }
  if (res !== undefined && opts.has('contextsubdir')) {
    res.context = scopeToSubDir(res.context, opts.get('contextsubdir') ?? '');
  }
  return res;
}

/** A failure reading the solved download (as opposed to solving it). */
export class ReadHeadError extends Error {
  constructor(readonly inner: unknown) {
    super(inner instanceof Error ? inner.message : String(inner));
    this.name = 'ReadHeadError';
  }
}

/** The local source the Dockerfile is read from, and the name tried when the file is missing. */
export interface DockerfileLocal {
  state: State;
  /** `dockerfile` (in the same directory) when the name is `Dockerfile`, as dockerui's ReadEntrypoint falls back. */
  fallback: string | undefined;
}

/**
 * The Dockerfile's local source (dockerui's ReadEntrypoint): it follows the
 * file, `<file>.dockerignore` and the lower-case fallback, in the session
 * `local-sessionid:<dockerfile local>` names, else the build's.
 */
export function dockerfileLocal(cfg: FrontendConfig, filename: string, sessionId: string): DockerfileLocal {
  // path.Base and path.Join(path.Dir(...)): cleaned (`./Dockerfile` falls back to
  // `dockerfile`, `Dockerfile/` to `Dockerfile/dockerfile`).
  const fallback = basePath(filename) === 'Dockerfile' ? joinPath(dirPath(filename), 'dockerfile') : undefined;
  const names = [filename, filename + '.dockerignore'];
  if (fallback !== undefined) names.push(fallback);
  const local = cfg.dockerfileLocalName;
  const state = llb.local(local, {
    followPaths: names,
    sessionId: Object.hasOwn(cfg.localSessionIds, local) ? cfg.localSessionIds[local] : sessionId,
    sharedKeyHint: local,
    customName: '[internal] load build definition from ' + filename,
    differ: { type: 'none', required: false },
  });
  return { state, fallback };
}

/**
 * The local source one file labs INCLUDE or an imported stage names is read
 * from: the Dockerfile's local, that path only (`path` relative to the
 * local's root), one `[internal] load included PATH` step each.
 */
export function includedFileLocal(cfg: FrontendConfig, path: string, sessionId: string): llb.State {
  const local = cfg.dockerfileLocalName;
  return llb.local(local, {
    followPaths: [path],
    sessionId: Object.hasOwn(cfg.localSessionIds, local) ? cfg.localSessionIds[local] : sessionId,
    sharedKeyHint: local,
    customName: '[internal] load included ' + path,
    differ: { type: 'none', required: false },
  });
}
