import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { IncludeReader } from '../dockerfile/convert/types.ts';
import type { ImageResolver } from '../registry/resolver.ts';
import type { Platform } from '../dockerfile/convert/index.ts';
import { parseConfig, type FrontendConfig } from '../dockerui/index.ts';
import { channels, type Channel } from '../dockerfile/channel.ts';
import { CliError } from './error.ts';
import { parseGoBool } from '../go/strconv.ts';
import { describeErrno } from '../go/os.ts';

export { CliError } from './error.ts';

export interface Command {
  usage: string;
  run(args: string[]): Promise<number> | number;
}

/** Reads FILE, or standard input for `-`. */
export function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    throw new CliError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : describeErrno(err as NodeJS.ErrnoException)}`);
  }
}

/**
 * A Dockerfile as the frontend reads one: FILE, or - for standard input; a
 * file named Dockerfile that does not exist falls back to dockerfile in the
 * same directory, as the frontend falls back when it reads its default name.
 */
export function readDockerfile(file: string): Buffer {
  if (file !== '-' && basename(file) === 'Dockerfile' && !existsSync(file)) {
    const lower = join(dirname(file), 'dockerfile');
    if (existsSync(lower)) return readInput(lower);
  }
  return readInput(file);
}

/**
 * Runs a `node:util` parseArgs call for a command, turning its errors (unknown
 * option, missing value) into a usage error.
 */
export function parseCommandLine<R>(cmd: string, usage: string, parse: () => R): R {
  try {
    return parse();
  } catch (err) {
    throw new CliError(`${cmd}: ${(err as Error).message}\n\n${usage}`, 2);
  }
}

/** `K=V` values of a repeatable option, in order (later ones win). */
export function keyValues(cmd: string, flag: string, values: string[] | undefined, bare: 'error' | 'env' | 'empty' = 'error'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const j = v.indexOf('=');
    if (j < 0 && bare === 'error') throw new CliError(`${cmd}: ${flag} expects K=V, got "${v}"`, 2);
    const k = j < 0 ? v : v.slice(0, j);
    if (k === '') throw new CliError(`${cmd}: ${flag}: invalid key-value pair "${v}": empty key`, 2);
    if (j >= 0) out[k] = v.slice(j + 1);
    else if (bare === 'empty') out[k] = '';
    else if (process.env[k] !== undefined) out[k] = process.env[k];
  }
  return out;
}

/**
 * `--build-arg` values as docker build and buildx read them: K=V, or K alone
 * for the value of the environment variable K (left out when K is not set).
 */
export const buildArgValues = (cmd: string, values: string[] | undefined): Record<string, string> => keyValues(cmd, '--build-arg', values, 'env');

/** `--label` values as docker build and buildx read them: K=V, or K alone for an empty value. */
export const labelValues = (cmd: string, values: string[] | undefined): Record<string, string> => keyValues(cmd, '--label', values, 'empty');

/** The `--channel stable|labs` option every Dockerfile command takes (default stable). */
export const channelUsage = '  --channel stable|labs   the syntax channel (default stable; labs: docs/labs.md)\n';

export function channelOption(cmd: string, value: string | undefined): Channel {
  return oneOf(cmd, '--channel', value, channels, 'stable');
}

/** Checks an option's value against its allowed values. */
export function oneOf<T extends string>(cmd: string, flag: string, value: string | undefined, allowed: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${cmd}: unknown ${flag.replace(/^--/, '')} "${value}"`, 2);
  return value as T;
}

/**
 * Stands in for a registry when no --image-metadata is given: every base
 * image is an empty image of exactly the platform asked for, so
 * InvalidBaseImagePlatform cannot fire and base images add no ENV (lint,
 * outline).
 */
export const placeholderResolver: ImageResolver = {
  resolve(ref, opts) {
    const config = {
      architecture: opts.platform.architecture,
      os: opts.platform.os,
      ...(opts.platform.variant ? { variant: opts.platform.variant } : {}),
      config: {},
      rootfs: { type: 'layers', diff_ids: ['sha256:' + '0'.repeat(64)] },
    };
    return Promise.resolve({ ref, digest: '', config: new TextEncoder().encode(JSON.stringify(config)) });
  },
};
/** What the converting commands take from their flags, as frontend options would carry it. */
export interface BuildFlags {
  target?: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  /** Target platforms, as the command parsed them (the first is converted). */
  platforms?: Platform[];
  /** The Dockerfile's name in source locations. */
  filename?: string;
  /** The syntax channel (--channel). */
  channel?: Channel;
  /** `image-resolve-mode` (default, pull, local). */
  imageResolveMode?: string;
}

/**
 * The frontend config of a command's flags (dockerui's parseConfig over the
 * options the gateway would get for them); an option error is the command's.
 */
export function flagsConfig(cmd: string, f: BuildFlags): FrontendConfig {
  const opts = new Map<string, string>();
  if (f.target !== undefined) opts.set('target', f.target);
  if (f.filename !== undefined) opts.set('filename', f.filename);
  if (f.imageResolveMode !== undefined) opts.set('image-resolve-mode', f.imageResolveMode);
  for (const [k, v] of Object.entries(f.buildArgs ?? {})) opts.set(`build-arg:${k}`, v);
  for (const [k, v] of Object.entries(f.labels ?? {})) opts.set(`label:${k}`, v);
  let cfg: FrontendConfig;
  try {
    cfg = parseConfig(opts, undefined, f.channel);
  } catch (err) {
    throw new CliError(`${cmd}: ${(err as Error).message}`);
  }
  const platforms = f.platforms ?? [];
  if (platforms.length > 0) {
    // parseConfig's check with the platforms it did not see: BUILDKIT_MULTI_PLATFORM=0 and several.
    if (platforms.length > 1 && parseGoBool(f.buildArgs?.BUILDKIT_MULTI_PLATFORM ?? '') === false) {
      throw new CliError(`${cmd}: conflicting config: returning multiple target platforms is not allowed`);
    }
    cfg.targetPlatforms = platforms;
    cfg.multiPlatform ||= platforms.length > 1;
  }
  return cfg;
}

/**
 * The CLI's reader of the files INCLUDE names (labs): from the disk, relative
 * to the Dockerfile's directory (the current directory for standard input).
 */
export function includeReader(file: string): IncludeReader {
  const dir = file === '-' ? '.' : dirname(file);
  return (path) => {
    try {
      return Promise.resolve(readFileSync(join(dir, path)));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return Promise.resolve(undefined);
      // As Go's *os.PathError words it (a directory: `read dir: is a directory`, not Node's EISDIR text).
      const e = err as NodeJS.ErrnoException;
      if (code !== undefined) return Promise.reject(new Error(`${e.syscall ?? 'open'} ${e.path ?? join(dir, path)}: ${describeErrno(e)}`));
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };
}

/**
 * The .dockerignore of a command's build context: the one named, else
 * FILE.dockerignore or .dockerignore beside the Dockerfile (the context taken
 * to be the Dockerfile's directory), as the frontend prefers
 * <Dockerfile>.dockerignore to the context's .dockerignore.
 */
export function dockerignoreFile(cmd: string, file: string, explicit: string | undefined): Uint8Array | undefined {
  const candidates = explicit !== undefined ? [explicit] : file === '-' ? [] : [file + '.dockerignore', join(dirname(file), '.dockerignore')];
  for (const c of candidates) {
    if (explicit !== undefined || existsSync(c)) {
      try {
        return readFileSync(c);
      } catch (err) {
        throw new CliError(`${cmd}: ${c}: ${describeErrno(err as NodeJS.ErrnoException)}`);
      }
    }
  }
  return undefined;
}
