// `lint`: BuildKit's build checks (`docker build --call check`) offline.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { parsePlatform, type Platform } from '../dockerfile/convert/index.ts';
import { ALL_RULES, lintDockerfile, readIgnoreFile, resultToJson, type LintResult } from '../dockerfile/lint/index.ts';
import { MetadataFileResolver } from '../registry/metadata-file.ts';
import type { ImageResolver } from '../registry/resolver.ts';
import { CliError, keyValues, oneOf, parseCommandLine, placeholderResolver, readInput, type Command } from './common.ts';

const usage = `Usage: dockerfile-llb lint [FILE...] [options]

Runs BuildKit's build checks on Dockerfiles (default: ./Dockerfile; - reads stdin).

Options:
  --format text|json|sarif  output (default text: FILE:LINE RuleName - message;
                            json: the lint subrequest's result.json; sarif: SARIF 2.1.0)
  --build-arg K=V           a build argument (repeatable); BUILDKIT_DOCKERFILE_CHECK
                            overrides the # check= directive
  --target NAME             check only the stages NAME needs (default: every stage)
  --platform P              target platform
  --image-metadata FILE     base image configs (needed for InvalidBaseImagePlatform and
                            for base-image ENV in UndefinedVar)
  --dockerignore FILE       the build context's .dockerignore (default: FILE.dockerignore
                            or .dockerignore beside the Dockerfile)

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
  imageMetadata?: string;
  dockerignore?: string;
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
        'image-metadata': { type: 'string' },
        dockerignore: { type: 'string' },
      },
    }),
  );
  let platform: Platform | undefined;
  if (v.platform !== undefined) {
    try {
      platform = parsePlatform(v.platform);
    } catch (err) {
      throw new CliError(`lint: ${(err as Error).message}`, 2);
    }
  }
  return {
    files: positionals.length > 0 ? positionals : ['Dockerfile'],
    format: oneOf<Format>('lint', '--format', v.format, ['text', 'json', 'sarif'], 'text'),
    buildArgs: keyValues('lint', '--build-arg', v['build-arg']),
    target: v.target,
    platform,
    imageMetadata: v['image-metadata'],
    dockerignore: v.dockerignore,
  };
}

function ignorePatterns(file: string, explicit: string | undefined): string[] | undefined {
  const candidates = explicit !== undefined ? [explicit] : file === '-' ? [] : [file + '.dockerignore', join(dirname(file), '.dockerignore')];
  for (const c of candidates) {
    if (explicit !== undefined || existsSync(c)) {
      try {
        return readIgnoreFile(readFileSync(c, 'utf8'));
      } catch (err) {
        throw new CliError(`lint: ${c}: ${(err as Error).message}`);
      }
    }
  }
  return undefined;
}

function firstLine(loc: { ranges?: { start: { line: number } }[] } | undefined): number {
  return loc?.ranges?.[0]?.start.line ?? 0;
}

function printText(name: string, r: LintResult): string {
  let out = '';
  for (const w of r.warnings) out += `${name}:${firstLine(w.location)} ${w.ruleName} - ${w.detail ?? ''}\n`;
  if (r.buildError) {
    const line = firstLine(r.buildError.location);
    out += `${line > 0 ? `${name}:${line}` : name} error: ${r.buildError.message}\n`;
  }
  return out;
}

function toSarif(results: { name: string; result: LintResult }[]): unknown {
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
            rules: ALL_RULES.map((r) => ({
              id: r.name,
              shortDescription: { text: r.description },
              ...(r.url ? { helpUri: r.url } : {}),
              properties: { experimental: r.experimental },
            })),
          },
        },
        results: results.flatMap(({ name, result }) => [
          ...result.warnings.map((w) => ({
            ruleId: w.ruleName,
            level: 'warning',
            message: { text: w.detail ?? w.ruleName },
            locations: [{ physicalLocation: { artifactLocation: { uri: name }, region: region(w.location) } }],
          })),
          ...(result.buildError
            ? [
                {
                  level: 'error',
                  message: { text: result.buildError.message },
                  locations: [{ physicalLocation: { artifactLocation: { uri: name }, region: region(result.buildError.location) } }],
                },
              ]
            : []),
        ]),
      },
    ],
  };
}

export const lintCommand: Command = {
  summary: "run BuildKit's build checks (--call check) offline",
  usage,
  async run(args) {
    const a = parseArgs(args);
    let resolver: ImageResolver;
    if (a.imageMetadata !== undefined) {
      resolver = MetadataFileResolver.fromFile(a.imageMetadata);
    } else {
      resolver = placeholderResolver;
      process.stderr.write('lint: no --image-metadata: InvalidBaseImagePlatform is skipped and base images are taken to have no ENV\n');
    }
    const results: { name: string; result: LintResult }[] = [];
    for (const file of a.files) {
      const data = readInput(file);
      const name = file === '-' ? '<stdin>' : file;
      let result: LintResult;
      try {
        result = await lintDockerfile(data, {
          filename: file === '-' ? 'Dockerfile' : file,
          buildArgs: a.buildArgs,
          target: a.target,
          targetPlatform: a.platform,
          imageResolver: resolver,
          excludePatterns: ignorePatterns(file, a.dockerignore),
        });
      } catch (err) {
        throw new CliError(`lint: ${name}: ${(err as Error).message}`);
      }
      results.push({ name, result });
    }
    if (a.format === 'json') {
      const texts = results.map((r) => resultToJson(r.result));
      process.stdout.write((texts.length === 1 ? texts[0] : `[\n${texts.join(',\n')}\n]`) + '\n');
    } else if (a.format === 'sarif') {
      process.stdout.write(JSON.stringify(toSarif(results), null, 2) + '\n');
    } else {
      process.stdout.write(results.map((r) => printText(r.name, r.result)).join(''));
    }
    return results.some((r) => r.result.buildError !== undefined) ? 1 : 0;
  },
};
