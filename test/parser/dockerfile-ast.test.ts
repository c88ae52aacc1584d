// dockerfile-ast (an editor's syntax tree) as an independent cross-check of
// instruction keywords and line ranges on upstream's conformance files. It
// is not BuildKit-exact (see README "Which part does what"), so the parser
// does not use it; the files where it differs are listed, and the test fails
// if that list changes either way.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { parse } from '../../src/dockerfile/parser/index.ts';

const ROOT = resolve('..', 'shared', 'conformance', 'buildkit-v0.32.2', 'parser');

/** Where dockerfile-ast's ranges differ from BuildKit's, and why. */
const KNOWN_DIFFERENT: Record<string, string> = {
  // It ends a continuation that is followed only by blank lines at the last blank line.
  'testfiles/env': 'end line of the trailing continuation',
  // It treats an escaped escape (`\\`) at the end of a line as a continuation.
  'testfiles/trailing-backslash': 'escaped escape at end of line',
};

test('dockerfile-ast agrees on keywords and line ranges except on the known files', () => {
  const files = [
    ...readdirSync(join(ROOT, 'testfiles')).sort().map((n) => `testfiles/${n}`),
    'testfile-line',
  ];
  const differing: string[] = [];
  for (const name of files) {
    const text = readFileSync(join(ROOT, name, 'Dockerfile'), 'utf8');
    const ours = parse(text).children.map((n) => `${n.rawKeyword.toUpperCase()}@${n.startLine}-${n.endLine}`);
    const theirs = DockerfileParser.parse(text)
      .getInstructions()
      .map((i) => `${i.getKeyword()}@${i.getRange().start.line + 1}-${i.getRange().end.line + 1}`);
    if (ours.join(' ') !== theirs.join(' ')) differing.push(name);
  }
  assert.equal(files.length, 34);
  assert.deepEqual(differing, Object.keys(KNOWN_DIFFERENT));
});
