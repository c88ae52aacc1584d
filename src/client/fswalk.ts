// A directory as BuildKit's file sync sends it: the entries fsutil's
// filtered walk yields (tonistiigi/fsutil fs.go, filter.go, stat.go,
// hardlinks.go, followlinks.go), in its order, with its stat records.
//
// Entries come in Go's filepath.WalkDir order (names sorted by bytes, a
// directory before its contents). Include and exclude patterns (the
// .dockerignore, --exclude of COPY, the frontend's include lists) are
// matched as moby/patternmatcher does; a directory that is excluded and has
// no exception below it is not read at all. A directory that is not itself
// selected is sent only when something below it is. Owners are sent as 0:0,
// as Go's client does for local directories. A name that is no UTF-8 is held
// with its bytes kept (go/kept-bytes.ts) and sent as those bytes, as Go
// sends them; the file is reached through a Buffer path (diskPath).
import { lstatSync, readdirSync, readlinkSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { describeErrno } from '../go/os.ts';
import { nodeModule } from '../builtins.ts';
import { IgnoreMatcher } from '../dockerfile/lint/ignore.ts';
import { cleanPath, goFilepathMatch } from '../go/path.ts';
import { compareUtf8 } from '../go/strings.ts';
import { bytesOf, hasKeptBytes, keptBytesString } from '../go/kept-bytes.ts';
import type { Stat } from '../gen/fsutil.types.ts';

// Go's os.FileMode bits.
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 1 << 27;
const MODE_DEVICE = 1 << 26;
const MODE_NAMED_PIPE = 1 << 25;
const MODE_SETUID = 1 << 23;
const MODE_SETGID = 1 << 22;
const MODE_CHAR_DEVICE = 1 << 21;
const MODE_STICKY = 1 << 20;

/** Go's os.FileMode of a Unix st_mode (sockets dropped as fsutil drops them). */
export function goFileMode(mode: number): number {
  let m = mode & 0o777;
  switch (mode & 0o170000) {
    case 0o040000: m += MODE_DIR; break;
    case 0o120000: m |= MODE_SYMLINK; break;
    case 0o060000: m |= MODE_DEVICE; break;
    case 0o020000: m |= MODE_DEVICE | MODE_CHAR_DEVICE; break;
    case 0o010000: m |= MODE_NAMED_PIPE; break;
    default: break;
  }
  if (mode & 0o4000) m |= MODE_SETUID;
  if (mode & 0o2000) m |= MODE_SETGID;
  if (mode & 0o1000) m |= MODE_STICKY;
  // Bitwise operators work on 32-bit signed integers: after MODE_DIR (bit 31),
  // an OR gives a negative number (a sticky /tmp-like directory, a setgid
  // one). The unsigned value is Go's uint32.
  return m >>> 0;
}

/** Whether a Go FileMode is a regular file (the receiver may ask for its data). */
export function isRegular(goMode: number): boolean {
  return goMode < MODE_DIR && (goMode & (MODE_SYMLINK | MODE_DEVICE | MODE_NAMED_PIPE | MODE_CHAR_DEVICE | (1 << 24) | (1 << 19))) === 0;
}

export function isDirMode(goMode: number): boolean {
  return goMode >= MODE_DIR;
}

/** Whether a Go FileMode is a symlink. */
export function isSymlinkMode(goMode: number): boolean {
  return (goMode & MODE_SYMLINK) !== 0;
}

/** Whether a Go FileMode is a named pipe or a device (what mknod makes); `char` for a character device. */
export function nodeKind(goMode: number): 'pipe' | 'char' | 'block' | undefined {
  if ((goMode & MODE_NAMED_PIPE) !== 0) return 'pipe';
  if ((goMode & MODE_DEVICE) === 0) return undefined;
  return (goMode & MODE_CHAR_DEVICE) !== 0 ? 'char' : 'block';
}

/** The Unix permission bits of a Go FileMode (goFileMode's inverse for them: setuid, setgid, sticky, rwx). */
export function unixPermBits(goMode: number): number {
  return (goMode & 0o777) | (goMode & MODE_SETUID ? 0o4000 : 0) | (goMode & MODE_SETGID ? 0o2000 : 0) | (goMode & MODE_STICKY ? 0o1000 : 0);
}

export interface FilterOptions {
  includePatterns?: string[];
  excludePatterns?: string[];
  followPaths?: string[];
}

/** One entry to send: its stat record and where it is on disk. */
export interface WalkEntry {
  stat: Stat;
  abs: string;
  /**
   * A regular file the walk sends but fsutil's filterFS.Open refuses: Open
   * asks the patterns again with MatchesOrParentMatches, which can exclude a
   * file the walk's MatchesUsingParentResults let through (a pattern skipped
   * at the parent because an earlier one had matched it, the file then
   * re-included by an exception: `keep`, `!keep/a/.e`, `keep/a` sends
   * keep/a/.e). fsutil then sends such a file with no data: the daemon
   * writes it empty, and so does buildctl's transfer.
   */
  refusedByOpen?: true;
}

/** A path for node:fs: the string, or its bytes where it holds kept bytes (a name that is no UTF-8). */
export function diskPath(p: string): string | Buffer {
  return hasKeptBytes(p) ? Buffer.from(bytesOf(p)) : p;
}

/**
 * A directory's entries in Go's order, names as Go reads them: Node.js decodes a name
 * that is no UTF-8 with U+FFFD (and then cannot reach the file), so a
 * directory where a name has one is read again as bytes, and those names
 * keep their bytes.
 */
function readNames(abs: string): { name: string; isDir: boolean }[] {
  const plain = readdirSync(diskPath(abs), { withFileTypes: true });
  if (!plain.some((d) => d.name.includes('\ufffd'))) {
    const out = plain.map((d) => ({ name: d.name, isDir: d.isDirectory() }));
    return out.sort((a, b) => compareUtf8(a.name, b.name)); // UTF-8 byte order, as Go sorts names
  }
  const raw = readdirSync(diskPath(abs), { withFileTypes: true, encoding: 'buffer' });
  raw.sort((a, b) => Buffer.compare(a.name, b.name)); // byte order, as Go sorts names
  return raw.map((d) => ({ name: keptBytesString(d.name), isDir: d.isDirectory() }));
}

interface ParentDir {
  include?: boolean[];
  exclude?: boolean[];
  entry: WalkEntry;
  called: boolean;
}

function withoutTrailingGlob(p: string): string {
  if (p.endsWith('/**')) return p.slice(0, -3);
  if (p.endsWith('/*')) return p.slice(0, -2);
  return p;
}

const PATTERN_CHARS = /[*[\]?^\\]/;

/** The calls of @napi-rs/xattr used here (they act on a symlink itself, as lgetxattr). */
export interface XattrModule {
  listAttributesSync(path: string): string[];
  getAttributeSync(path: string, name: string): Buffer | null;
  setAttributeSync(path: string, name: string, value: Uint8Array): void;
}

let xattrModule: XattrModule | null | undefined;

/** The CommonJS bundles' own require (scripts/build.mjs defines it); undefined when run from the ES modules. */
declare const __nodeRequire: NodeJS.Require | undefined;

/**
 * Extended attributes through @napi-rs/xattr (Node.js has no call for them),
 * loaded when a directory is first walked; null when it cannot be loaded
 * (the bundle run without its node_modules): the caller warns. On glibc
 * Linux the platform's binding package is loaded directly, without the
 * package's loader, which first tells glibc from musl (reading
 * /usr/bin/ldd): ~1.5 ms of each `build`. Anywhere else, or where that
 * binding cannot be loaded (musl), the package's own loader picks.
 */
export function xattrs(): XattrModule | null {
  if (xattrModule === undefined) {
    const req = typeof __nodeRequire === 'function' ? __nodeRequire : nodeModule().createRequire(import.meta.url);
    xattrModule = null;
    const candidates = process.platform === 'linux' ? [`@napi-rs/xattr-linux-${process.arch}-gnu`, '@napi-rs/xattr'] : ['@napi-rs/xattr'];
    for (const id of candidates) {
      try {
        xattrModule = req(id) as XattrModule;
        break;
      } catch {
        // the next one
      }
    }
  }
  return xattrModule;
}

/** fsutil's loadXattr: every attribute but macOS's com.apple.*; none where the file system has none. */
function loadXattrs(abs: string, x: XattrModule): Record<string, Uint8Array> | undefined {
  let names: string[];
  try {
    names = x.listAttributesSync(abs);
  } catch (e) {
    const msg = (e as Error).message;
    if (/\(os error 95\)/.test(msg)) return undefined; // ENOTSUP
    throw new Error(`failed to xattr ${abs}: ${msg.replace(/ \(os error \d+\)$/, '').toLowerCase()}`);
  }
  let out: Record<string, Uint8Array> | undefined;
  for (const name of names) {
    if (name.startsWith('com.apple.')) continue;
    let v: Buffer | null;
    try {
      v = x.getAttributeSync(abs, name);
    } catch {
      continue; // gone in between: left out, as fsutil does
    }
    if (v === null) continue;
    (out ??= {})[name] = v;
  }
  return out;
}

function statOf(path: string, st: BigIntStats, inodes: Map<bigint, string>, linkname: () => string): Stat {
  const mode = goFileMode(Number(st.mode));
  const s: Stat = { path, mode, uid: 0, gid: 0, modTime: st.mtimeNs };
  if (!isDirMode(mode)) {
    const type = Number(st.mode) & 0o170000;
    if (type === 0o060000 || type === 0o020000) {
      const rdev = Number(st.rdev);
      s.devmajor = (rdev >> 8) & 0xfff;
      s.devminor = (rdev & 0xff) | ((rdev >> 12) & 0xfff00);
    }
    if (st.nlink > 1n && type !== 0o120000) {
      const first = inodes.get(st.ino);
      if (first !== undefined) s.linkname = first;
      else inodes.set(st.ino, path);
    }
    s.size = st.size;
    if (type === 0o120000) s.linkname = linkname();
  }
  return s;
}

/** What followLinks reads of the directory: a symlink's target, a directory's names. */
export interface LinkReader {
  /** The target of the symlink at `abs`; undefined when it is not one (or absent). */
  readlink(abs: string): string | undefined;
  /** The names in the directory at `abs`; undefined when it does not exist. */
  readdir(abs: string): string[] | undefined;
}

/** fsutil's containsWildcards: `*`, `?` or `[` not escaped by a backslash. */
function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/**
 * Symlinks on the way to the follow paths resolved as fsutil's FollowLinks
 * does: each path and every symlink target met on the way to it. A name with
 * wildcards stands for the symlinks it matches in its directory (each one's
 * target followed); when it matches none it is taken as it is.
 */
export function followLinks(root: string, paths: readonly string[], fs: LinkReader): string[] | undefined {
  const resolved = new Set<string>();
  /** The symlink targets `current` stands for (absolute, cleaned); undefined when none. */
  const targetsOf = (current: string): string[] | undefined => {
    const slash = current.lastIndexOf('/');
    const parent = slash < 0 ? '' : current.slice(0, slash);
    const base = current.slice(slash + 1);
    const one = (p: string): string | undefined => {
      const link = fs.readlink(join(root, p));
      if (link === undefined) return undefined;
      const l = cleanPath(link);
      return l.startsWith('/') ? l : cleanPath('/' + (parent === '' ? '.' : parent) + '/' + l);
    };
    if (!containsWildcards(base)) {
      const t = one(current);
      return t === undefined ? undefined : [t];
    }
    const out: string[] = [];
    for (const name of fs.readdir(parent === '' ? root : join(root, parent)) ?? []) {
      if (goFilepathMatch(base, name) !== true) continue; // fsutil: filepath.Match, its error ignored
      const t = one(parent === '' ? name : `${parent}/${name}`);
      if (t !== undefined) out.push(t);
    }
    return out.length > 0 ? out : undefined;
  };
  const append = (p: string, depth: number): void => {
    if (depth > 64) return;
    let rest = cleanPath('./' + p).replace(/^\/+/, '');
    if (rest === '.') rest = '';
    let current = '';
    for (;;) {
      const slash = rest.indexOf('/');
      const part = slash < 0 ? rest : rest.slice(0, slash);
      rest = slash < 0 ? '' : rest.slice(slash + 1);
      current = current === '' ? part : `${current}/${part}`;
      if (current === '') current = '.';
      const targets = current === '.' ? undefined : targetsOf(current);
      if ((rest === '' || targets !== undefined) && resolved.has(current)) return;
      if (targets !== undefined) {
        resolved.add(current);
        for (const target of targets) append(cleanPath(target + '/' + rest), depth + 1);
        return;
      }
      if (rest === '') {
        resolved.add(current);
        return;
      }
    }
  };
  for (const p of paths) append(p, 0);
  return dedupePaths([...resolved].sort(compareUtf8));
}

/** fsutil's dedupePaths: sorted paths without those under another; none at all when "." is one. */
function dedupePaths(sorted: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let last: string | undefined;
  for (const s of sorted) {
    if (s === '.') return undefined;
    if (last !== undefined && s.startsWith(last + '/')) continue;
    out.push(s);
    last = s;
  }
  return out;
}

const diskLinks: LinkReader = {
  readlink(abs) {
    try {
      const st = lstatSync(abs);
      if (!st.isSymbolicLink()) return undefined;
      return readlinkSync(abs);
    } catch {
      return undefined;
    }
  },
  readdir(abs) {
    try {
      return readdirSync(abs);
    } catch {
      return undefined;
    }
  },
};

/**
 * The entries of `root` to send, in order, after the filters, and `null` at
 * the end of each directory, where the caller lets its stream move. A plain
 * generator: each entry costs a call, not a promise (an asynchronous one
 * took a third of the walk of 20,000 files). Errors (an unreadable
 * directory, a bad pattern) are thrown with the path.
 */
export function* walkFiltered(root: string, opts: FilterOptions = {}): Generator<WalkEntry | null> {
  let includes = opts.includePatterns ? [...opts.includePatterns] : undefined;
  if (opts.followPaths !== undefined && opts.followPaths.length > 0) {
    const targets = followLinks(root, opts.followPaths, diskLinks);
    // As NewFilterFS: appended, then deduplicated in that order (not sorted again).
    if (targets !== undefined) includes = dedupePaths([...(includes ?? []), ...targets]);
  }
  const include = includes !== undefined && includes.length > 0 ? new IgnoreMatcher(includes) : undefined;
  const exclude = opts.excludePatterns !== undefined && opts.excludePatterns.length > 0 ? new IgnoreMatcher(opts.excludePatterns) : undefined;
  const includeList = include?.patternList() ?? [];
  const excludeList = exclude?.patternList() ?? [];
  const onlyPrefixIncludes = !includeList.some((p) => !p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p.text)));
  const onlyPrefixExcludeExceptions = !excludeList.some((p) => p.exclusion && PATTERN_CHARS.test(withoutTrailingGlob(p.text)));
  // filterFS.Open's own check, which can only part from the walk's where a
  // pattern list holds an exception (see WalkEntry.refusedByOpen).
  const openChecked = include?.exclusions === true || exclude?.exclusions === true;
  const opens = (path: string): boolean => (include === undefined || include.matchesOrParentMatches(path)) && (exclude === undefined || !exclude.matchesOrParentMatches(path));
  const inodes = new Map<bigint, string>();
  const parents: ParentDir[] = [];
  const x = xattrs();

  function* dir(rel: string, abs: string): Generator<WalkEntry | null> {
    let entries: { name: string; isDir: boolean }[];
    try {
      entries = readNames(abs);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return;
      throw new Error(`open ${abs}: ${describeErrno(err)}`);
    }
    for (const d of entries) {
      const path = rel === '' ? d.name : `${rel}/${d.name}`;
      const entryAbs = abs.endsWith('/') ? abs + d.name : `${abs}/${d.name}`;
      const isDir = d.isDir;
      const parent = parents[parents.length - 1];
      let skip = false;
      let includeInfo: boolean[] | undefined;
      let excludeInfo: boolean[] | undefined;
      if (include !== undefined) {
        const r = include.matchesUsingParentResults(path, parent?.include);
        includeInfo = r.info;
        if (!r.matched) {
          if (isDir && onlyPrefixIncludes) {
            const dirSlash = path + '/';
            if (!includeList.some((p) => !p.exclusion && (withoutTrailingGlob(p.text) + '/').startsWith(dirSlash))) continue;
          }
          skip = true;
        }
      }
      if (exclude !== undefined) {
        const r = exclude.matchesUsingParentResults(path, parent?.exclude);
        excludeInfo = r.info;
        if (r.matched) {
          if (isDir && onlyPrefixExcludeExceptions) {
            if (!exclude.exclusions) continue;
            const dirSlash = path + '/';
            if (!excludeList.some((p) => p.exclusion && (withoutTrailingGlob(p.text) + '/').startsWith(dirSlash))) continue;
          }
          skip = true;
        }
      }
      let entry: WalkEntry | undefined;
      if (!skip || isDir) {
        // (A name with kept bytes is reached by its bytes; @napi-rs/xattr takes
        // paths as UTF-8 text, so such a name is sent without its attributes.)
        const disk = diskPath(entryAbs);
        let st: BigIntStats;
        try {
          st = lstatSync(disk, { bigint: true });
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          if (err.code === 'ENOENT' || err.code === 'ENOTDIR') continue;
          throw new Error(`lstat ${entryAbs}: ${describeErrno(err)}`);
        }
        entry = { stat: statOf(path, st, inodes, () => keptBytesString(readlinkSync(disk, { encoding: 'buffer' }))), abs: entryAbs };
        if (x !== null && typeof disk === 'string') {
          const attrs = loadXattrs(entryAbs, x);
          if (attrs !== undefined) entry.stat.xattrs = attrs;
        }
      }
      if (!skip && entry !== undefined) {
        if (openChecked && isRegular(entry.stat.mode ?? 0) && !opens(path)) entry.refusedByOpen = true;
        for (const p of parents) {
          if (p.called) continue;
          p.called = true;
          yield p.entry;
        }
        yield entry;
      }
      if (isDir && entry !== undefined) {
        parents.push({ include: includeInfo, exclude: excludeInfo, entry, called: !skip });
        yield* dir(path, entryAbs);
        parents.pop();
      }
    }
    yield null;
  }
  yield* dir('', root);
}

