// Build checks for one Dockerfile, as the `frontend.lint` subrequest
// (`docker build --call check`) runs them (upstream's dockerfile2llb
// DockerfileLint): a full conversion of every stage (or of the target's
// stages), collecting findings instead of printing them.

import { convertDockerfile } from './convert.ts';
import type { ConvertOptions } from './types.ts';
import { DockerfileError, type LineRange } from '../errors.ts';
import { buildArgCheckConfig } from '../lint/config.ts';
import { perLine } from '../lint/linter.ts';
import { mergeRanges, sourceIndexOf, toJsonLocation, type LintResult } from '../lint/results.ts';

export type LintOptions = Omit<ConvertOptions, 'lintWarn' | 'checkConfig' | 'allStages'>;

/**
 * Lints a Dockerfile. A build that fails is reported as `buildError`; only a
 * bad BUILDKIT_DOCKERFILE_CHECK build arg throws (upstream rejects the whole
 * request before linting).
 */
export async function lintDockerfile(text: string | Uint8Array, opt: LintOptions = {}): Promise<LintResult> {
  const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const checkConfig = buildArgCheckConfig(opt.buildArgs);
  const result: LintResult = {
    warnings: [],
    sources: [{ filename: opt.filename ?? 'Dockerfile', data: Buffer.from(data).toString('base64'), language: 'Dockerfile' }],
  };
  const sourceIndex = (ranges: readonly LineRange[]): number => sourceIndexOf(result, ranges);
  try {
    await convertDockerfile(data, {
      ...opt,
      // For lint, no target means every stage.
      allStages: !opt.target,
      checkConfig,
      lintWarn: (ruleName, description, url, detail, ranges) => {
        result.warnings.push({ ruleName, description, ...(url ? { url } : {}), detail, location: toJsonLocation(sourceIndex(ranges), ranges) });
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Only the locations in the file of the first one (an error in an included file is reported there).
    const all = err instanceof DockerfileError ? err.ranges : [];
    const ranges = mergeRanges(all.filter((r) => r.file === all[0].file).flatMap(perLine));
    result.buildError = { message, location: toJsonLocation(sourceIndex(all), ranges) };
  }
  return result;
}
