// The converter options our gateway frontend would pass for a parity case,
// with the oracle's fixed session and build platform: shared by the corpus
// parity test and the differential fuzzer so both convert the same way.
import { readFileSync } from 'node:fs';
import { DEFAULT_PLATFORM, namedContextOptions, type ConvertOptions } from '../../src/dockerfile/convert/index.ts';
import { readIgnoreFile } from '../../src/dockerfile/lint/ignore.ts';
import { configConvertOptions, parseConfig } from '../../src/frontend/dockerfile.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';

export interface CaseArgs {
  buildArgs: Record<string, string>;
  target?: string;
  opts: Record<string, string>;
  /** Path of the context's .dockerignore, if any. */
  dockerignore?: string;
}

/**
 * Options for every platform of a case (the caller adds targetPlatform,
 * multiPlatformRequested and lintWarn). Throws the frontend's own option
 * errors, as dockerui's Client.init does.
 */
export function frontendLikeOptions(a: CaseArgs, imageResolver: ImageResolver): ConvertOptions {
  const ignore = a.dockerignore === undefined ? undefined : readFileSync(a.dockerignore);
  const excludes = ignore === undefined ? [] : readIgnoreFile(ignore.toString('utf8'));
  const env = new Map(Object.entries(a.opts));
  for (const [k, v] of Object.entries(a.buildArgs)) env.set(`build-arg:${k}`, v);
  const fromOpts = configConvertOptions(parseConfig({ opts: env, sessionId: 'oracle-session', product: '', workers: [] }));
  return {
    ...fromOpts,
    target: a.target,
    buildArgs: a.buildArgs,
    buildPlatforms: [DEFAULT_PLATFORM],
    imageResolver,
    sessionId: 'oracle-session',
    excludePatterns: excludes.length > 0 ? excludes : undefined,
    ...namedContextOptions(a.opts),
    // The oracle answers every local source with the same files.
    contextHooks: { readLocalFile: async (_st, name) => (name === '.dockerignore' ? ignore : undefined) },
  };
}
