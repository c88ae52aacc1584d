// Small shared helpers of the converter.

import type * as llb from '../../llb/index.ts';
import { DockerfileError, type LineRange } from '../errors.ts';
import type { EnvGetter } from '../shell/types.ts';

/** The image name that means no image (upstream's emptyImageName). */
export const EMPTY_IMAGE_NAME = 'scratch';

export const emptyEnv: EnvGetter = { get: () => undefined, keys: () => [] };

/** Source locations for an op: one range per line of the instruction, character 0, as upstream's node locations. */
export function locationOf(sm: llb.SourceMap, r: LineRange | undefined): llb.SourceLocation[] {
  // Upstream still records a location without ranges (e.g. images a RUN --mount pulls in).
  if (r === undefined) return [sm.location([])];
  const ranges: llb.Range[] = [];
  for (let line = r.start; line <= r.end; line++) ranges.push({ start: { line, character: 0 }, end: { line, character: 0 } });
  return [sm.location(ranges)];
}

/** `errors.Wrap(err, prefix)`: the message gets a prefix, the locations stay. */
export function wrapError(err: unknown, prefix: string): DockerfileError {
  const msg = err instanceof Error ? err.message : String(err);
  const ranges = err instanceof DockerfileError ? err.ranges : [];
  return new DockerfileError(`${prefix}: ${msg}`, ranges);
}

/** The description upstream attaches to ops it creates for an instruction. */
export function dfCmd(code: string): { description: Record<string, string> } {
  return { description: { 'com.docker.dockerfile.v1.command': code } };
}
