// `lint`: BuildKit's build checks (`docker build --call check`) with no daemon.

import { writeFileSync } from 'node:fs';
import { parseArgs as parseNodeArgs } from 'node:util';
import { normalizePlatform, parsePlatform, type Platform } from '../dockerfile/convert/index.ts';
import { ALL_RULES, resultToJson, type LintResult } from '../dockerfile/lint/index.ts';
import { convertOptions } from '../dockerui/index.ts';
import type { Fix, PackRule } from '../lint-pack/index.ts';
import type { Channel } from '../dockerfile/channel.ts';
import { channelOption, CliError, dockerignoreFile, flagsConfig, includeReader, buildArgValues, oneOf, parseCommandLine, readDockerfile, type Command } from './common.ts';
import { OFFLINE_USAGE, RESOLVE_USAGE, imageResolverFor, offlineOption, resolveArgs, resolveOptions, type ResolveArgs } from './resolve.ts';
import { writeOut } from './stdout.ts';

// The lint pack (and its shell parser's runtime) is loaded only when `lint`
// runs, not at every start of the program (the gateway frontend never needs it).
type LintPack = typeof import('../lint-pack/index.ts');
const PACK_NAMES = ['best-practices'] as const;

const usage = `Usage: dockerfile-llb lint [FILE...] [options]

Runs BuildKit's build checks on Dockerfiles (default: ./Dockerfile; - reads stdin).

Options:
  --format text|json|sarif  output (default text: FILE:LINE RuleName - message;
                            json: the lint subrequest's result.json; sarif: SARIF 2.1.0)
  --build-arg K[=V]         a build argument (repeatable; K alone: $K); BUILDKIT_DOCKERFILE_CHECK
                            overrides the # check= directive
  --target NAME             check only the stages NAME needs (default: every stage)
  --platform P              target platform
  --dockerignore FILE       the build context's .dockerignore (default: FILE.dockerignore
                            or .dockerignore beside the Dockerfile)
  --channel stable|labs     the syntax channel (default stable; labs: docs/labs.md)
  --pack NAME               also run the rules of a lint pack (best-practices; also enabled
                            in the file by # check=experimental=best-practices)
  --fix                     apply the safe automatic fixes to the files, then report what is left
${RESOLVE_USAGE}${OFFLINE_USAGE}
Exit status: 1 when a check is configured as an error (error=true) or a file
cannot be built, else 0.
`;

type Format = 'text' | 'json' | 'sarif';

interface LintArgs {
  files: string[];
  format: Format;
  buildArgs: Record<string, string>;
  target?: string;
  platform?: Platform;
  resolve: ResolveArgs;
  dockerignore?: string;
  channel: Channel;
  packs: string[];
  fix: boolean;
}

function parseArgs(args: string[]): LintArgs {
  const { values: v, positionals } = parseCommandLine('lint', usage, () =>
    parseNodeArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        target: { type: 'string' },
        platform: { type: 'string' },
        ...resolveOptions,
        ...offlineOption,
        dockerignore: { type: 'string' },
        channel: { type: 'string' },
        pack: { type: 'string', multiple: true },
        fix: { type: 'boolean' },
      },
    }),
  );
  let platform: Platform | undefined;
  if (v.platform !== undefined) {
    try {
      // Normalized, as the frontend reads its `platform` option.
      platform = normalizePlatform(parsePlatform(v.platform));
    } catch (err) {
      throw new CliError(`lint: ${(err as Error).message}`, 2);
    }
  }
  return {
    files: positionals.length > 0 ? positionals : ['Dockerfile'],
    format: oneOf<Format>('lint', '--format', v.format, ['text', 'json', 'sarif'], 'text'),
    buildArgs: buildArgValues('lint', v['build-arg']),
    target: v.target,
    platform,
    resolve: resolveArgs('lint', v),
    dockerignore: v.dockerignore,
    channel: channelOption('lint', v.channel),
    packs: (v.pack ?? []).map((p) => oneOf('lint', '--pack', p, PACK_NAMES, PACK_NAMES[0])),
    fix: v.fix === true,
  };
}

function firstLine(loc: { ranges?: { start: { line: number } }[] } | undefined): number {
  return loc?.ranges?.[0]?.start.line ?? 0;
}

/** The file a location is in: `name`, or the included file (labs INCLUDE) its source index names. */
function fileOf(name: string, r: LintResult, loc: { sourceIndex?: number } | undefined): string {
  const i = loc?.sourceIndex ?? 0;
  return i > 0 && i < r.sources.length ? r.sources[i].filename : name;
}

function printText(name: string, r: LintResult): string {
  let out = '';
  for (const w of r.warnings) out += `${fileOf(name, r, w.location)}:${firstLine(w.location)} ${w.ruleName} - ${w.detail ?? ''}\n`;
  if (r.buildError) {
    const line = firstLine(r.buildError.location);
    const file = fileOf(name, r, r.buildError.location);
    out += `${line > 0 ? `${file}:${line}` : file} error: ${r.buildError.message}\n`;
  }
  return out;
}

interface FileResult {
  name: string;
  result: LintResult;
  fixes: (Fix | undefined)[];
  packRules: string[];
}

