// Named contexts beyond what the parity corpus can show: the oracle's fake
// gateway has no inputs, so `input:` contexts with a state and image
// metadata are checked here, with the option splitting (src/dockerui) and
// the hooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as llb from '../../src/llb/index.ts';
import { convertDockerfile, marshalImage } from '../../src/dockerfile/convert/index.ts';
import { convertOptions, parseConfig } from '../../src/dockerui/index.ts';

const inputConfig = {
  architecture: 'arm64',
  os: 'linux',
  rootfs: { type: 'layers', diff_ids: [] },
  config: { Env: ['PATH=/bin', 'FROM_INPUT=1'], WorkingDir: '/work' },
};

test('parseConfig splits the named-context options', () => {
  const cfg = parseConfig(
    new Map([
      ['context:alpine', 'docker-image://busybox'],
      ['context:src::linux/arm64', 'local:src'],
      ['sharedkey:localdir:src::linux/arm64', 'k'],
      ['local-sessionid:src', 's2'],
      ['input-metadata:in', '{}'],
      ['build-arg:X', 'y'],
    ]),
  );
  const { namedContexts, localSharedKeys, localSessionIds, inputMetadata } = cfg;
  assert.deepEqual(
    { namedContexts, localSharedKeys, localSessionIds, inputMetadata },
    {
      namedContexts: { alpine: 'docker-image://busybox', 'src::linux/arm64': 'local:src' },
      localSharedKeys: { 'src::linux/arm64': 'k' },
      localSessionIds: { src: 's2' },
      inputMetadata: { in: '{}' },
    },
  );
});

test('input: context with image metadata replaces a FROM base', async () => {
  const input = llb.image('docker.io/library/busybox:latest');
  const res = await convertDockerfile('FROM alpine\nRUN echo hi\n', {
    namedContexts: { alpine: 'input:base' },
    inputMetadata: {
      base: JSON.stringify({ 'containerimage.config': Buffer.from(JSON.stringify(inputConfig)).toString('base64') }),
    },
    contextHooks: { inputs: async () => ({ base: input }) },
  });
  const dump = llb.dumpDefinition(res.state.marshal().encode());
  assert.match(dump, /docker-image:\/\/docker.io\/library\/busybox:latest/);
  assert.match(dump, /FROM_INPUT=1/);
  assert.match(dump, /"cwd":"\/work"/);
  const img = JSON.parse(marshalImage(res.image)) as { config: { Env: string[]; WorkingDir: string } };
  assert.deepEqual(img.config.Env, ['PATH=/bin', 'FROM_INPUT=1']);
  assert.equal(img.config.WorkingDir, '/work');
});

test('input: context without a matching input fails like upstream', async () => {
  await assert.rejects(
    convertDockerfile('FROM alpine\n', { namedContexts: { alpine: 'input:nope' }, contextHooks: { inputs: async () => ({}) } }),
    /invalid input nope for alpine/,
  );
});

test('local: context reads its .dockerignore through the file reader port', async () => {
  const asked: string[] = [];
  const cfg = parseConfig(new Map([['context:alpine', 'docker-image://scratch'], ['context:src', 'local:srcdir']]));
  const res = await convertDockerfile(
    'FROM alpine\nCOPY --from=src /a /a\n',
    convertOptions(
      cfg,
      {
        readLocalFile: async (st, name) => {
          const local = /local:\/\/(\w+)/.exec(llb.dumpDefinition(st.marshal().encode()))?.[1];
          asked.push(`${local} ${name}`);
          return new TextEncoder().encode(local === 'srcdir' ? 'node_modules\n' : 'ctx-ignored\n');
        },
      },
      { sessionId: 's1' },
    ),
  );
  // The named context's while resolving the stages, then the build context's before dispatching them.
  assert.deepEqual(asked, ['srcdir .dockerignore', 'context .dockerignore']);
  const dump = llb.dumpDefinition(res.state.marshal().encode());
  assert.match(dump, /local:\/\/srcdir/);
  assert.match(dump, /node_modules/);
  assert.match(dump, /context:src-/);
});
