// parseImage keeps a config it has decoded twice (2,000 stages FROM one image
// decode its config twice, not 2,000 times; issue 11, stages-2000): every
// caller still gets a copy of its own, which the converter then changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImage } from '../../src/dockerfile/convert/image.ts';

test('each parseImage of one config text is a copy of its own', () => {
  const text = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: '2024-01-01T00:00:00Z',
    rootfs: { type: 'layers', diff_ids: ['sha256:' + 'b'.repeat(64)] },
    config: { Env: ['A=1'], Cmd: ['sh'], Labels: { l: 'v' }, ExposedPorts: { '80/tcp': {} }, Healthcheck: { Test: ['CMD', 'true'] } },
    history: [{ created_by: 'x' }],
  });
  const first = JSON.stringify(parseImage(text));
  for (let i = 0; i < 4; i++) {
    const img = parseImage(text);
    assert.equal(JSON.stringify(img), first, `parse #${i + 2}`);
    // What the converter changes in a stage's config.
    img.config.Env!.push('B=2');
    img.config.Cmd![0] = 'bash';
    img.config.Labels!.l = 'changed';
    img.config.ExposedPorts!['443/tcp'] = {};
    img.config.Healthcheck!.Test!.push('x');
    img.history!.push({ created_by: 'y' });
    img.history![0].created_by = 'changed';
    delete img.created;
    img.architecture = 'arm64';
  }
});
