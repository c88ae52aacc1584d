// What the formatter's safety tests compare between a Dockerfile and its
// formatted copy: the op digests and image configs it converts to (one per
// platform; source locations, descriptions and progress names aside, since
// they quote the instruction text and its lines), or the error it fails
// with; and its build-check findings with their lines mapped through the
// formatter's line map.
import { createHash } from 'node:crypto';
import { convertDockerfile, marshalImage, normalizePlatform, parsePlatform } from '../../src/dockerfile/convert/index.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { lintDockerfile } from '../../src/dockerfile/convert/index.ts';
import { type LintResult } from '../../src/dockerfile/lint/index.ts';
import { decodeMessage } from '../../src/llb/index.ts';
import { Definition as DefinitionDesc } from '../../src/gen/pb.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';
import { frontendLikeOptions, type CaseArgs } from '../convert/frontend-like.ts';
import { parseOptionLine } from '../convert/fuzz/generate.ts';

export interface BuildCase extends CaseArgs {
  platforms: string[];
}

/** Options from a `# parity:` line (convert corpus) and a `# lint-args:` line (lint corpus). */
export function caseArgs(text: string): BuildCase {
  const parity = parseOptionLine(text, '# parity:');
  const lint = parseOptionLine(text, '# lint-args:');
  return { ...parity, ...lint, buildArgs: { ...parity.buildArgs, ...lint.buildArgs }, opts: { ...parity.opts, ...lint.opts }, platforms: lint.platforms.length > 0 ? lint.platforms : parity.platforms };
}

/** Some error messages also name their line (`... on line 5: ...`). */
function mapLines(message: string, lineOf: (line: number) => number): string {
  return message.replace(/on line (\d+)/g, (_, l: string) => `on line ${lineOf(Number(l))}`);
}

function opDigests(def: Uint8Array): string[] {
  const d = decodeMessage(DefinitionDesc as never, def) as { def?: Uint8Array[] };
  return (d.def ?? []).map((b) => 'sha256:' + createHash('sha256').update(b).digest('hex'));
}

/** The build as comparable text: op digests and image config per platform, or the error. */
export async function buildSummary(text: Uint8Array, a: BuildCase, resolver: ImageResolver, lineOf: (line: number) => number = (l) => l): Promise<string> {
  const out: string[] = [];
  try {
    const base = frontendLikeOptions(a, resolver);
    // The target platforms as the frontend reads its `platform` option (parsed, normalized; an error is the build's).
    const platforms = base.targetPlatforms.length > 0 ? base.targetPlatforms : [undefined];
    for (const p of platforms) {
      const res = await convertDockerfile(text, { ...base, targetPlatform: p, multiPlatformRequested: platforms.length > 1 });
      out.push(opDigests(res.state.marshal().encode()).join('\n'), marshalImage(res.image));
    }
  } catch (err) {
    const line = err instanceof DockerfileError ? lineOf(err.line) : 0;
    out.push(`error at ${line}: ${mapLines(err instanceof Error ? err.message : String(err), lineOf)}`);
  }
  return out.join('\n');
}

/** Build-check findings as lines `Rule @lines detail`, lines mapped with `lineOf`. */
export async function lintSummary(text: Uint8Array, a: BuildCase, resolver: ImageResolver, lineOf: (line: number) => number = (l) => l): Promise<string[]> {
  let r: LintResult;
  try {
    r = await lintDockerfile(text, {
      buildArgs: a.buildArgs,
      target: a.target,
      targetPlatform: a.platforms.length === 1 ? normalizePlatform(parsePlatform(a.platforms[0])) : undefined,
      imageResolver: resolver,
    });
  } catch (err) {
    return [`lint failed: ${(err as Error).message}`];
  }
  const ranges = (loc: LintResult['warnings'][number]['location']): string =>
    (loc?.ranges ?? []).map((x) => `${lineOf(x.start.line)}-${lineOf(x.end.line)}`).join(',');
  const out = r.warnings.map((w) => `${w.ruleName} @${ranges(w.location)} ${w.detail ?? ''}`);
  if (r.buildError) out.push(`error @${ranges(r.buildError.location)} ${mapLines(r.buildError.message, lineOf)}`);
  return out;
}
