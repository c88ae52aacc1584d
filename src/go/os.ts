// Go's os package where Node.js differs: MkdirAll (Node.js's recursive
// mkdirSync loops for ever where mkdir answers ENOENT under an existing
// directory, as under /proc) and errors printed as *os.PathError prints them.
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * os.MkdirAll: the directory and any parents it lacks. Node's own recursive
 * mkdirSync loops for ever where mkdir answers ENOENT though the parent
 * exists (under /proc, say); this one fails as Go's does. Errors keep
 * Node's code, syscall and path (goFsError prints them as Go does).
 */
export function mkdirAll(path: string | Buffer, mode = 0o777): void {
  const text = typeof path === 'string' ? path : path.toString('latin1');
  try {
    if (statSync(path).isDirectory()) return;
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${text}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: text });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const trimmed = typeof path === 'string' ? path.replace(/\/+$/, '') : path;
  const parent = typeof trimmed === 'string' ? dirname(trimmed) : Buffer.from(dirname(trimmed.toString('latin1')), 'latin1');
  if (parent.length > 0 && parent.toString() !== trimmed.toString() && parent.toString() !== '.') mkdirAll(parent, mode);
  try {
    mkdirSync(path, { mode });
  } catch (e) {
    try {
      if (lstatSync(path).isDirectory()) return;
    } catch {
      // not there: the mkdir error it is
    }
    throw e;
  }
}

/** A failed file system call as Go's *os.PathError prints it (`open PATH: no such file or directory`). */
export function goFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.syscall !== undefined && err.path !== undefined ? `${err.syscall} ${err.path}: ${describeErrno(err)}` : String(err.message);
}

/** A system error's text as Go's syscall.Errno prints it. */
export function describeErrno(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EACCES': return 'permission denied';
    case 'ENOENT': return 'no such file or directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EPERM': return 'operation not permitted';
    case 'EEXIST': return 'file exists';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'EISDIR': return 'is a directory';
    default: return err.message;
  }
}
