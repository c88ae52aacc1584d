// Dockerfiles are bytes: where upstream keeps bytes that are no UTF-8 as
// bytes, so do we (issue 11, finding 7): a keyword with such a byte gets a
// lower-case suggestion (Go's case tests fail on it), a stage name of such
// bytes is quoted as \xNN and fails StageNameCasing, a `# check=` directive's
// bytes are quoted as \xNN in its errors. Each case is compared
// live with upstream (conversion and lint).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable } from '../oracle/oracle.ts';
import { differential } from './fuzz/differential.ts';
import type { FuzzInput } from './fuzz/generate.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

export const INVALID_UTF8_CASES: [string, Buffer][] = [
  ['keyword with a leading \\xff', Buffer.from('FROM busybox\n\xffRUN echo\n', 'latin1')],
  ['keyword with a trailing \\xfe', Buffer.from('FROM busybox\nRUN\xfe echo\n', 'latin1')],
  ['lower-case keyword with \\xff', Buffer.from('FROM busybox\nru\xffn echo\n', 'latin1')],
  ['stage name of bytes \\xff\\xfe', Buffer.from('FROM busybox AS \xff\xfe\nRUN echo\n', 'latin1')],
  ['stage name a\\xffb', Buffer.from('FROM busybox AS a\xffb\nRUN echo\n', 'latin1')],
  ['FROM keyword with \\xff and AS', Buffer.from('FR\xffOM busybox AS a\nRUN echo\n', 'latin1')],
  ['AS with \\xff', Buffer.from('FROM busybox A\xffS a\nRUN echo\n', 'latin1')],
  ['a valid U+FFFD in a stage name', Buffer.from('FROM busybox AS a\u{fffd}b\nRUN echo\n', 'utf8')],
  // The `# check=` directive is read as bytes: its errors quote them as \xNN.
  ['check option key with a cut sequence', Buffer.from('# check=exp\xe2\x82erimental=all\nFROM busybox\n', 'latin1')],
  ['check option with surrogate bytes', Buffer.from('# check=er\xed\xa0\x80ror=true\nFROM busybox\n', 'latin1')],
  ['check option ending in a lone continuation byte', Buffer.from('# check=skip\x80\nFROM busybox\n', 'latin1')],
  ['check error= value with \\xff', Buffer.from('# check=error=tr\xffue\nFROM busybox\n', 'latin1')],
  ['check skip list with \\xff', Buffer.from('# check=skip=StageNameCasing,\xff;error=true\nFROM busybox AS Foo\n', 'latin1')],
  // Instruction arguments keep their bytes (src/go/kept-bytes.ts): an op holding them fails to marshal.
  ['RUN holding \\xff', Buffer.from('FROM busybox\nRUN echo \xff\n', 'latin1')],
  ['RUN heredoc holding \\xff', Buffer.from('FROM busybox\nRUN <<EOF\necho \xff\nEOF\n', 'latin1')],
  ['RUN with an unset variable and \\xff', Buffer.from('FROM busybox\nRUN echo $A\xff\n', 'latin1')],
  ['a valid U+FFFD in a RUN', Buffer.from('FROM busybox\nRUN echo \u{fffd}\n', 'utf8')],
  // Expanded words are read rune by rune upstream: the bytes become U+FFFD.
  ['ENV value with \\xff', Buffer.from('FROM busybox\nENV A=\xff\nRUN echo\n', 'latin1')],
  ['LABEL value with \\xfe', Buffer.from('FROM busybox\nLABEL a=b\xfe\n', 'latin1')],
  ['WORKDIR with \\xff', Buffer.from('FROM busybox\nWORKDIR /a\xff\n', 'latin1')],
  ['USER with \\xff', Buffer.from('FROM busybox\nUSER a\xff\nRUN true\n', 'latin1')],
  ['CMD in JSON with \\xff', Buffer.from('FROM busybox\nCMD ["a\xff"]\n', 'latin1')],
  // A COPY heredoc's file gets the bytes as they are; expanded, U+FFFD.
  ['COPY quoted heredoc with \\xff', Buffer.from("FROM busybox\nCOPY <<'EOF' /a\n\xff\nEOF\n", 'latin1')],
  ['COPY expanded heredoc with \\xff', Buffer.from('FROM busybox\nCOPY <<EOF /a\n$B \xff\nEOF\n', 'latin1')],
  // Errors quote the word as bytes (\xNN); case mappings and messages written as they are give U+FFFD.
  ['shell-expansion error with \\xff', Buffer.from('FROM busybox\nWORKDIR /a${\xff\n', 'latin1')],
  ['required variable message with \\xff', Buffer.from('FROM busybox\nWORKDIR /a${B:?\xff}\n', 'latin1')],
  ['HEALTHCHECK type with \\xc3', Buffer.from('FROM busybox\nHEALTHCHECK C\xc3MD true\n', 'latin1')],
  ['EXPOSE protocol with \\xff', Buffer.from('FROM busybox\nEXPOSE 80/tc\xff\n', 'latin1')],
  ['STOPSIGNAL with \\xff', Buffer.from('FROM busybox\nSTOPSIGNAL SIG\xff\n', 'latin1')],
  ['base name from an ARG with \\xff', Buffer.from('ARG X=\xff\nFROM busybox:$X\n', 'latin1')],
  ['stage name A\\xff: error and lint warning', Buffer.from('FROM busybox AS A\xff\n', 'latin1')],
];

function input(name: string, bytes: Buffer): FuzzInput {
  return { name, text: bytes.toString('latin1'), bytes, buildArgs: {}, platforms: [], opts: {} };
}

test('bytes that are no UTF-8 are treated as upstream treats them', { skip, timeout: 120_000 }, async () => {
  const results = await differential(INVALID_UTF8_CASES.map(([n, b]) => input(n, b)));
  assert.deepEqual(results.map((r) => [r.input.name, [...r.diffs, r.robustness ?? ''].filter((d) => d !== '').join('\n')]), INVALID_UTF8_CASES.map(([n]) => [n, '']));
  assert.deepEqual(results.filter((r) => r.known !== undefined).map((r) => r.input.name), []);
  // Upstream fails to marshal an op holding such bytes; so must ours (not only agree on the error).
  assert.equal(results.find((r) => r.input.name === 'RUN holding \\xff')?.ours.error?.message, 'failed to marshal LLB definition: string field contains invalid UTF-8');
});

// What is left (the fuzzer's known class): a progress name holding such bytes
// (a mount target's bytes stay bytes in the RUN's name; the op's target is
// re-encoded by the flag splitting). Upstream's State.Marshal does not check
// op metadata, but its Definition cannot be marshalled to be sent (the
// oracle's fake gateway fails as BuildKit's gRPC client would); ours keeps
// the same bytes in the name and writes U+FFFD when it sends the Definition.
test('a progress name holding bytes that are no UTF-8 is the known class', { skip, timeout: 120_000 }, async () => {
  const name = 'RUN --mount target with \\xff';
  const [r] = await differential([input(name, Buffer.from('FROM busybox\nRUN --mount=type=cache,target=/c\xff true\n', 'latin1'))]);
  assert.deepEqual([r.diffs, r.robustness, r.ours.keptBytesInMetadata], [[], undefined, true]);
  assert.match(r.known ?? '', /^progress names holding bytes that are no UTF-8/);
});
