// `build`: build a Dockerfile on a BuildKit daemon, our frontend running in
// this process (or the daemon's dockerfile.v0, or a frontend image), with
// the flags of `docker buildx build`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { goFsError, goRemove } from '../go/os.ts';
import { channelOption, channelUsage, CliError, buildArgValues, keyValues, labelValues, oneOf, parseCommandLine, type Command } from './common.ts';

const usage = `Usage: dockerfile-llb build [options] [PATH|URL|-]

Builds a Dockerfile on a BuildKit daemon. By default the Dockerfile frontend
runs in this process and drives the daemon over its gateway API (no frontend
image); --frontend dockerfile.v0 uses the daemon's own, --frontend-image REF
runs an image as a gateway frontend. The context - reads a Dockerfile from
standard input and builds it with an empty context.

Options:
  --addr ADDR               buildkitd address (default $BUILDKIT_HOST, else unix:///run/buildkit/buildkitd.sock)
  --tlscacert FILE, --tlscert FILE, --tlskey FILE, --tlsservername NAME   TLS for tcp://
  -f, --file FILE           the Dockerfile (default PATH/Dockerfile; - reads standard input)
  -t, --tag NAME            name the image (repeatable); exported as an image
  --push                    push the tagged image (same as --output type=registry)
  --build-arg K[=V]         a build argument (repeatable; K alone: the value of $K, if set)
  --build-context NAME=PATH|URL|docker-image://REF|oci-layout://DIR[:TAG][@DIGEST]|target:STAGE   a named context (repeatable)
  --label K[=V]             a label (repeatable; K alone: an empty value)
  --target STAGE            the stage to build
  --platform P[,P]          target platforms (local: this machine's)
  --secret id=ID[,src=FILE|,env=VAR]   a secret for RUN --mount=type=secret (repeatable)
  --ssh default|ID[=SOCKET|KEYFILE[,KEYFILE...]]   forward an SSH agent, or serve key files as one (repeatable)
  --no-cache                do not use the cache
  --no-cache-filter STAGE   build this stage without the cache (repeatable)
  --pull                    pull every base image again
  --network default|none|host   RUN's network (host asks for the network.host entitlement)
  --add-host HOST:IP        an /etc/hosts entry for RUN (repeatable; HOST=IP too)
  --shm-size SIZE           the size of RUN's /dev/shm (e.g. 64m)
  --ulimit NAME=SOFT[:HARD] a resource limit for RUN (repeatable)
  --allow ENTITLEMENT       allow network.host or security.insecure (repeatable)
  --annotation [TYPE[,TYPE]:]KEY=VALUE   an annotation of the image (repeatable; TYPE index, manifest, …)
  --attest type=sbom|provenance[,K=V...]   an attestation (repeatable)
  --sbom BOOL|K=V,...       shorthand for --attest type=sbom
  --provenance BOOL|K=V,... shorthand for --attest type=provenance
  --opt K=V                 a frontend option, as buildctl's --opt (repeatable)
  -o, --output SPEC         type=image|registry|local|tar|oci|docker[,dest=…] or DIR or - (repeatable)
  --cache-from SPEC, --cache-to SPEC   cache import / export (type=registry,ref=…, type=inline)
  --metadata-file FILE      write the build result metadata (JSON)
  --iidfile FILE            write the image ID (its config digest, else its digest)
  -q, --quiet               no progress; print the image digest
  --progress MODE           auto (default), plain, tty, rawjson or quiet
  --call check|outline|targets[,format=json]   ask the frontend instead of building
  --check                   --call check
  --frontend dockerfile.v0  use the daemon's built-in frontend
  --frontend-image REF      run REF as the frontend (gateway.v0)
${channelUsage}`;

interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

