// The converter options our gateway frontend would pass for a parity case,
// with the oracle's fixed session and build platform: shared by the corpus
// parity test and the differential fuzzer so both convert the same way.
import { readFileSync } from 'node:fs';
import type { ConvertOptions, Platform } from '../../src/dockerfile/convert/index.ts';
import { convertOptions, parseConfig } from '../../src/dockerui/index.ts';
import type { Channel } from '../../src/dockerfile/channel.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';

export interface CaseArgs {
  buildArgs: Record<string, string>;
  target?: string;
  opts: Record<string, string>;
  /** Target platforms (the oracle's --platform): the `platform` option, as the gateway gets them. */
  platforms?: string[];
  /** Path of the context's .dockerignore, if any. */
  dockerignore?: string;
  /** The syntax channel (the image's; default stable). */
  channel?: Channel;
}

/**
 * Options for every platform of a case (the caller sets targetPlatform,
 * multiPlatformRequested and lintWarn), with the target platforms the
 * `platform` option names. Throws the frontend's own option errors, as
 * dockerui's Client.init does.
 */
export function frontendLikeOptions(a: CaseArgs, imageResolver: ImageResolver): ConvertOptions & { targetPlatforms: Platform[] } {
  const ignore = a.dockerignore === undefined ? undefined : readFileSync(a.dockerignore);
  const opts = new Map(Object.entries(a.opts));
  for (const [k, v] of Object.entries(a.buildArgs)) opts.set(`build-arg:${k}`, v);
  if (a.target !== undefined) opts.set('target', a.target);
  if (a.platforms !== undefined && a.platforms.length > 0 && !opts.has('platform')) opts.set('platform', a.platforms.join(','));
  const cfg = parseConfig(opts, undefined, a.channel);
  return {
    ...convertOptions(
      cfg,
      // The oracle answers every local source with the same files.
      { resolver: imageResolver, readLocalFile: async (_st, name) => (name === '.dockerignore' ? ignore : undefined) },
      { sessionId: 'oracle-session', ignoreFile: ignore },
    ),
    targetPlatforms: cfg.targetPlatforms,
  };
}
