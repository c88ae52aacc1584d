// The formatter as a library (`require('dockerfile-llb/format').format`)
// given what a JavaScript caller can pass that its types refuse: a TypeError
// naming it, where before a Dockerfile of undefined failed with `Cannot read
// properties of undefined (reading 'buffer')`, options of null with
// `Cannot read properties of null (reading 'indent')`, and a misspelt option
// (reIndent) was ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format } from '../../src/format/index.ts';

test('format refuses a Dockerfile or options of the wrong type, and unknown options, naming them', () => {
  const cases: [() => unknown, RegExp][] = [
    [() => format(undefined as never), /^format: the Dockerfile must be a string or a Uint8Array, not undefined$/],
    [() => format(5 as never), /^format: the Dockerfile must be a string or a Uint8Array, not the number 5$/],
    [() => format('FROM scratch\n', 'x' as never), /^format: the options must be an object, not the string "x"$/],
    [() => format('FROM scratch\n', { reIndent: true } as never), /^format: unknown option "reIndent" \(the options are reindent and indent\)$/],
    [() => format('FROM scratch\n', { reindent: 'yes' } as never), /^format: reindent must be a boolean, not the string "yes"$/],
    [() => format('FROM scratch\n', { reindent: true, indent: 4 } as never), /^format: indent must be a string, not the number 4$/],
  ];
  for (const [call, want] of cases) {
    assert.throws(call, (err: unknown) => err instanceof TypeError && want.test(err.message), String(call));
  }
  // null options are none; a Buffer in, a Uint8Array out.
  assert.equal(format('from scratch\n', null as never), 'FROM scratch\n');
  assert.deepEqual(Buffer.from(format(Buffer.from('from scratch\n'))).toString(), 'FROM scratch\n');
});
