// `dockerfile-llb llb` as a user runs it (dist/dockerfile-llb.js), over the
// converter and Go-semantics corpora, against upstream's frontend (the
// oracle) given the same options as buildx would send them: the Dockerfile named by its base name,
// the .dockerignore named, the first target platform. The CLI reads its
// options its own way (build args from K=V flags, platforms normalized, the
// Dockerfile and its .dockerignore from the disk), so this checks that path
// end to end, not only the converter the parity test drives. A file is
// identical when the ops, digests, progress names and the image config (its
// bytes too) are upstream's, or, for a failing build, the CLI prints
// upstream's message at upstream's line and exits 1 (an option upstream
// refuses is the command line's error: `llb: ` and upstream's text, or the
// end of it after the flag's name). Files with frontend
// options the CLI does not take (`--opt`) are left out and counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { goAvailable, runOracleBatch } from './oracle/oracle.ts';
import { parseOptionLine } from './convert/fuzz/generate.ts';
import { compareBuilds, compareImageTexts } from './convert/def-compare.ts';
import { tempDir } from './tmp.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : !existsSync('dist/dockerfile-llb.js') ? 'run `npm run build` first' : false;
const DIRS = [join('testdata', 'convert', 'dockerfiles'), join('testdata', 'go-semantics')];
const META = join('testdata', 'convert', 'image-metadata.json');

test('cli llb parity: the llb command over the converter and Go-semantics corpora, byte for byte where upstream is deterministic', { skip }, () => {
  const cases: { file: string; flags: string[]; upArgs: string[]; link: boolean }[] = [];
  let leftOut = 0;
  for (const path of DIRS.flatMap((d) => readdirSync(d).filter((x) => x.endsWith('.Dockerfile')).sort().map((f) => join(d, f)))) {
    const text = readFileSync(path, 'utf8');
    const a = parseOptionLine(text, '# parity:');
    if (Object.keys(a.opts).length > 0) {
      leftOut++;
      continue;
    }
    const flags: string[] = [];
    for (const [k, v] of Object.entries(a.buildArgs)) flags.push('--build-arg', `${k}=${v}`);
    if (a.target !== undefined) flags.push('--target', a.target);
    if (a.platforms.length > 0) flags.push('--platform', a.platforms[0]!);
    const upArgs = ['dockerfile2llb', '-f', path, '--image-metadata', META, '--session-id', 'dockerfile-llb', '--opt', `filename=${basename(path)}`, ...flags];
    // The corpus's .dockerignore is named; without one, none (the directory's own would otherwise apply).
    flags.push('--dockerignore', a.dockerignore ?? '/dev/null');
    if (a.dockerignore !== undefined) upArgs.push('--dockerignore', a.dockerignore);
    cases.push({ file: path, flags, upArgs, link: /--link\b/.test(text) });
  }
  const answers = runOracleBatch(cases.map((c) => ({ cmd: c.upArgs[0]!, args: c.upArgs.slice(1) })));
  const tmp = tempDir('cli-corpus-');
  const differing: string[] = [];
  let byteIdentical = 0;
  let errors = 0;
  try {
    cases.forEach((c, i) => {
      const up = JSON.parse(answers[i]!) as { def?: string; platforms?: { def: string }[]; image?: unknown; imageText?: string; error?: { message: string; ranges: { start: { line: number } }[] } };
      const configOut = join(tmp, `${i}.json`);
      rmSync(configOut, { force: true });
      const r = spawnSync(process.execPath, ['dist/dockerfile-llb.js', 'llb', '-f', c.file, '--image-metadata', META, '--image-config-out', configOut, ...c.flags]);
      let diffs: string[] = [];
      if (up.error !== undefined) {
        errors++;
        const line = up.error.ranges[0]?.start.line ?? 0;
        const want = `${line > 0 ? `${c.file}:${line}` : c.file}: ${up.error.message}\n`;
        const got = r.stderr.toString();
        // An option upstream refuses (no line) is the command line's error: `llb: [--flag: ]`, then upstream's text or its end.
        const optionError = /^llb: (?:--[a-z-]+: )?(.*)\n$/s.exec(got);
        const same = line === 0 && optionError !== null ? r.status !== 0 && up.error.message.endsWith(optionError[1]!) : r.status === 1 && got === want;
        if (!same) diffs = [`upstream fails with ${JSON.stringify(want)}; ours exit ${r.status}: ${JSON.stringify(got)}`];
      } else if (r.status !== 0) {
        diffs = [`ours fails: ${r.stderr.toString()}`];
      } else {
        const upDef = up.def ?? up.platforms?.[0]?.def;
        const imageText = readFileSync(configOut, 'utf8').replace(/\n$/, '');
        if (upDef === undefined) {
          // FROM scratch alone: no ops on either side.
          if (r.stdout.length !== 0 && up.image === undefined) diffs = ['ours wrote a Definition, upstream none'];
        } else {
          diffs = [...compareBuilds([upDef], [up.image], [r.stdout], [JSON.parse(imageText)]), ...compareImageTexts([up.imageText], [imageText])];
          if (Buffer.from(upDef, 'base64').equals(r.stdout)) byteIdentical++;
          // Byte for byte (source map and metadata too), but for COPY --link, whose progress group ids upstream draws at random.
          else if (!c.link) diffs.push('the Definition differs outside the ops (source map or metadata)');
        }
        if (up.imageText !== undefined && imageText !== up.imageText) diffs.push('image config bytes differ');
      }
      if (diffs.length > 0) differing.push(`${basename(c.file)}: ${diffs.join('\n')}`);
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const built = cases.length - errors;
  console.log(`cli llb parity: ${cases.length - differing.length}/${cases.length} files identical (${byteIdentical}/${built} builds byte-identical, ${errors} failing as upstream fails; ${leftOut} files with frontend options left out)`);
  assert.deepEqual(differing, []);
  assert.ok(cases.length >= 250, `only ${cases.length} files compared`);
});
