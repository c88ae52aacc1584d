// The lint result's rendering against upstream: for Dockerfiles that draw
// warnings, upstream's own result.json (from the oracle) is read back into
// our LintResults shape and rendered again; result.json, result.txt,
// result.statuscode and version must come out byte for byte as upstream's.
// (Which warnings are found is the linter's business, tested elsewhere.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { lintResult, type LintResults, type SourceLocation } from '../../src/subrequests/index.ts';
import { type GoJSON } from '../../src/go/json.ts';

const dir = join('testdata', 'subrequests');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

interface UpstreamLint {
  warnings: null | { ruleName: string; description?: string; url?: string; detail?: string; location: SourceLocation }[];
  sources: null | { filename?: string; data?: string; definition?: GoJSON; language?: string }[];
  buildError?: { message: string; location: SourceLocation };
}

function toResults(u: UpstreamLint): LintResults {
  const loc = (l: SourceLocation): SourceLocation => ({ sourceIndex: l.sourceIndex, ranges: l.ranges ?? [] });
  return {
    warnings: (u.warnings ?? []).map((w) => ({
      ruleName: w.ruleName,
      description: w.description ?? '',
      url: w.url ?? '',
      detail: w.detail ?? '',
      location: loc(w.location),
    })),
    sources: (u.sources ?? []).map((s) => ({
      filename: s.filename ?? '',
      data: Buffer.from(s.data ?? '', 'base64'),
      definition: s.definition,
      language: s.language ?? '',
    })),
    buildError: u.buildError === undefined ? undefined : { message: u.buildError.message, location: loc(u.buildError.location) },
  };
}

test('lint result rendering matches upstream', { skip }, () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile')).sort();
  let same = 0;
  let total = 0;
  let withWarnings = 0;
  for (const f of files) {
    const out = JSON.parse(
      runOracle(['subrequest', '--request', 'frontend.lint', '-f', join(dir, f), '--image-metadata', join(dir, 'images.json')]).toString('utf8'),
    ) as { metadata?: Record<string, string> };
    if (out.metadata === undefined) continue;
    const want = out.metadata;
    const upstream = JSON.parse(want['result.json']) as UpstreamLint;
    if ((upstream.warnings ?? []).length > 0) withWarnings++;
    const got: Record<string, string> = {};
    for (const [k, v] of lintResult(toResults(upstream)).metadata) got[k] = Buffer.from(v).toString('utf8');
    total++;
    assert.deepEqual(got, want, f);
    same++;
  }
  console.log(`lint rendering parity: ${same}/${total} identical (${withWarnings} with warnings)`);
  assert.ok(withWarnings > 0);
});
