// The build parameters a target uses (upstream's Dockerfile2Outline): the
// Dockerfile is converted as for a build, and the outline is read from what
// the conversion recorded on the target stage, the stage it builds on and
// the stages it reads from (convert/outline-capture.ts): the build args they
// use, with values and doc comments, and the secrets and SSH sockets their
// RUN mounts ask for. Every conversion error is the outline's error, and
// build-check findings go to the caller's lintWarn.

import type { Outline, OutlineArg, OutlineSecret } from '../../subrequests/outline.ts';
import { SourceList } from '../../subrequests/types.ts';
import { convertDockerfile, stagesDepthFirst, type ConvertOptions, type DispatchedStage } from '../convert/index.ts';

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
  const stages = walkOrder(target);
  return {
    name: target.stage.name,
    description: target.stage.docComment,
    args: stageArgs(stages, sources).sort(byLine),
    secrets: mounts(stages, 'secrets', sources).sort(byLine),
    ssh: mounts(stages, 'ssh', sources).sort(byLine),
    cache: [],
    sources: sources.sources,
  };
}

/**
 * The stages from `target` in the order upstream's outline walks them: each
 * stage, then its base's walk, the imported stage's, then each dependency's.
 * Upstream walks a stage again on every path that reaches it (a diamond of
 * stages twice, a ladder of them exponentially often); a second walk adds
 * nothing (every name it finds was taken the first time), so each stage is
 * walked once here.
 */
function walkOrder(target: DispatchedStage): Set<DispatchedStage> {
  return stagesDepthFirst(target, (ds) => {
    const next: DispatchedStage[] = [];
    if (ds.base !== undefined) next.push(ds.base);
    if (ds.imported !== undefined) next.push(ds.imported);
    for (const d of ds.deps.keys()) next.push(d);
    return next;
  });
}

/** The args the stages use (and the args their defaults read), each name once. */
function stageArgs(stages: Iterable<DispatchedStage>, sources: SourceList): OutlineArg[] {
  const visited = new Set<string>();
  const out: OutlineArg[] = [];
  for (const ds of stages) {
    const c = ds.outline;
    c.markAllUsed(c.usedArgs, new Set());
    for (const k of c.usedArgs) {
      const a = c.allArgs.get(k);
      if (a === undefined || visited.has(k)) continue;
      out.push({ name: a.key, description: a.docComment, value: a.value, location: sources.location(a.location ? [a.location] : []) });
      visited.add(k);
    }
  }
  return out;
}

/** The secrets or SSH sockets the stages mount, each id once. */
function mounts(stages: Iterable<DispatchedStage>, kind: 'secrets' | 'ssh', sources: SourceList): OutlineSecret[] {
  const visited = new Set<string>();
  const out: OutlineSecret[] = [];
  for (const ds of stages) {
    for (const [k, v] of ds.outline[kind]) {
      if (visited.has(k)) continue;
      out.push({ name: k, required: v.required, location: sources.location(v.location ? [v.location] : []) });
      visited.add(k);
    }
  }
  return out;
}

// An included file's entries (labs INCLUDE) follow the Dockerfile's.
const byLine = <T extends { location?: { sourceIndex?: number; ranges: { start: { line: number } }[] } }>(a: T, b: T): number =>
  (a.location?.sourceIndex ?? 0) - (b.location?.sourceIndex ?? 0) || (a.location?.ranges[0]?.start.line ?? 0) - (b.location?.ranges[0]?.start.line ?? 0);
