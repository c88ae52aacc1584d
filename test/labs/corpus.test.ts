// The labs channel on Dockerfiles that use none of this project's own labs
// features: it must convert and lint them exactly as upstream's labs build
// does (the labs oracle), as the stable channel matches upstream's stable
// build. Over the converter and lint corpora (their `# parity:` / `# lint-args:`
// options; the build checks of the lint corpus), one oracle process answering every file. A file where upstream
// refuses a variable in `COPY --from` or a mount's `from=` is the one place the
// channels part by design (stage-scoped args, docs/labs.md): counted apart,
// and that feature's own cases are in testdata/labs/ours.
// Printed as `labs corpus parity: N/M identical`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracleBatch } from '../oracle/oracle.ts';
import { convertDockerfile, marshalBuild, marshalImage } from '../../src/dockerfile/convert/index.ts';
import { lintDockerfile } from '../../src/dockerfile/convert/lint.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import type { LintResult } from '../../src/dockerfile/lint/index.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { corpus } from '../convert/fuzz/generate.ts';
import { frontendLikeOptions } from '../convert/frontend-like.ts';
import { compareBuilds, compareImageTexts } from '../convert/def-compare.ts';
import { tempDir } from '../tmp.ts';
import { labsByDesign } from './by-design.ts';

const metadataFile = join('testdata', 'convert', 'image-metadata.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;


interface OracleResult {
  def?: string;
  image?: unknown;
  imageText?: string;
  platforms?: { def: string; image: unknown; imageText: string }[];
  error?: { message: string; ranges: { start: { line: number } }[] };
}

type CaseArgs = ReturnType<typeof corpus>[number]['args'];

/** Conversion in the labs channel, per target platform as the frontend converts, against upstream's labs answer. */
async function compareConvert(text: Buffer, args: CaseArgs, up: OracleResult): Promise<string[]> {
  const defs: Uint8Array[] = [];
  const images: unknown[] = [];
  const imageTexts: string[] = [];
  let err: Error | undefined;
  try {
    const base = frontendLikeOptions({ ...args, channel: 'labs' }, resolver());
    for (const p of base.targetPlatforms.length > 0 ? base.targetPlatforms : [undefined]) {
      const res = await convertDockerfile(text, { ...base, targetPlatform: p });
      defs.push(marshalBuild(res.state).encode());
      imageTexts.push(marshalImage(res.image));
      images.push(JSON.parse(imageTexts[imageTexts.length - 1]!));
    }
  } catch (e) {
    err = e as Error;
  }
  if (up.error !== undefined) {
    const upLine = up.error.ranges[0]?.start.line ?? 0;
    const ourLine = err instanceof DockerfileError ? err.line : 0;
    if (err === undefined) return [`upstream fails with "${up.error.message}", ours succeeds`];
    if (err.message !== up.error.message || upLine !== ourLine) return [`error: ours "${err.message}" line ${ourLine}, upstream "${up.error.message}" line ${upLine}`];
    return [];
  }
  if (err !== undefined) return [`ours fails with "${err.message}", upstream succeeds`];
  const upDefs = up.platforms ? up.platforms.map((p) => p.def) : [up.def ?? ''];
  const upImages = up.platforms ? up.platforms.map((p) => p.image) : [up.image];
  const upTexts = up.platforms ? up.platforms.map((p) => p.imageText) : [up.imageText];
  return [...compareImageTexts(upTexts, imageTexts), ...compareBuilds(upDefs, upImages, defs, images)];
}

/** Build checks in the labs channel (rules, details, lines, the build error) against upstream's labs `--call check`. */
async function compareLint(text: Buffer, args: CaseArgs, up: LintResult): Promise<string[]> {
  const { targetPlatforms, ...options } = frontendLikeOptions({ ...args, channel: 'labs' }, resolver());
  const ours = await lintDockerfile(text, { ...options, targetPlatform: targetPlatforms[0] });
  const show = (r: LintResult): string =>
    JSON.stringify({
      warnings: (r.warnings ?? []).map((w) => [w.ruleName, w.detail, w.location?.ranges?.map((x) => x.start.line)]),
      error: r.buildError?.message,
      errorLine: r.buildError?.location?.ranges?.[0]?.start.line,
    });
  return show(up) === show(ours) ? [] : [`lint:\n  ours     ${show(ours)}\n  upstream ${show(up)}`];
}

let metadata: MetadataFileResolver | undefined;
const resolver = (): MetadataFileResolver => (metadata ??= MetadataFileResolver.fromFile(metadataFile));

test('labs corpus parity: the labs channel converts and lints the corpora as upstream\'s labs build', { skip }, async () => {
  const dir = tempDir('labs-corpus-');
  const files = corpus().map((c, i) => {
    const path = join(dir, `${i}.Dockerfile`);
    writeFileSync(path, c.text);
    return { ...c, path };
  });
  const flags = (a: (typeof files)[number]['args']): string[] => {
    const out: string[] = [];
    for (const [k, v] of Object.entries(a.buildArgs)) out.push('--build-arg', `${k}=${v}`);
    if (a.platforms.length > 0) out.push('--platform', a.platforms.join(','));
    if (a.target !== undefined) out.push('--target', a.target);
    for (const [k, v] of Object.entries(a.opts)) out.push('--opt', `${k}=${v}`);
    if (a.dockerignore !== undefined && existsSync(a.dockerignore)) out.push('--dockerignore', a.dockerignore);
    return out;
  };
  const answers = runOracleBatch(
    files.flatMap((f) => [
      { cmd: 'dockerfile2llb', args: ['-f', f.path, '--image-metadata', metadataFile, ...flags(f.args)] },
      { cmd: 'lint', args: ['-f', f.path, '--image-metadata', metadataFile, ...flags(f.args)] },
    ]),
    'labs',
  );
  const differing: string[] = [];
  let byDesign = 0;
  for (const [i, f] of files.entries()) {
    const up = JSON.parse(answers[2 * i]!) as OracleResult;
    const text = Buffer.from(f.text);
    // The converter corpus is converted; the lint corpus linted (its failing checks fail a build
    // in the frontend, around the converter).
    const diffs = f.name.startsWith('lint/') ? await compareLint(text, f.args, JSON.parse(answers[2 * i + 1]!) as LintResult) : await compareConvert(text, f.args, up);
    // Left out only where ours differs: an ONBUILD trigger's variable keeps upstream's error under labs too.
    if (diffs.length > 0 && up.error !== undefined && labsByDesign(up.error.message, f.text)) {
      byDesign++;
      continue;
    }
    if (diffs.length > 0) differing.push(`${f.name}:\n  ${diffs.join('\n  ')}`);
  }
  const compared = files.length - byDesign;
  console.log(`labs corpus parity: ${compared - differing.length}/${compared} identical (converted and linted; ${byDesign} files with a variable --from / from=, which labs accepts by design, left out)`);
  assert.deepEqual(differing, []);
  assert.ok(compared >= 300, `only ${compared} files compared`);
});
