// The library's entry points (src/index.ts) take the platforms as the
// frontend gets them: normalized (parsePlatform('arm') converts for
// linux/arm/v7, as `--platform arm` does), judged by the oracle's image config.
// They read their options as the frontend reads its own (dockerui): the
// build checks run (`# check=error=true` fails a conversion), the special
// build args apply, and the build platform is the worker's (linux/amd64)
// whatever the target; each judged by the oracle's Definition bytes or error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { goAvailable, runOracle } from './oracle/oracle.ts';
import { violationRulesSorted } from './subrequests/outcome.ts';
import { convert, lint, outline, parsePlatform, DockerfileError, MetadataFileResolver, type ConvertOptions, type ConvertOutput } from '../src/index.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;
const META = join('testdata', 'convert', 'image-metadata.json');
const SESSION = 'library-test';

interface OracleAnswer {
  def?: string;
  platforms?: { def: string }[];
  imageText?: string;
  error?: { message: string; ranges: { start: { line: number } }[] };
}

/** Upstream's frontend on `text` with these frontend flags (`--build-arg K=V`, `--platform P`). */
function upstream(text: string, flags: string[]): OracleAnswer {
  return JSON.parse(runOracle(['dockerfile2llb', '-f', '-', '--image-metadata', META, '--session-id', SESSION, ...flags], text).toString()) as OracleAnswer;
}

/** convert() with the same inputs gives upstream's Definition bytes and image config, or its error at its line. */
async function sameAsUpstream(text: string, flags: string[], options: ConvertOptions): Promise<void> {
  const up = upstream(text, flags);
  const ours: ConvertOutput | Error = await convert(text, { imageResolver: MetadataFileResolver.fromFile(META), sessionId: SESSION, ...options }).catch((err: unknown) =>
    err instanceof Error ? err : new Error(String(err)),
  );
  if (up.error !== undefined) {
    assert.ok(ours instanceof DockerfileError, `upstream fails with ${JSON.stringify(up.error.message)}; ours: ${String(ours instanceof Error ? ours.message : 'converted')}`);
    // Upstream lists the rules of `lint violation found for rules:` in Go map order: compared sorted.
    assert.equal(violationRulesSorted(ours.message), violationRulesSorted(up.error.message));
    assert.equal(ours.line, up.error.ranges[0]?.start.line ?? 0);
    return;
  }
  if (ours instanceof Error) assert.fail(`upstream converts; ours fails: ${ours.message}`);
  const upDef = up.def ?? up.platforms?.[0]?.def;
  assert.ok(upDef !== undefined);
  assert.equal(Buffer.from(ours.definition).toString('base64'), upDef);
  assert.equal(ours.imageConfig, up.imageText);
}

test('convert and outline normalize the target platform, as the frontend’s platform option is', { skip }, async () => {
  const text = 'FROM scratch\nARG TARGETPLATFORM TARGETVARIANT\nLABEL tp=$TARGETPLATFORM tv=$TARGETVARIANT\nRUN echo $TARGETPLATFORM\n';
  for (const platform of ['arm', 'Linux/AARCH64', 'windows/arm']) {
    const up = JSON.parse(runOracle(['dockerfile2llb', '-f', '-', '--platform', platform], text).toString()) as { imageText?: string };
    assert.ok(up.imageText !== undefined, platform);
    const ours = await convert(text, { targetPlatform: parsePlatform(platform) });
    assert.equal(ours.imageConfig, up.imageText, platform);
  }
  const o = await outline('FROM scratch\nARG TARGETVARIANT\nARG V=$TARGETVARIANT\nRUN echo $V\n', { targetPlatform: parsePlatform('arm') });
  assert.equal(o.args?.find((a) => a.name === 'V')?.value, 'v7');
});

