// Paths as the target OS reads them: BuildKit's util/system path rules, which
// the Dockerfile frontend applies to WORKDIR and to COPY/ADD paths. For any OS
// but Windows a path is a slash path. For Windows both `\` and `/` separate,
// a drive letter is allowed only for the system drive C: and is dropped, UNC
// paths are refused, and the result is a slash path; only the image config's
// WorkingDir goes back to backslashes. The frontend runs on Linux, so nothing
// here depends on the OS this code runs on.

import { cleanPath, isAbsPath, joinPath } from '../go/path.ts';
import { goQuote } from '../go/strconv.ts';
import { bytesOf } from '../go/kept-bytes.ts';

/** `\` -> `/` for Windows paths; other OSes' paths are returned as they are. */
export function toSlash(p: string, os: string): string {
  return os === 'windows' ? p.replaceAll('\\', '/') : p;
}

/** `/` -> `\` for Windows paths; other OSes' paths are returned as they are. */
export function fromSlash(p: string, os: string): string {
  return os === 'windows' ? p.replaceAll('/', '\\') : p;
}

/**
 * Drops the drive letter of a Windows path (only C:, any case, is accepted)
 * and cleans it into a slash path, keeping a trailing separator when
 * `keepSlash`. `C:` alone, UNC paths (`\\host\share`, `//host`) and paths on
 * other drives are errors; so is any colon whose prefix is not `c`, as
 * upstream splits at the first colon. Other OSes' paths are returned as they are.
 */
export function removeDriveLetter(p: string, os: string, keepSlash: boolean): string {
  if (os !== 'windows') return p;
  // Two bytes, as Go counts them: `é:` is three, and goes on to the drive check.
  if (p.length === 2 && p[1] === ':' && bytesOf(p).length === 2) throw new Error(`No relative path specified in ${goQuote(p)}`);
  if (p.length >= 2 && toSlash(p.slice(0, 2), os) === '//') throw new Error('UNC paths are not supported');
  const colon = p.indexOf(':');
  if (colon < 0) return cleanKeepingSlash(p, keepSlash);
  if (p.slice(0, colon).toLowerCase() !== 'c') throw new Error('The specified path is not on the system drive (C:)');
  // `C:rel` is relative to the drive's current directory: kept relative.
  return cleanKeepingSlash(p.slice(colon + 1), keepSlash);
}

// Go's path.Clean over the slash form, with a trailing separator kept on
// request (a Windows path's own `\` counts, as it is a slash by now) when the
// cleaned path is over one byte long, as Go counts: `ß\` keeps it, `x\` not.
function cleanKeepingSlash(p: string, keepSlash: boolean): string {
  const slashed = p.replaceAll('\\', '/');
  const cleaned = cleanPath(slashed);
  if (keepSlash && slashed.endsWith('/') && (cleaned.length > 1 || bytesOf(cleaned).length > 1)) return cleaned + '/';
  return cleaned;
}

/**
 * Whether a path is absolute inside the target's root filesystem: for Windows
 * after the drive letter is dropped (`C:\x` and `\x` are, `C:x` is not, and a
 * path refused by removeDriveLetter is not).
 */
export function isAbsFor(p: string, os: string): boolean {
  if (os !== 'windows') return isAbsPath(p);
  let cleaned: string;
  try {
    cleaned = removeDriveLetter(p, os, false);
  } catch {
    return false;
  }
  return isAbsPath(cleaned);
}

/**
 * BuildKit's system.NormalizePath: an absolute slash path (drive letter
 * removed on Windows), `newPath` joined to `parent` when relative, "" meaning
 * `parent`; with `keepSlash`, a trailing `/` or `/.` of `newPath` is kept.
 * Errors carry upstream's "removing drive letter: " prefix.
 */
export function normalizePathFor(parent: string, newPath: string, os: string, keepSlash: boolean): string {
  newPath = toSlash(newPath, os);
  parent = toSlash(parent, os);
  const orig = newPath;
  if (parent === '') parent = '/';
  parent = withDrivePrefix(() => removeDriveLetter(parent, os, keepSlash));
  if (!isAbsFor(parent, os)) parent = joinPath('/', parent);
  if (newPath === '') newPath = parent;
  newPath = withDrivePrefix(() => removeDriveLetter(newPath, os, keepSlash));
  if (!isAbsFor(newPath, os)) newPath = joinPath(parent, newPath);
  if (keepSlash) {
    if (orig.endsWith('/') && !newPath.endsWith('/')) {
      newPath += '/';
    } else if (orig.endsWith('/.')) {
      if (newPath !== '/') newPath += '/';
      newPath += '.';
    }
  }
  return toSlash(newPath, os);
}

/**
 * The image config's WorkingDir after `WORKDIR wd` over `current`: normalized
 * as normalizePathFor does, with the target's separator (`\x\y` and `\` on
 * Windows).
 */
export function normalizeWorkdir(current: string, wd: string, os: string): string {
  let p: string;
  try {
    p = normalizePathFor(current, wd, os, false);
  } catch (err) {
    throw new Error(`normalizing working directory: ${(err as Error).message}`);
  }
  return fromSlash(p, os);
}

/** Runs `f`, prefixing the message of its error with "removing drive letter: ". */
export function withDrivePrefix<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new Error(`removing drive letter: ${(err as Error).message}`);
  }
}
