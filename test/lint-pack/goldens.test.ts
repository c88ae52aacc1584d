// Feature goldens of the lint pack and of the fixes (this project's own
// behaviour; upstream has neither). testdata/features/lint-pack/<Rule>/
// holds fires.Dockerfile, clean.Dockerfile and suppressed.Dockerfile (a
// `# check=skip=<Rule>` comment above the instruction); the golden
// <input>.txt lists every finding (`LINES Rule - message`) with the pack on.
// For a rule with a fix, fires.fixed.Dockerfile is fires.Dockerfile with that
// rule's fixes applied. testdata/features/lint-fix/<Rule>/ does the same for
// upstream's fixable rules. Besides the goldens, each case asserts its
// point: the rule fires in fires, not in clean or suppressed, and no longer
// after its fixes. UPDATE_GOLDEN=1 rewrites the goldens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderResolver } from '../../src/cli/common.ts';
import { applyEdits, lintWithPack, PACK_NAME, PACK_RULES } from '../../src/lint-pack/index.ts';

const update = process.env.UPDATE_GOLDEN === '1';

function golden(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${file} is missing (UPDATE_GOLDEN=1 writes it)`);
  assert.equal(actual, readFileSync(file, 'utf8'), file);
}

async function findings(text: string): Promise<{ lines: string[]; rules: string[]; fixed: (rule: string) => string }> {
  const r = await lintWithPack(text, { packs: [PACK_NAME], fixes: true, imageResolver: placeholderResolver });
  const lines = r.result.warnings.map((w) => {
    const ranges = w.location?.ranges ?? [];
    const where = ranges.length === 0 ? '-' : `${ranges[0].start.line}-${ranges[ranges.length - 1].end.line}`;
    return `${where} ${w.ruleName} - ${w.detail ?? ''}`;
  });
  if (r.result.buildError) lines.push(`error: ${r.result.buildError.message}`);
  return {
    lines,
    rules: r.result.warnings.map((w) => w.ruleName),
    fixed: (rule) => applyEdits(text, r.result.warnings.flatMap((w, i) => (w.ruleName === rule ? (r.fixes[i]?.edits ?? []) : []))).text,
  };
}

const packDir = join('testdata', 'features', 'lint-pack');
const packCases = readdirSync(packDir).sort();

test('every pack rule has feature goldens and a docs/rules page', () => {
  assert.deepEqual(packCases, PACK_RULES.map((r) => r.name).sort());
  for (const r of PACK_RULES) assert.ok(existsSync(join('docs', 'rules', `${r.name}.md`)), r.name);
});

const FIXABLE = new Set(['AptGetNoInstallRecommends', 'ApkAddNoCache', 'PipNoCacheDir']);

for (const rule of packCases) {
  test(`lint pack golden: ${rule}`, async () => {
    const dir = join(packDir, rule);
    for (const kind of ['fires', 'clean', 'suppressed']) {
      const text = readFileSync(join(dir, `${kind}.Dockerfile`), 'utf8');
      const f = await findings(text);
      golden(join(dir, `${kind}.txt`), f.lines.join('\n') + '\n');
      if (kind === 'fires') assert.ok(f.rules.includes(rule), `${rule} fires in fires.Dockerfile`);
      else assert.ok(!f.rules.includes(rule), `${rule} does not fire in ${kind}.Dockerfile`);
      if (kind === 'fires' && FIXABLE.has(rule)) {
        const fixed = f.fixed(rule);
        golden(join(dir, 'fires.fixed.Dockerfile'), fixed);
        assert.ok(!(await findings(fixed)).rules.includes(rule), `${rule} is gone after its fixes`);
      }
    }
  });
}

const fixDir = join('testdata', 'features', 'lint-fix');
for (const rule of readdirSync(fixDir).sort()) {
  test(`lint fix golden: ${rule}`, async () => {
    const dir = join(fixDir, rule);
    const text = readFileSync(join(dir, 'fires.Dockerfile'), 'utf8');
    const f = await findings(text);
    golden(join(dir, 'fires.txt'), f.lines.join('\n') + '\n');
    assert.ok(f.rules.includes(rule));
    const fixed = f.fixed(rule);
    assert.notEqual(fixed, text, 'something is fixed');
    golden(join(dir, 'fires.fixed.Dockerfile'), fixed);
  });
}