test('convert runs the build checks: # check=error=true fails it with upstream’s error, as the CLI’s llb does', { skip }, async () => {
  await sameAsUpstream('# check=error=true\nfrom scratch as Build\nCOPY a /a\n', [], {});
  await sameAsUpstream('FROM scratch AS Build\nCOPY a /a\n', ['--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=error=true'], { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=true' } });
  // A finding the configuration leaves a warning converts as before.
  await sameAsUpstream('from scratch as Build\nCOPY a /a\n', [], {});
});

test('the special build args act as the frontend’s: BUILDKIT_MULTI_PLATFORM, BUILDKIT_SANDBOX_HOSTNAME, BUILDKIT_CACHE_MOUNT_NS, BUILDKIT_DISABLE_FILEOP', { skip }, async () => {
  const text = 'FROM alpine:3.19\nRUN --mount=type=cache,target=/c hostname > /h\n';
  const cases: Record<string, string>[] = [
    { BUILDKIT_MULTI_PLATFORM: '1' },
    { BUILDKIT_MULTI_PLATFORM: 't' },
    { BUILDKIT_MULTI_PLATFORM: 'maybe' },
    { BUILDKIT_SANDBOX_HOSTNAME: 'box' },
    { BUILDKIT_CACHE_MOUNT_NS: 'ns1' },
    { BUILDKIT_DISABLE_FILEOP: '1' },
    { BUILDKIT_DISABLE_FILEOP: '0' },
  ];
  for (const args of cases) {
    const flags = Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
    await sameAsUpstream(text, flags, { buildArgs: args });
  }
  // The build arg wins over the option, as it wins over the frontend's hostname option.
  await sameAsUpstream(text, ['--build-arg', 'BUILDKIT_SANDBOX_HOSTNAME=box', '--opt', 'hostname=other'], { buildArgs: { BUILDKIT_SANDBOX_HOSTNAME: 'box' }, hostname: 'other' });
});

test('with a target platform and no buildPlatforms, the build platform stays the worker’s (linux/amd64), as in the frontend', { skip }, async () => {
  const text = 'FROM --platform=$BUILDPLATFORM alpine:3.19 AS build\nARG BUILDPLATFORM TARGETPLATFORM\nRUN echo $BUILDPLATFORM $TARGETPLATFORM > /p\nFROM scratch\nCOPY --from=build /p /p\n';
  for (const platform of ['linux/arm64', 'arm', 'windows/amd64']) {
    await sameAsUpstream(text, ['--platform', platform], { targetPlatform: parsePlatform(platform) });
  }
});

test('what upstream cannot marshal fails convert with upstream’s message and no line, as a DockerfileError', { skip }, async () => {
  // A URL %-escaping a byte that is no UTF-8, which Go keeps in the file name and the LLB marshal refuses.
  await sameAsUpstream('FROM busybox\nADD http://example.com/a%ff /x/\n', [], {});
  // A SOURCE_DATE_EPOCH past year 9999, whose image config Go cannot marshal.
  await sameAsUpstream('FROM scratch\nCOPY x /x\n', ['--build-arg', 'SOURCE_DATE_EPOCH=300000000000'], { buildArgs: { SOURCE_DATE_EPOCH: '300000000000' } });
});

test('lint and outline refuse the build args upstream refuses before it reads the Dockerfile, with its message', { skip }, async () => {
  const text = 'FROM scratch\nCOPY x /x\n';
  for (const args of [{ BUILDKIT_DISABLE_FILEOP: '1' }, { BUILDKIT_MULTI_PLATFORM: 'maybe' }] as Record<string, string>[]) {
    const flags = Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
    for (const [cmd, call] of [
      ['lint', () => lint(text, { buildArgs: args })],
      ['outline', () => outline(text, { buildArgs: args })],
    ] as const) {
      const up = JSON.parse(runOracle([cmd, '-f', '-', ...flags], text).toString()) as { error?: { message: string; ranges: unknown[] } };
      assert.ok(up.error !== undefined, `${cmd} ${JSON.stringify(args)}: upstream answers`);
      await assert.rejects(call, (err: unknown) => err instanceof DockerfileError && err.message === up.error!.message && err.line === 0, `${cmd} ${JSON.stringify(args)}`);
    }
  }
});
