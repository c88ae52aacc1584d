// The build context's .dockerignore, as dockerui reads it: the file's
// patterns (moby/patternmatcher's ignorefile.ReadAll), and where they come
// from: `<Dockerfile>.dockerignore` when it stands beside the Dockerfile,
// else the context's own `.dockerignore`, read from the client only when the
// converter asks for the patterns (upstream's Client.DockerIgnorePatterns),
// so a build that fails earlier shows no `[internal] load .dockerignore` step.

import * as llb from '../llb/index.ts';
import type { State } from '../llb/index.ts';
import { cleanPath } from '../go/path.ts';
import { goTrimSpace } from '../go/strings.ts';
import { keptBytesString } from '../go/kept-bytes.ts';
import { DockerfileError } from '../dockerfile/errors.ts';

export const DOCKERIGNORE = '.dockerignore';

/** bufio.Scanner's largest token (MaxScanTokenSize): ignorefile.ReadAll fails on a longer line. */
const MAX_LINE = 64 * 1024;

/**
 * The patterns of a .dockerignore file, normalized as the build context
 * loader does. A line of 64 KiB or more (newline aside) fails as
 * ignorefile.ReadAll's bufio.Scanner fails, the error naming the file as
 * dockerui does (`name`).
 */
export function readIgnoreFile(data: Uint8Array | string, name = DOCKERIGNORE): string[] {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end - start >= MAX_LINE) throw new DockerfileError(`failed parsing ${name}: bufio.Scanner: token too long`);
    start = end + 1;
  }
  // Bytes that are no UTF-8 stay bytes (kept bytes), as in Go's strings: the
  // LLB's exclude patterns then hold \ufffd where Go's JSON writes it.
  const text = typeof data === 'string' ? data : keptBytesString(data);
  const out: string[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // One UTF-8 BOM is trimmed from the first line (a second stays).
    if (i === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    if (line.startsWith('#')) return;
    let pattern = goTrimSpace(line);
    if (pattern === '') return;
    const invert = pattern.startsWith('!');
    if (invert) pattern = goTrimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? '!' + pattern : pattern);
  });
  return out;
}

/**
 * Solves `st`, a local source following only `filename`, and reads that
 * file: undefined when it does not exist (or cannot be read). A failed solve
 * throws. The gateway solves through the daemon; offline callers read a
 * directory. `evaluate` asks the daemon to run the solve at once (a local
 * directory the client does not have then fails the solve, not a later step).
 */
export type LocalFileReader = (st: State, filename: string, opts?: { evaluate?: boolean }) => Promise<Uint8Array | undefined>;

/** The local source the context's .dockerignore is read from (upstream's dockerIgnorePatterns). */
export function contextIgnoreSource(localName: string, sessionId: string | undefined): State {
  return llb.local(localName, {
    sessionId,
    followPaths: [DOCKERIGNORE],
    sharedKeyHint: localName + '-' + DOCKERIGNORE,
    customName: '[internal] load ' + DOCKERIGNORE,
    differ: { type: 'none', required: false },
  });
}

/**
 * The build context's patterns, read at the first call and kept (every
 * platform of a build shares them): `<Dockerfile>.dockerignore` when given,
 * else the context's `.dockerignore` through `read`; undefined when there
 * are none.
 */
export function dockerIgnorePatterns(
  dockerfileIgnore: Uint8Array | undefined,
  read: () => Promise<Uint8Array | undefined>,
  /** The name errors give `dockerfileIgnore` (the gateway's `<Dockerfile>.dockerignore`). */
  dockerfileIgnoreName = DOCKERIGNORE,
): () => Promise<string[] | undefined> {
  let patterns: Promise<string[] | undefined> | undefined;
  return () => {
    patterns ??= (async () => {
      const data = dockerfileIgnore ?? (await read()) ?? new Uint8Array();
      const name = dockerfileIgnore !== undefined ? dockerfileIgnoreName : DOCKERIGNORE;
      return data.length === 0 ? undefined : readIgnoreFile(data, name);
    })();
    return patterns;
  };
}