function parse(args: string[]): Parsed {
  return parseCommandLine('build', usage, () =>
    parseNodeArgs({
      args,
      allowPositionals: true,
      options: {
        addr: { type: 'string' },
        tlscacert: { type: 'string' },
        tlscert: { type: 'string' },
        tlskey: { type: 'string' },
        tlsservername: { type: 'string' },
        file: { type: 'string', short: 'f' },
        tag: { type: 'string', short: 't', multiple: true },
        push: { type: 'boolean' },
        'build-arg': { type: 'string', multiple: true },
        'build-context': { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        target: { type: 'string' },
        platform: { type: 'string', multiple: true },
        secret: { type: 'string', multiple: true },
        ssh: { type: 'string', multiple: true },
        'no-cache': { type: 'boolean' },
        'no-cache-filter': { type: 'string', multiple: true },
        pull: { type: 'boolean' },
        network: { type: 'string' },
        'add-host': { type: 'string', multiple: true },
        'shm-size': { type: 'string' },
        ulimit: { type: 'string', multiple: true },
        allow: { type: 'string', multiple: true },
        attest: { type: 'string', multiple: true },
        annotation: { type: 'string', multiple: true },
        sbom: { type: 'string' },
        provenance: { type: 'string' },
        iidfile: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        opt: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o', multiple: true },
        'cache-from': { type: 'string', multiple: true },
        'cache-to': { type: 'string', multiple: true },
        'metadata-file': { type: 'string' },
        progress: { type: 'string' },
        call: { type: 'string' },
        check: { type: 'boolean' },
        frontend: { type: 'string' },
        'frontend-image': { type: 'string' },
        channel: { type: 'string' },
      },
    }),
  ) as Parsed;
}

/** Where the build's progress goes: one of the displays, fed each Status message. */
interface Display {
  update(s: import('../gen/moby.buildkit.v1.ts').StatusResponse): void;
  done(): void;
}

async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv);
  if (positionals.length > 1) throw new CliError(`build: one context expected, got ${positionals.length}\n\n${usage}`, 2);
  const str = (k: string) => v[k] as string | undefined;
  const list = (k: string) => (v[k] as string[] | undefined) ?? [];
  // NAME[,format=json|text], as buildx reads it; json prints the answer's result.json.
  if (v.check === true && str('call') !== undefined) throw new CliError('build: --check cannot be used with --call (it is --call check)', 2);
  const [callName = 'build', ...callFields] = (v.check === true ? 'check' : (str('call') ?? 'build')).split(',');
  let callFormat = '';
  for (const f of callFields) {
    if (!f.startsWith('format=')) throw new CliError(`build: invalid call field: ${f}`, 2);
    callFormat = f.slice('format='.length);
  }
  const call = oneOf('build', '--call', callName, ['build', 'check', 'outline', 'targets'], 'build');
  if (callFormat !== '' && callFormat !== 'json' && callFormat !== 'text') throw new CliError(`build: --call: unknown format "${callFormat}" (json or text)`, 2);
  const channel = str('channel') === undefined ? undefined : channelOption('build', str('channel'));
  const frontendFlag = str('frontend');
  if (frontendFlag !== undefined && frontendFlag !== 'dockerfile.v0') throw new CliError(`build: --frontend: only dockerfile.v0 is a built-in frontend (use --frontend-image REF for an image)`, 2);
  const env = process.env;
  let mode = oneOf('build', '--progress', str('progress'), ['auto', 'plain', 'tty', 'rawjson', 'quiet'], 'auto');
  if (v.quiet === true) mode = 'quiet';
  const iidfile = str('iidfile');
  if (mode === 'auto' && env.BUILDKIT_PROGRESS) mode = oneOf('build', 'BUILDKIT_PROGRESS', env.BUILDKIT_PROGRESS, ['auto', 'plain', 'tty', 'rawjson', 'quiet'], 'auto');
  if (mode === 'tty' && !process.stderr.isTTY) throw new CliError('build: --progress tty: failed to get console: standard error is not a terminal');
  if (mode === 'auto') mode = process.stderr.isTTY ? 'tty' : 'plain';

  // The docker-build-like CLI's local cache directories.
  const cacheFrom = list('cache-from');
  const cacheTo = list('cache-to');
  if (env.BUILDKIT_LOCAL_CACHE_IMPORT) cacheFrom.push(`type=local,src=${env.BUILDKIT_LOCAL_CACHE_IMPORT}`);
  if (env.BUILDKIT_LOCAL_CACHE_EXPORT) cacheTo.push(`type=local,dest=${env.BUILDKIT_LOCAL_CACHE_EXPORT},mode=max`);

  const { context, file, archive } = stdinInputs(positionals[0] ?? '.', str('file'));

  const lib = await import('../client/build.ts');
  const { PlainPrinter } = await import('../client/progress/plain.ts');
  if (iidfile !== undefined) {
    // As buildx: local and tar outputs have no image ID; a stale file is not left behind by a failing build.
    if (list('output').some((o) => ['local', 'tar'].includes(lib.outputType(o)))) throw new CliError('error: local and tar exporters are incompatible with image ID file');
    try {
      goRemove(iidfile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`error: removing image ID file: ${goFsError(e)}`);
    }
  }
  let conn;
  try {
    conn = await lib.connect({
      address: str('addr'),
      tlsCACert: str('tlscacert'),
      tlsCert: str('tlscert'),
      tlsKey: str('tlskey'),
      tlsServerName: str('tlsservername'),
    });
  } catch (e) {
    if (e instanceof lib.ConnectError) throw new CliError(`error: ${e.message}`);
    throw e;
  }

  let display: Display | undefined;
  if (mode === 'plain') display = new PlainPrinter((s) => process.stderr.write(s));
  else if (mode === 'tty') display = new (await import('../client/progress/tty.ts')).TtyPrinter(process.stderr);
  else if (mode === 'rawjson') {
    const { solveStatusJSON } = await import('../client/progress/rawjson.ts');
    display = { update: (s) => process.stderr.write(solveStatusJSON(s) + '\n'), done: () => {} };
  }

  const abort = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const res = await lib.build(conn, {
      context: archive === undefined ? context : undefined,
      contextArchive: archive,
      file,
      tags: list('tag'),
      push: v.push === true,
      buildArgs: buildArgValues('build', list('build-arg')),
      labels: labelValues('build', list('label')),
      buildContexts: keyValues('build', '--build-context', list('build-context')),
      target: str('target'),
      platforms: list('platform').flatMap((p) => p.split(',')),
      secrets: list('secret'),
      ssh: list('ssh'),
      noCache: v['no-cache'] === true,
      noCacheFilter: list('no-cache-filter').flatMap((x) => x.split(',')).filter((x) => x !== ''),
      pull: v.pull === true,
      network: str('network'),
      addHosts: list('add-host'),
      shmSize: str('shm-size'),
      ulimits: list('ulimit'),
      annotations: list('annotation'),
      attests: [...list('attest'), ...(['sbom', 'provenance'] as const).flatMap((k) => (str(k) === undefined ? [] : [lib.canonicalAttest(k, str(k)!)]))],
      allow: list('allow').flatMap((x) => x.split(',')).filter((x) => x !== ''),
      opts: keyValues('build', '--opt', list('opt')),
      outputs: list('output'),
      cacheFrom,
      cacheTo,
      call,
      frontend: frontendFlag === 'dockerfile.v0' ? 'dockerfile.v0' : 'inprocess',
      frontendImage: str('frontend-image'),
      channel,
      onProgress: (s) => display?.update(s),
      onWarning: (msg) => process.stderr.write(`WARNING: ${msg}\n`),
      signal: abort.signal,
    });
    display?.done();
    const metadataFile = str('metadata-file');
    if (metadataFile !== undefined) writeOrFail(metadataFile, lib.metadataFileText(res.exporterResponse), '');
    // As buildx: -q prints the image's digest, --iidfile holds its config digest (else the digest).
    if (v.quiet === true) process.stdout.write(`${res.exporterResponse['containerimage.digest'] ?? ''}\n`);
    if (iidfile !== undefined) writeOrFail(iidfile, res.exporterResponse['containerimage.config.digest'] ?? res.exporterResponse['containerimage.digest'] ?? '', 'writing image ID file: ');
    if (res.callResult !== undefined) {
      // As buildctl: result.txt, else every result.* key and value.
      const r = res.callResult;
      if (callFormat === 'json') process.stdout.write(`${r['result.json'] ?? ''}\n`);
      else if (r['result.txt'] !== undefined) process.stdout.write(r['result.txt']);
      else for (const [k, val] of Object.entries(r)) if (k.startsWith('result.')) process.stdout.write(`${k}\n${val}\n`);
      const code = r['result.statuscode'];
      if (code !== undefined && /^\d+$/.test(code)) return Number(code);
    }
    return 0;
  } catch (e) {
    display?.done();
    if (e instanceof lib.CancelledError || interrupted) {
      process.stderr.write('error: build cancelled\n');
      return 130;
    }
    if (e instanceof lib.BuildOptionError) throw new CliError(`error: ${e.message}`);
    const { BridgeError } = await import('../frontend/bridge.ts');
    if (e instanceof BridgeError) {
      const { printSources, grpcErrorText } = await import('../client/errors.ts');
      process.stderr.write(printSources(e.status));
      process.stderr.write(`error: failed to solve: ${grpcErrorText(e.code, e.message)}\n`);
      return 1;
    }
    if (e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError)) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    conn.close();
  }
}

