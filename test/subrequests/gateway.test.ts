// The gateway side of subrequests and build checks (src/frontend): the Warn
// request upstream's builder sends, the unsupported-request error and the
// metadata-only Result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warnRequest } from '../../src/frontend/dockerfile.ts';
import { toGatewayResult, unsupportedSubrequest } from '../../src/frontend/subrequests.ts';
import { describeResult } from '../../src/subrequests/index.ts';

const dec = new TextDecoder();

test('warnRequest: linter.LintFormatShort, the description as detail, level 1, one range per line', () => {
  const info = { filename: 'Dockerfile', data: new Uint8Array([70]), language: 'Dockerfile' };
  const r = warnRequest('sha256:abc', info, 'JSONArgsRecommended', 'desc', 'https://x', 'JSON arguments recommended', [
    { start: 3, end: 3 },
    { start: 4, end: 4 },
  ]);
  assert.equal(dec.decode(r.short), 'JSONArgsRecommended: JSON arguments recommended (line 3)');
  assert.deepEqual(r.detail?.map((d) => dec.decode(d)), ['desc']);
  assert.equal(r.level, 1);
  assert.equal(r.url, 'https://x');
  assert.equal(r.digest, 'sha256:abc');
  assert.equal(r.info, info);
  assert.deepEqual(r.ranges, [
    { start: { line: 3 }, end: { line: 3 } },
    { start: { line: 4 }, end: { line: 4 } },
  ]);
  const noLoc = warnRequest('', info, 'R', '', '', 'msg', []);
  assert.equal(dec.decode(noLoc.short), 'R: msg');
  assert.equal(noLoc.ranges, undefined);
});

test('unsupported request: message and an errdefs.Subrequest detail', () => {
  const e = unsupportedSubrequest('frontend.nope');
  assert.equal(e.message, 'unsupported request frontend.nope');
  assert.equal(e.details[0].type_url, 'github.com/moby/buildkit/errdefs.Subrequest+json');
  assert.equal(dec.decode(e.details[0].value), '{"name":"frontend.nope"}');
});

test('a subrequest answer is an empty ref with the metadata', () => {
  const r = toGatewayResult(describeResult());
  assert.deepEqual(r.result, { case: 'ref', value: {} });
  assert.deepEqual(Object.keys(r.metadata ?? {}), ['result.json', 'result.txt', 'version']);
});
