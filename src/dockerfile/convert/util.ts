// Small shared helpers of the converter.

import type * as llb from '../../llb/index.ts';
import { DockerfileError, type LineRange, type SourceFile } from '../errors.ts';
import { SourceMap as SourceMapCtor } from '../../llb/sourcemap.ts';
import { ShellLex } from '../shell/index.ts';
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
  return [(r.file === undefined ? sm : includedSourceMap(sm, r.file)).location(ranges)];
}

const includedMaps = new WeakMap<SourceFile, llb.SourceMap>();

/**
 * An included file's own source map (labs INCLUDE): its name and bytes, so
 * BuildKit's error snippets show its lines; loaded by the Dockerfile's source.
 */
function includedSourceMap(sm: llb.SourceMap, file: SourceFile): llb.SourceMap {
  let m = includedMaps.get(file);
  if (m === undefined) {
    m = new SourceMapCtor(file.name, sm.language, file.data, sm.state, sm.definition);
    includedMaps.set(file, m);
  }
  return m;
}

const lexers = new Map<string, ShellLex>();

/** The lexer for an instruction at `r`: `base` unless it is in an included file with another escape character. */
export function lexFor(base: ShellLex, r: LineRange | undefined): ShellLex {
  const esc = r?.file?.escapeToken;
  if (esc === undefined || esc === base.escapeToken) return base;
  let l = lexers.get(esc);
  if (l === undefined) {
    l = new ShellLex(esc === '`' ? '`' : '\\');
    lexers.set(esc, l);
  }
  return l;
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