export const buildCommand: Command = { usage, run };

/** Writes a file the build's result goes to; a failure is the command's error, in Go's words (`open PATH: …`). */
function writeOrFail(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new Error(`${what}${goFsError(e)}`);
  }
}

/** Magic numbers of what buildx takes as an archive on standard input: tar, gzip, bzip2, xz, zstd. */
function isArchive(b: Buffer): boolean {
  if (b.length > 262 && b.toString('latin1', 257, 262) === 'ustar') return true;
  const starts = (...m: number[]) => m.every((x, i) => b[i] === x);
  return starts(0x1f, 0x8b) || starts(0x42, 0x5a, 0x68) || starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) || starts(0x28, 0xb5, 0x2f, 0xfd);
}

/**
 * `-f -` and the context `-`, as buildx reads them: the Dockerfile from
 * standard input, written as "Dockerfile" into a directory of its own (the
 * local `dockerfile`); the context `-` is an archive that is the context (sent
 * through the session's upload service), or else a Dockerfile with an empty
 * context. The directories are removed when the process exits.
 */
function stdinInputs(context: string, file: string | undefined): { context: string; file: string | undefined; archive?: Buffer } {
  if (context !== '-' && file !== '-') return { context, file };
  if (context === '-' && file === '-') throw new CliError("build: invalid argument: can't use stdin for both build context and dockerfile", 2);
  const text = readFileSync(0);
  if (context === '-' && isArchive(text)) return { context: '-', file, archive: text };
  if (context === '-' && file !== undefined) throw new CliError('build: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles', 2);
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-llb-stdin-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'dockerfile'));
  writeFileSync(join(dir, 'dockerfile', 'Dockerfile'), text);
  if (context !== '-') return { context, file: join(dir, 'dockerfile', 'Dockerfile') };
  mkdirSync(join(dir, 'context'));
  return { context: join(dir, 'context'), file: join(dir, 'dockerfile', 'Dockerfile') };
}
