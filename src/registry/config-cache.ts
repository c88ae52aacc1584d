// An on-disk cache of image configs for the CLI, so a Dockerfile converted
// again asks the registry for its tags only (a digest-pinned FROM not at
// all), and `--resolve-mode local` or an unreachable registry can still use
// what was resolved before. Layout under the directory:
//   blobs/sha256/<hex>               a config, by its own digest (checked on read)
//   configs/<hex>/<platform>         the config digest chosen for that platform
//                                    in the manifest or index <hex>
//   refs/<sha256 of "ref platform">  {"ref","platform","digest","config"}: what a
//                                    reference last resolved to
// Files are written to a temporary name and renamed, so concurrent processes
// see whole files or none. An unreadable or mismatching entry is a miss.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirAll } from '../go/os.ts';
import { sha256Digest, validateDigest, verifyDigest } from './digest.ts';

/** Configs by the digest a reference resolved to and the platform (formatPlatformAll). */
export interface ConfigCache {
  get(digest: string, platform: string): Uint8Array | undefined;
  put(digest: string, platform: string, config: Uint8Array): void;
}

export interface CachedRef {
  digest: string;
  config: Uint8Array;
}

/** The default directory: $XDG_CACHE_HOME/dockerfile-llb/images (~/.cache/...). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME ?? homedir(), '.cache'), 'dockerfile-llb', 'images');
}

function hex(digest: string): string | undefined {
  return validateDigest(digest) === undefined && digest.startsWith('sha256:') ? digest.slice(7) : undefined;
}

export class DiskConfigCache implements ConfigCache {
  constructor(readonly dir: string) {}

  private read(path: string): Buffer | undefined {
    try {
      return readFileSync(join(this.dir, path));
    } catch {
      return undefined;
    }
  }

  private write(path: string, data: Uint8Array | string): void {
    const file = join(this.dir, path);
    try {
      mkdirAll(dirname(file));
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, data);
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written is only a slower run.
    }
  }

  private blob(digest: string): Uint8Array | undefined {
    const h = hex(digest);
    const data = h === undefined ? undefined : this.read(join('blobs', 'sha256', h));
    return data !== undefined && verifyDigest(data, digest) ? new Uint8Array(data) : undefined;
  }

  private putBlob(config: Uint8Array): string {
    const digest = sha256Digest(config);
    this.write(join('blobs', 'sha256', digest.slice(7)), config);
    return digest;
  }

  get(digest: string, platform: string): Uint8Array | undefined {
    const h = hex(digest);
    if (h === undefined) return undefined;
    const configDigest = this.read(join('configs', h, encodeURIComponent(platform)))?.toString('utf8');
    return configDigest === undefined ? undefined : this.blob(configDigest);
  }

  put(digest: string, platform: string, config: Uint8Array): void {
    const h = hex(digest);
    if (h === undefined) return;
    this.write(join('configs', h, encodeURIComponent(platform)), this.putBlob(config));
  }

  private refFile(ref: string, platform: string): string {
    return join('refs', createHash('sha256').update(`${ref} ${platform}`).digest('hex'));
  }

  /** What REF last resolved to for PLATFORM. */
  getRef(ref: string, platform: string): CachedRef | undefined {
    const data = this.read(this.refFile(ref, platform));
    if (data === undefined) return undefined;
    let entry: { ref?: unknown; platform?: unknown; digest?: unknown; config?: unknown };
    try {
      entry = JSON.parse(data.toString('utf8')) as typeof entry;
    } catch {
      return undefined;
    }
    if (entry.ref !== ref || entry.platform !== platform || typeof entry.digest !== 'string' || typeof entry.config !== 'string') return undefined;
    const config = this.blob(entry.config);
    return config === undefined ? undefined : { digest: entry.digest, config };
  }

  putRef(ref: string, platform: string, resolved: CachedRef): void {
    const config = this.putBlob(resolved.config);
    this.write(this.refFile(ref, platform), JSON.stringify({ ref, platform, digest: resolved.digest, config }));
  }
}
