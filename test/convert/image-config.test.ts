// Base image configs decoded as upstream decodes them (json.Unmarshal into
// DockerOCIImage): a field of the wrong type fails the build with upstream's
// words ("failed to parse image config: json: cannot unmarshal number into Go
// struct field DockerOCIImageConfig.config.ImageConfig.Env of type string"),
// instead of `Env: [1,2]` becoming variables `1=` and `2=`; what Go accepts
// (keys in any case, the last of duplicates, null, unknown fields, times in
// RFC 3339) gives upstream's image. Each case runs through ours and the
// oracle (test/convert/fuzz/differential.ts, conversion and lint).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { convertDockerfile, marshalImage } from '../../src/dockerfile/convert/index.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { parseGoJSON } from '../../src/go/unmarshal.ts';
import type { ImageResolver } from '../../src/registry/resolver.ts';
import { differential } from './fuzz/differential.ts';
import type { FuzzInput } from './fuzz/generate.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const BASE = '"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111"]}';

/** Config documents: the finding's malformed ones, then more of each kind. */
export const CONFIGS: Record<string, string> = {
  'env-string': `{${BASE},"config":{"Env":"A=b"}}`,
  'env-numbers': `{${BASE},"config":{"Env":[1,2]}}`,
  'cmd-number': `{${BASE},"config":{"Cmd":5}}`,
  'rootfs-string': `{"architecture":"amd64","os":"linux","rootfs":"abc"}`,
  'labels-array': `{${BASE},"config":{"Labels":["a"]}}`,
  'ports-array': `{${BASE},"config":{"ExposedPorts":["80/tcp"]}}`,
  'onbuild-string': `{${BASE},"config":{"OnBuild":"RUN x"}}`,
  'shell-string': `{${BASE},"config":{"Shell":"sh"}}`,
  'os-number': `{"architecture":"amd64","os":5,"rootfs":{"type":"layers"}}`,
  'created-word': `{${BASE},"created":"yesterday"}`,
  'created-number': `{${BASE},"created":5}`,
  'created-before-type-error': `{"os":5,"created":"bad"}`,
  'history-created-month': `{${BASE},"history":[{"created":"2024-13-01T00:00:00Z"}]}`,
  'history-created-loose': `{${BASE},"history":[{"created":"2024-01-01T1:00:00,5+01:00"}]}`,
  'history-created-zone': `{${BASE},"history":[{"created":"2024-01-01T01:00:00+25:00"}]}`,
  'healthcheck-fraction': `{${BASE},"config":{"Healthcheck":{"Test":["CMD","true"],"Interval":1.5}}}`,
  'healthcheck-exponent': `{${BASE},"config":{"Healthcheck":{"Retries":1e2}}}`,
  'healthcheck-huge': `{${BASE},"config":{"Healthcheck":{"Retries":99999999999999999999}}}`,
  'healthcheck-string': `{${BASE},"config":{"Healthcheck":"x"}}`,
  'history-element': `{${BASE},"history":[5]}`,
  'labels-number': `{${BASE},"config":{"Labels":{"a":1}}}`,
  'volumes-number': `{${BASE},"config":{"Volumes":{"/a":1}}}`,
  'diff-id-number': `{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[1]}}`,
  'args-escaped-string': `{${BASE},"config":{"ArgsEscaped":"true"}}`,
  'user-bool': `{${BASE},"config":{"User":true}}`,
  'config-array': `{${BASE},"config":[]}`,
  'top-array': `[1]`,
  'top-string': `"x"`,
  'two-errors': `{${BASE},"config":{"Cmd":5,"Env":5}}`,
  // accepted by Go
  'top-null': `null`,
  'case-and-duplicates': `{${BASE},"CONFIG":{"env":["A=1"],"ENV":["B=2"],"workingdir":"/w","labels":{"a":"1"},"Labels":{"b":"2"}}}`,
  'nulls': `{${BASE},"created":null,"config":{"Healthcheck":null,"Env":[null,"A=1"],"Labels":{"k":null},"Cmd":null}}`,
  'unknown-fields': `{${BASE},"foo":[1,{"a":[[[[2]]]]}],"config":{"Bar":5,"Env":["X=\\u00e9\\ud800"]}}`,
  'negative-durations': `{${BASE},"config":{"Healthcheck":{"Test":["CMD","true"],"Interval":-1,"Retries":-3}}}`,
  'ports-objects': `{${BASE},"config":{"ExposedPorts":{"80":{"a":1},"__proto__":{}},"Volumes":{"/v":null}}}`,
  'onbuild-triggers': `{${BASE},"config":{"OnBuild":["RUN echo built","ENV A=1"],"Env":["PATH=/bin"]}}`,
  'keys-folded-as-go': `{${BASE},"config":{"Label\u017f":{"a":"1"},"Wor\u212aingDir":"/k","U\u017fer":"u","Expo\u017fedPorts":{"80/tcp":{}},"Env":["A=1"],"ENV\u017f":["B=2"]}}`,
  'healthcheck-int64': `{${BASE},"config":{"Healthcheck":{"Test":["CMD","true"],"Interval":9007199254740993,"Timeout":-9007199254740993,"StartPeriod":9223372036854775807,"Retries":2147483647}}}`,
  'created-fraction': `{${BASE},"created":"2024-01-01T00:00:00.123456789123+00:00","history":[{"created":"2024-01-01T00:00:00.5Z","empty_layer":true}]}`,
  // Times at the edges of the plain form src/go/time.ts checks by one regular
  // expression, and just past them (Go's layout walk then decides).
  ...Object.fromEntries(
    [
      '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T23:59:59Z', '2024-04-31T00:00:00Z', '2024-04-30T00:00:00Z',
      '2024-12-31T23:59:59.999999999999-23:59', '2024-01-00T00:00:00Z', '2024-00-10T00:00:00Z', '2024-01-32T00:00:00Z', '2024-01-01T24:00:00Z',
      '2024-01-01T00:60:00Z', '2024-01-01T00:00:60Z', '2024-01-01T00:00:00,5Z', '2024-01-01T00:00:00.Z', '2024-01-01T00:00:00+99:99',
      '2024-01-01t00:00:00Z', '2024-01-01T00:00:00z', '2024-01-01T00:00:00', '2024-1-01T00:00:00Z', '0000-01-01T00:00:00Z', '2024-01-01T00:00:00Z ',
      '2024-01-01T0\\u0030:00:00Z', '2024-01-01T00:00:00Z\\n',
    ].map((t, i) => [`created-edge-${i}`, `{${BASE},"history":[{"created":"${t}"}]}`]),
  ),
};

