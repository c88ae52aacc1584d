// Differences the growing differential fuzzer found (issue 11), each
// compared live with upstream. ADD's file name for a URL is the base of the
// path Go's url.Parse gives (src/go/url.ts): WHATWG's parser normalizes dot
// segments and refuses hosts Go accepts (a host holding U+FFFD). A local
// source's path lists are JSON as Go writes it (`&` as \u0026). (A %ff in the path makes upstream refuse to
// marshal the LLB, the known difference of bytes that are no UTF-8.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable } from '../oracle/oracle.ts';
import { differential } from './fuzz/differential.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const URLS = [
  'https://e\u{fffd}\u{fffd}xample.com/a.txt',
  'https://example.com/a/b/..',
  'https://example.com/a/./b.txt/.',
  'https://example.com/a%2Fb',
  'https://example.com/%zz.txt',
  'https://example.com:abc/a.txt',
  'https://ex{ample.com/a.txt',
  'https://ex%41mple.com/a.txt',
  'https://example.com/dir/',
  'https://example.com',
  'https://user@example.com/x.tar?x=1#frag',
  'https://example.com/x.txt#%zz',
  'https://[::1]:80/v6.txt',
  'http://example.com/caf%C3%A9.txt',
];

test('a local source’s followpaths are JSON as Go writes it', { skip, timeout: 120_000 }, async () => {
  const text = 'FROM scratch\nCOPY a&b <c> d\u2028e /dst/\n';
  const [r] = await differential([{ name: 'followpaths', text, buildArgs: {}, platforms: [], opts: {} }], false);
  assert.deepEqual(r.diffs, []);
});

test('ADD names a URL’s file as upstream does', { skip, timeout: 120_000 }, async () => {
  const inputs = URLS.map((u) => ({ name: u, text: `FROM scratch\nADD ${u} /dl/\n`, buildArgs: {}, platforms: [], opts: {} }));
  const results = await differential(inputs, false);
  assert.deepEqual(results.map((r) => [r.input.name, r.diffs.join('\n')]), URLS.map((u) => [u, '']));
});