function sarifFix(uri: string, fix: Fix): unknown {
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: { uri },
        replacements: fix.edits.map((e) => ({
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.text },
        })),
      },
    ],
  };
}

function toSarif(results: FileResult[], packRules: readonly PackRule[]): unknown {
  const region = (loc: { ranges?: { start: { line: number }; end: { line: number } }[] } | undefined): Record<string, number> => {
    const ranges = loc?.ranges ?? [];
    if (ranges.length === 0) return { startLine: 1 };
    return { startLine: Math.max(1, ranges[0].start.line), endLine: Math.max(1, ranges[ranges.length - 1].end.line) };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockerfile-llb',
            informationUri: 'https://docs.docker.com/reference/build-checks/',
            rules: [
              ...ALL_RULES.map((r) => ({
                id: r.name,
                shortDescription: { text: r.description },
                ...(r.url ? { helpUri: r.url } : {}),
                properties: { experimental: r.experimental },
              })),
              ...packRules.filter((r) => results.some((x) => x.packRules.includes(r.name))).map((r) => ({
                id: r.name,
                shortDescription: { text: r.description },
                helpUri: r.url,
                properties: { pack: 'best-practices', hadolint: r.hadolint },
              })),
            ],
          },
        },
        results: results.flatMap(({ name, result, fixes }) => [
          ...result.warnings.map((w, i) => {
            const fix = fixes[i];
            return {
              ruleId: w.ruleName,
              level: 'warning',
              message: { text: w.detail ?? w.ruleName },
              locations: [{ physicalLocation: { artifactLocation: { uri: fileOf(name, result, w.location) }, region: region(w.location) } }],
              ...(fix ? { fixes: [sarifFix(name, fix)] } : {}),
            };
          }),
          ...(result.buildError
            ? [
                {
                  level: 'error',
                  message: { text: result.buildError.message },
                  locations: [{ physicalLocation: { artifactLocation: { uri: fileOf(name, result, result.buildError.location) }, region: region(result.buildError.location) } }],
                },
              ]
            : []),
        ]),
      },
    ],
  };
}

export const lintCommand: Command = {
  usage,
  async run(args) {
    const a = parseArgs(args);
    const resolver = imageResolverFor('lint', a.resolve, 'InvalidBaseImagePlatform is skipped and base images are taken to have no ENV');
    const pack: LintPack = await import('../lint-pack/index.ts');
    const results: FileResult[] = [];
    for (const file of a.files) {
      let data = readDockerfile(file);
      const name = file === '-' ? '<stdin>' : file;
      const cfg = flagsConfig('lint', {
        filename: file === '-' ? 'Dockerfile' : file,
        channel: a.channel,
        buildArgs: a.buildArgs,
        target: a.target,
        platforms: a.platform === undefined ? [] : [a.platform],
        imageResolveMode: a.resolve.resolveMode,
      });
      // Offline the build platform is the target platform when one is given.
      if (a.platform !== undefined) cfg.buildPlatforms = [a.platform];
      const options = {
        ...convertOptions(cfg, { resolver, readInclude: includeReader(file) }, { ignoreFile: dockerignoreFile('lint', file, a.dockerignore) }),
        packs: a.packs,
        fixes: a.fix || a.format === 'sarif',
      };
      let r: FileResult;
      try {
        let out = await pack.lintWithPack(data, options);
        if (a.fix) {
          const edits = out.fixes.flatMap((f) => f?.edits ?? []);
          if (edits.length > 0) {
            if (file === '-') throw new CliError('lint: --fix cannot rewrite standard input', 2);
            const fixed = pack.applyEditsToBytes(data, edits);
            // Every edit left out (a line would grow too long): the file is not rewritten.
            if (fixed.applied > 0) {
              data = Buffer.from(fixed.bytes);
              writeFileSync(file, data);
              process.stderr.write(`${name}: ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'} applied\n`);
              out = await pack.lintWithPack(data, options);
            }
          }
        }
        if (out.unreadScripts > 0) {
          const n = out.unreadScripts;
          process.stderr.write(`lint: ${name}: --pack: the shell of ${n} instruction${n === 1 ? '' : 's'} was left unread (the shell parser took longer than ${pack.SCRIPT_BUDGET_MS} ms on it, or ${pack.DOCKERFILE_BUDGET_MS} ms on the file's)\n`);
        }
        r = { name, ...out };
      } catch (err) {
        if (err instanceof CliError) throw err;
        throw new CliError(`lint: ${name}: ${(err as Error).message}`);
      }
      results.push(r);
    }
    if (a.format === 'json') {
      const texts = results.map((r) => resultToJson(r.result));
      writeOut((texts.length === 1 ? texts[0] : `[\n${texts.join(',\n')}\n]`) + '\n');
    } else if (a.format === 'sarif') {
      writeOut(JSON.stringify(toSarif(results, pack.PACK_RULES), null, 2) + '\n');
    } else {
      writeOut(results.map((r) => printText(r.name, r.result)).join(''));
    }
    return results.some((r) => r.result.buildError !== undefined) ? 1 : 0;
  },
};
