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
    args: stageArgs(target, sources).sort(byLine),
    secrets: mounts(target, 'secrets', sources).sort(byLine),
    ssh: mounts(target, 'ssh', sources).sort(byLine),
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
 * walked once here. The walk keeps its own stack: chains of stages can be
 * deeper than the JavaScript stack.
 */
function walkOrder(target: DispatchedStage): DispatchedStage[] {
  const order: DispatchedStage[] = [];
  const seen = new Set<DispatchedStage>();
  const stack = [target];
  while (stack.length > 0) {
    const ds = stack.pop()!;
    if (seen.has(ds)) continue;
    seen.add(ds);
    order.push(ds);
    const deps = [...ds.deps.keys()];
    for (let i = deps.length - 1; i >= 0; i--) stack.push(deps[i]!);
    if (ds.imported !== undefined) stack.push(ds.imported);
    if (ds.base !== undefined) stack.push(ds.base);
  }
  return order;
}

/** The args the stages use (and the args their defaults read), each name once. */
function stageArgs(target: DispatchedStage, sources: SourceList): OutlineArg[] {
  const visited = new Set<string>();
  const out: OutlineArg[] = [];
  for (const ds of walkOrder(target)) {
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
function mounts(target: DispatchedStage, kind: 'secrets' | 'ssh', sources: SourceList): OutlineSecret[] {
  const visited = new Set<string>();
  const out: OutlineSecret[] = [];
  for (const ds of walkOrder(target)) {
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
