// What each lint-pack feature case of testdata/features shows (their
// outputs are goldens of test/features/features.test.ts): in
// pack-<Rule>-fires the rule fires, in pack-<Rule>-clean and
// pack-<Rule>-suppressed (a `# check=skip=<Rule>` comment above the
// instruction) it does not; where a case has fixed.Dockerfile (fix-<Rule>
// for upstream's fixable rules, pack-<Rule>-fires for the pack's), the
// rule no longer fires after the fixes. Every pack rule has its three cases
// and a docs/rules page; pack-<Rule>-clean-<what> cases show more places it
// does not fire (linted for the case's platform, where case.json gives one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderResolver } from '../../src/cli/common.ts';
import { lintWithPack, PACK_NAME, PACK_RULES } from '../../src/lint-pack/index.ts';
import { normalizePlatform, parsePlatform } from '../../src/dockerfile/convert/index.ts';

const DIR = join('testdata', 'features');

async function rulesOf(text: string, platform?: string): Promise<string[]> {
  const targetPlatform = platform === undefined ? undefined : normalizePlatform(parsePlatform(platform));
  const r = await lintWithPack(text, { packs: [PACK_NAME], imageResolver: placeholderResolver, targetPlatform });
  return r.result.warnings.map((w) => w.ruleName);
}

test('every pack rule has fires, clean and suppressed cases and a docs/rules page', () => {
  for (const r of PACK_RULES) {
    for (const kind of ['fires', 'clean', 'suppressed']) assert.ok(existsSync(join(DIR, `pack-${r.name}-${kind}`, 'Dockerfile')), `pack-${r.name}-${kind}`);
    assert.ok(existsSync(join('docs', 'rules', `${r.name}.md`)), r.name);
  }
});

for (const name of readdirSync(DIR).filter((n) => /^(pack|fix)-/.test(n)).sort()) {
  test(`feature case ${name} shows its point`, async () => {
    const m = /^(?:pack|fix)-([A-Za-z]+)(?:-(fires|clean|suppressed))?(?:-[a-z0-9-]+)?$/.exec(name);
    assert.ok(m !== null, name);
    const [, rule, kind = 'fires'] = m;
    const platform = (JSON.parse(readFileSync(join(DIR, name, 'case.json'), 'utf8')) as { platform?: string }).platform;
    const rules = await rulesOf(readFileSync(join(DIR, name, 'Dockerfile'), 'utf8'), platform);
    if (kind === 'fires') assert.ok(rules.includes(rule), `${rule} fires`);
    else assert.ok(!rules.includes(rule), `${rule} does not fire`);
    if (kind === 'suppressed') assert.match(readFileSync(join(DIR, name, 'Dockerfile'), 'utf8'), new RegExp(`# check=skip=${rule}\\n`));
    const fixed = join(DIR, name, 'fixed.Dockerfile');
    if (existsSync(fixed)) {
      const after = readFileSync(fixed, 'utf8');
      assert.notEqual(after, readFileSync(join(DIR, name, 'Dockerfile'), 'utf8'), 'the fixes change the file');
      assert.ok(!(await rulesOf(after)).includes(rule) || rule === 'JSONArgsRecommended' || rule === 'MaintainerDeprecated', `${rule} is gone after its fixes`);
    }
  });
}
