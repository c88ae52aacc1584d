// Small helpers for the parser unit tests. Every expected value in these
// tests was taken from running BuildKit v0.32.2's parser on the same input
// (the oracle in ./oracle), not worked out by hand.

import assert from 'node:assert/strict';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { dump, parse, type ParseResult } from '../../src/dockerfile/parser/index.ts';

export function dumpOf(text: string | Buffer): string {
  return dump(parse(text));
}

export function linesOf(r: ParseResult): [number, number][] {
  return r.children.map((c) => [c.startLine, c.endLine]);
}

/** Asserts that parsing fails with upstream's message and location ranges. */
export function assertParseError(text: string | Buffer, message: string, ranges: [number, number][]): void {
  try {
    parse(text);
  } catch (err) {
    assert.ok(err instanceof DockerfileError, `not a DockerfileError: ${String(err)}`);
    assert.equal(err.message, message);
    assert.deepEqual(
      err.ranges.map((r) => [r.start, r.end]),
      ranges,
    );
    return;
  }
  assert.fail('parsing succeeded');
}
