// The build parameters a target uses (upstream's Dockerfile2Outline): the
// Dockerfile is converted as for a build, and the outline is read from what
// the conversion recorded on the target stage, the stage it builds on and
// the stages it reads from (convert/outline-capture.ts): the build args they
// use, with values and doc comments, and the secrets and SSH sockets their
// RUN mounts ask for. Every conversion error is the outline's error, and
// build-check findings go to the caller's lintWarn.

import type { Outline, OutlineArg, OutlineSecret } from '../../subrequests/outline.ts';
import { SourceList } from '../../subrequests/types.ts';
import { convertDockerfile, type ConvertOptions, type DispatchedStage } from '../convert/index.ts';

/**
 * The outline of the target of a conversion with these options (upstream's
 * subrequests leave the target platform implicit). Throws DockerfileError
 * for bad input.
 */
export async function computeOutline(dockerfile: Uint8Array, opt: ConvertOptions = {}): Promise<Outline> {
  // Upstream's builder always passes a Warn, so build checks always run.
  const { target } = await convertDockerfile(dockerfile, { ...opt, lintWarn: opt.lintWarn ?? ((): void => {}) });
  // Args and secrets of included files (labs INCLUDE) point into them: they follow the Dockerfile in sources.
  const sources = new SourceList(dockerfile);
  return {
    name: target.stage.name,
    description: target.stage.docComment,
    args: stageArgs(target, new Set(), sources).sort(byLine),
    secrets: mounts(target, 'secrets', new Set(), sources).sort(byLine),
    ssh: mounts(target, 'ssh', new Set(), sources).sort(byLine),
    cache: [],
    sources: sources.sources,
  };
}

/** The args a stage uses (and the args their defaults read), then its base's, then its dependencies', each name once. */
function stageArgs(ds: DispatchedStage, visited: Set<string>, sources: SourceList): OutlineArg[] {
  const c = ds.outline;
  c.markAllUsed(c.usedArgs, new Set());
  const out: OutlineArg[] = [];
  for (const k of c.usedArgs) {
    const a = c.allArgs.get(k);
    if (a === undefined || visited.has(k)) continue;
    out.push({ name: a.key, description: a.docComment, value: a.value, location: sources.location(a.location ? [a.location] : []) });
    visited.add(k);
  }
  if (ds.base !== undefined) out.push(...stageArgs(ds.base, visited, sources));
  if (ds.imported !== undefined) out.push(...stageArgs(ds.imported, visited, sources));
  for (const d of ds.deps.keys()) out.push(...stageArgs(d, visited, sources));
  return out;
}

/** The secrets or SSH sockets a stage mounts, then its base's, then its dependencies', each id once. */
function mounts(ds: DispatchedStage, kind: 'secrets' | 'ssh', visited: Set<string>, sources: SourceList): OutlineSecret[] {
  const out: OutlineSecret[] = [];
  for (const [k, v] of ds.outline[kind]) {
    if (visited.has(k)) continue;
    out.push({ name: k, required: v.required, location: sources.location(v.location ? [v.location] : []) });
    visited.add(k);
  }
  if (ds.base !== undefined) out.push(...mounts(ds.base, kind, visited, sources));
  if (ds.imported !== undefined) out.push(...mounts(ds.imported, kind, visited, sources));
  for (const d of ds.deps.keys()) out.push(...mounts(d, kind, visited, sources));
  return out;
}

// An included file's entries (labs INCLUDE) follow the Dockerfile's.
const byLine = <T extends { location?: { sourceIndex?: number; ranges: { start: { line: number } }[] } }>(a: T, b: T): number =>
  (a.location?.sourceIndex ?? 0) - (b.location?.sourceIndex ?? 0) || (a.location?.ranges[0]?.start.line ?? 0) - (b.location?.ranges[0]?.start.line ?? 0);
