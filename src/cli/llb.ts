// `llb`: convert a Dockerfile to an LLB Definition, as BuildKit's own
// Dockerfile frontend would for the same options.

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { dumpDefinition } from '../llb/index.ts';
import { DockerfileError } from '../dockerfile/errors.ts';
import { convertDockerfile, marshalBuild, marshalImage, normalizePlatform, parsePlatform, type Platform } from '../dockerfile/convert/index.ts';
import { convertOptions } from '../dockerui/index.ts';
import type { Channel } from '../dockerfile/channel.ts';
import { channelOption, channelUsage, CliError, dockerignoreFile, flagsConfig, includeReader, buildArgValues, labelValues, oneOf, parseCommandLine, readDockerfile, type Command } from './common.ts';
import { RESOLVE_USAGE, imageResolverFor, resolveArgs, resolveOptions, type ResolveArgs } from './resolve.ts';
import { writeOut } from './stdout.ts';

const usage = `Usage: dockerfile-llb llb [options]

Converts a Dockerfile to an LLB definition.

Options:
  -f FILE|-               the Dockerfile (default: Dockerfile; - reads stdin)
  --target NAME           the stage to build
  --build-arg K[=V]       a build argument (repeatable; K alone: the value of $K, if set)
  --label K[=V]           a label for the final image (repeatable; K alone: an empty value)
  --platform P[,P...]     target platform(s); the first is converted
  --format binary|json    binary Definition (default) or one op per line as JSON
  --image-config-out FILE write the image config JSON there
  --dockerignore FILE     the build context's .dockerignore, whose patterns the context's
                          local source excludes (default: FILE.dockerignore or .dockerignore
                          beside the Dockerfile, the context taken to be its directory)
${RESOLVE_USAGE}${channelUsage}`;

interface LlbArgs {
  file: string;
  target?: string;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  platforms: Platform[];
  resolve: ResolveArgs;
  format: 'binary' | 'json';
  imageConfigOut?: string;
  dockerignore?: string;
  channel: Channel;
}

function parseArgs(args: string[]): LlbArgs {
  const { values: v } = parseCommandLine('llb', usage, () =>
    parseNodeArgs({
      args,
      options: {
        file: { type: 'string', short: 'f' },
        target: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        platform: { type: 'string', multiple: true },
        ...resolveOptions,
        format: { type: 'string' },
        'image-config-out': { type: 'string' },
        dockerignore: { type: 'string' },
        channel: { type: 'string' },
      },
    }),
  );
  const platforms: Platform[] = [];
  for (const list of v.platform ?? []) {
    // As the frontend reads its `platform` option: parsed and normalized
    // (arm is linux/arm/v7); not trimmed, as the gateway and upstream refuse
    // "linux/amd64 " too.
    for (const p of list.split(',')) {
      try {
        platforms.push(normalizePlatform(parsePlatform(p)));
      } catch (err) {
        throw new CliError(`llb: --platform: ${(err as Error).message}`, 2);
      }
    }
  }
  return {
    file: v.file ?? 'Dockerfile',
    target: v.target,
    buildArgs: buildArgValues('llb', v['build-arg']),
    labels: labelValues('llb', v.label),
    platforms,
    resolve: resolveArgs('llb', v),
    format: oneOf('llb', '--format', v.format, ['binary', 'json'], 'binary'),
    imageConfigOut: v['image-config-out'],
    dockerignore: v.dockerignore,
    channel: channelOption('llb', v.channel),
  };
}

async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  const data = readDockerfile(a.file);
  const name = a.file === '-' ? 'Dockerfile' : a.file;
  // The Dockerfile's name in the source map, as buildx sends `-f DIR/NAME`:
  // the local `dockerfile` is DIR, the filename option NAME.
  const cfg = flagsConfig('llb', { filename: a.file === '-' ? undefined : basename(a.file), target: a.target, buildArgs: a.buildArgs, labels: a.labels, platforms: a.platforms, channel: a.channel, imageResolveMode: a.resolve.resolveMode });
  const ignoreFile = dockerignoreFile('llb', a.file, a.dockerignore);
  let res;
  const resolver = imageResolverFor('llb', a.resolve);
  try {
    res = await convertDockerfile(data, {
      ...convertOptions(cfg, { resolver, readInclude: includeReader(a.file) }, { sessionId: 'dockerfile-llb', ignoreFile }),
      // Build checks run as in the gateway (their warnings are not printed
      // here; `lint` reports them), so that `# check=error=true` fails the
      // conversion as it fails the build.
      lintWarn: () => {},
    });
  } catch (err) {
    if (err instanceof DockerfileError) {
      throw new CliError(`${err.position(name)}: ${err.message}`);
    }
    throw new CliError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let def: Uint8Array;
  try {
    def = marshalBuild(res.state).encode();
  } catch (err) {
    throw new CliError(`${name}: ${(err as Error).message}`);
  }
  // Marshaled whether it is written or not: an image config upstream cannot
  // marshal (a SOURCE_DATE_EPOCH past year 9999) fails its build after the
  // Definition, and so it fails here.
  let imageText: string;
  try {
    imageText = marshalImage(res.image);
  } catch (err) {
    throw new CliError(`${name}: ${(err as Error).message}`);
  }
  if (a.imageConfigOut !== undefined) {
    try {
      writeFileSync(a.imageConfigOut, imageText + '\n');
    } catch (err) {
      throw new CliError(`llb: --image-config-out ${a.imageConfigOut}: ${(err as Error).message}`);
    }
  }
  if (a.format === 'json') writeOut(dumpDefinition(def));
  else writeOut(def);
  return 0;
}

export const llbCommand: Command = { usage, run };
