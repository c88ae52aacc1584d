// WWW-Authenticate parsing, on the example from the distribution token spec
// (docs/spec/auth/token.md), and RFC 7235's multi-challenge, quoted-pair form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChallenges } from '../../src/registry/auth.ts';

test('the token spec example challenge', () => {
  const c = parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"');
  assert.deepEqual(c, [
    {
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' },
    },
  ]);
});

test('several challenges, unquoted values and escapes', () => {
  const c = parseChallenges('Basic realm="a\\"b", Bearer realm=https://x/token, service=svc');
  assert.deepEqual(c, [
    { scheme: 'basic', params: { realm: 'a"b' } },
    { scheme: 'bearer', params: { realm: 'https://x/token', service: 'svc' } },
  ]);
});
