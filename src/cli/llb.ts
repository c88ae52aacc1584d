// `llb`: convert a Dockerfile to an LLB Definition, as BuildKit's own
// Dockerfile frontend would for the same options.

import { writeFileSync } from 'node:fs';
import { dumpDefinition } from '../llb/index.ts';
import { MetadataFileResolver } from '../registry/metadata-file.ts';
import { DockerfileError } from '../dockerfile/errors.ts';
import { DEFAULT_PLATFORM, convertDockerfile, marshalImage, parsePlatform, type Platform } from '../dockerfile/convert/index.ts';
import { CliError, readInput, type Command } from './common.ts';

const usage = `Usage: dockerfile-llb llb [options]

Converts a Dockerfile to an LLB definition.

Options:
  -f FILE|-               the Dockerfile (default: Dockerfile; - reads stdin)
  --target NAME           the stage to build
  --build-arg K=V         a build argument (repeatable)
  --label K=V             a label for the final image (repeatable)
  --platform P[,P...]     target platform(s); the first is converted
  --image-metadata FILE   image configs to resolve base images from
  --format binary|json    binary Definition (default) or one op per line as JSON
  --image-config-out FILE write the image config JSON there
`;

interface LlbArgs {
  file: string;
  target?: string;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  platforms: Platform[];
  imageMetadata?: string;
  format: 'binary' | 'json';
  imageConfigOut?: string;
}

function parseArgs(args: string[]): LlbArgs {
  const out: LlbArgs = { file: 'Dockerfile', buildArgs: {}, labels: {}, platforms: [], format: 'binary' };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = (): string => {
      if (value !== undefined) return value;
      const v = args[++i];
      if (v === undefined) throw new CliError(`llb: ${a} needs a value`, 2);
      return v;
    };
    const kv = (v: string): [string, string] => {
      const j = v.indexOf('=');
      if (j < 0) throw new CliError(`llb: ${a} expects K=V, got "${v}"`, 2);
      return [v.slice(0, j), v.slice(j + 1)];
    };
    switch (a) {
      case '-f':
      case '--file':
        out.file = next();
        break;
      case '--target':
        out.target = next();
        break;
      case '--build-arg': {
        const [k, v] = kv(next());
        out.buildArgs[k] = v;
        break;
      }
      case '--label': {
        const [k, v] = kv(next());
        out.labels[k] = v;
        break;
      }
      case '--platform':
        for (const p of next().split(',')) {
          try {
            out.platforms.push(parsePlatform(p.trim()));
          } catch (err) {
            throw new CliError(`llb: --platform: ${(err as Error).message}`, 2);
          }
        }
        break;
      case '--image-metadata':
        out.imageMetadata = next();
        break;
      case '--format': {
        const f = next();
        if (f !== 'binary' && f !== 'json') throw new CliError(`llb: unknown format "${f}"`, 2);
        out.format = f;
        break;
      }
      case '--image-config-out':
        out.imageConfigOut = next();
        break;
      default:
        throw new CliError(`llb: unknown option ${a}\n\n${usage}`, 2);
    }
  }
  return out;
}

async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  const data = readInput(a.file);
  const name = a.file === '-' ? 'Dockerfile' : a.file;
  let res;
  try {
    res = await convertDockerfile(data, {
      target: a.target,
      buildArgs: a.buildArgs,
      labels: a.labels,
      targetPlatform: a.platforms[0],
      multiPlatformRequested: a.platforms.length > 1,
      buildPlatforms: [DEFAULT_PLATFORM],
      imageResolver: a.imageMetadata === undefined ? undefined : MetadataFileResolver.fromFile(a.imageMetadata),
      sessionId: 'dockerfile-llb',
    });
  } catch (err) {
    if (err instanceof DockerfileError) {
      const line = err.line;
      throw new CliError(line > 0 ? `${name}:${line}: ${err.message}` : `${name}: ${err.message}`);
    }
    throw new CliError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const def = res.state.marshal().encode();
  if (a.imageConfigOut !== undefined) writeFileSync(a.imageConfigOut, marshalImage(res.image) + '\n');
  if (a.format === 'json') process.stdout.write(dumpDefinition(def));
  else process.stdout.write(def);
  return 0;
}

export const llbCommand: Command = { summary: 'convert a Dockerfile to LLB', usage, run };
