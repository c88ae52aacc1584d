// Go's os package where Node.js differs: MkdirAll (Node.js's recursive
// mkdirSync loops for ever where mkdir answers ENOENT under an existing
// directory, as under /proc) and errors printed as *os.PathError prints them.
import { lstatSync, mkdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * os.MkdirAll: the directory and any parents it lacks. Node's own recursive
 * mkdirSync loops for ever where mkdir answers ENOENT though the parent
 * exists (under /proc, say); this one fails as Go's does. Errors keep
 * Node's code, syscall and path (goFsError prints them as Go does).
 */
export function mkdirAll(path: string | Buffer, mode = 0o777): void {
  // A Buffer path (a name that is no UTF-8) is walked as Latin-1 text: one character a byte.
  const bytes = typeof path !== 'string';
  const disk = (p: string): string | Buffer => (bytes ? Buffer.from(p, 'latin1') : p);
  const make = (p: string): void => {
    try {
      if (statSync(disk(p)).isDirectory()) return;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: p });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const parent = dirname(p.replace(/\/+$/, ''));
    if (parent !== p && parent !== '.') make(parent);
    try {
      mkdirSync(disk(p), { mode });
    } catch (e) {
      try {
        if (lstatSync(disk(p)).isDirectory()) return;
      } catch {
        // not there: the mkdir error it is
      }
      throw e;
    }
  };
  make(typeof path === 'string' ? path : path.toString('latin1'));
}

/**
 * os.Remove: the file, or the directory if it is empty. When both unlink and
 * rmdir fail, Go reports rmdir's error unless it is ENOTDIR (then the path is
 * a file, and unlink's error is the real one), with the operation "remove".
 */
export function goRemove(path: string): void {
  try {
    unlinkSync(path);
  } catch (unlinkErr) {
    try {
      rmdirSync(path);
    } catch (rmdirErr) {
      const err = ((rmdirErr as NodeJS.ErrnoException).code !== 'ENOTDIR' ? rmdirErr : unlinkErr) as NodeJS.ErrnoException;
      err.syscall = 'remove';
      err.path = path;
      throw err;
    }
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
    case 'ENOTEMPTY': return 'directory not empty';
    case 'ECONNREFUSED': return 'connection refused';
    case 'ETIMEDOUT': return 'connection timed out';
    case 'EHOSTUNREACH': return 'no route to host';
    default: return err.message;
  }
}