function input(name: string, config: string): FuzzInput {
  const ref = `docker.io/hostile/${name}:latest`;
  return {
    name: `image config ${name}`,
    text: `FROM hostile/${name}\nRUN env\nWORKDIR rel\n`,
    buildArgs: {},
    platforms: [],
    opts: {},
    images: { [ref]: config },
  };
}

test('base image configs decode as upstream decodes them (errors and images)', { skip, timeout: 120_000 }, async () => {
  const results = await differential(Object.entries(CONFIGS).map(([n, c]) => input(n, c)));
  const bad = results.filter((r) => r.diffs.length > 0 || r.robustness !== undefined);
  assert.deepEqual(bad.map((r) => `${r.input.name}: ${[...r.diffs, r.robustness ?? ''].join('\n')}`), []);
  // The finding's cases fail, with upstream's message.
  const failed = results.filter((r) => r.ours.error?.message.startsWith('failed to parse image config: ')).map((r) => r.input.name);
  for (const n of ['env-string', 'env-numbers', 'cmd-number', 'rootfs-string', 'labels-array', 'ports-array', 'onbuild-string', 'shell-string', 'os-number']) {
    assert.ok(failed.includes(`image config ${n}`), n);
  }
});

test('config bytes that are no UTF-8 decode as Go decodes them: one U+FFFD a byte, not one a broken sequence', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'image-config-bytes-'));
  try {
    const config = Buffer.concat([
      Buffer.from(`{${BASE},"config":{"Env":["PATH=/bin","A=x`),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('y","B='),
      Buffer.from([0xf0, 0x9f, 0x98]),
      Buffer.from('z"],"WorkingDir":"/w'),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('"}}'),
    ]);
    const meta = join(dir, 'meta.json');
    writeFileSync(meta, Buffer.concat([Buffer.from('{"docker.io/library/bytes:1":{"digest":"sha256:' + '3'.repeat(64) + '","config":'), config, Buffer.from('}}')]));
    const dockerfile = join(dir, 'Dockerfile');
    writeFileSync(dockerfile, 'FROM bytes:1\nENV C=$A\n');
    const up = JSON.parse(runOracle(['dockerfile2llb', '-f', dockerfile, '--image-metadata', meta]).toString('utf8')) as { imageText: string };
    // The gateway's path (the daemon's bytes) and the CLI's (a metadata file).
    const fromBytes: ImageResolver = { resolve: async (ref) => ({ ref, digest: 'sha256:' + '3'.repeat(64), config: new Uint8Array(config) }) };
    for (const resolver of [fromBytes, MetadataFileResolver.fromFile(meta)]) {
      const res = await convertDockerfile(readFileSync(dockerfile), { imageResolver: resolver, sessionId: 'oracle-session' });
      assert.equal(marshalImage(res.image), up.imageText);
    }
    assert.match(up.imageText, /"A=x\ufffd\ufffdy","B=\ufffd\ufffd\ufffdz"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a JSON syntax error names the character as Go's scanner does: a character beyond ASCII by its first byte, as Latin-1", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'image-config-syntax-'));
  try {
    const texts = [`{${BASE},"config":é}`, `\ufeff{${BASE}}`, `{${BASE},\u00a0"config":{}}`, `{${BASE}}\u0085`, `[1,\u{1f600}]`, `{"a":\u0001}`, `{'a':1}`, `{"a":1 x}`, `{${BASE},"config":\u007f}`];
    const dockerfile = join(dir, 'Dockerfile');
    writeFileSync(dockerfile, 'FROM scratch\n');
    for (const [k, text] of texts.entries()) {
      // The oracle reads an image-metadata file with encoding/json: its error is Go's for that text.
      const meta = join(dir, `${k}.json`);
      writeFileSync(meta, text);
      let upstream = '';
      try {
        runOracle(['dockerfile2llb', '-f', dockerfile, '--image-metadata', meta]);
      } catch (err) {
        upstream = /parsing [^:]+: (.*)/.exec((err as Error).message)?.[1] ?? (err as Error).message;
      }
      let ours = '';
      try {
        parseGoJSON(text);
      } catch (err) {
        ours = (err as Error).message;
      }
      assert.ok(upstream.startsWith('invalid character'), `upstream: ${upstream}`);
      assert.equal(ours, upstream, JSON.stringify(text));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
