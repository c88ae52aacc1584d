// Live parity with upstream's build checks: every Dockerfile under
// testdata/lint (and, counted apart, testdata/go-semantics) is linted by our linter and by BuildKit v0.32.2's own
// frontend (the Go oracle's `lint`, i.e. `--call check`), with the same
// options. A file is identical when the warnings (rule, description, url,
// detail, line ranges, order) and the build error (message, ranges) match.
// Options come from a last line `# lint-args: --build-arg K=V --target T
// --platform P`; a sibling `<name>.dockerignore` is the context's .dockerignore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { corpusTests } from '../corpus.ts';
import { ALL_RULES, type LintResult } from '../../src/dockerfile/lint/index.ts';
import { lintDockerfile } from '../../src/dockerfile/convert/index.ts';
import { convertOptions, parseConfig } from '../../src/dockerui/index.ts';
import { parsePlatform } from '../../src/dockerfile/convert/index.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';

const metadataFile = join('testdata', 'convert', 'image-metadata.json');
const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

interface LintArgs {
  buildArgs: Record<string, string>;
  target?: string;
  platform?: string;
}

export function lintArgs(text: string): LintArgs {
  const out: LintArgs = { buildArgs: {} };
  const line = text.split('\n').find((l) => l.startsWith('# lint-args:'));
  if (line === undefined) return out;
  const words = line.slice('# lint-args:'.length).trim().split(/\s+/);
  for (let i = 0; i < words.length; i += 2) {
    const [w, v] = [words[i], words[i + 1]];
    if (w === '--build-arg') {
      const eq = v.indexOf('=');
      out.buildArgs[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (w === '--target') out.target = v;
    else if (w === '--platform') out.platform = v;
    else throw new Error(`unknown lint-args option ${w}`);
  }
  return out;
}

interface Comparable {
  warnings: string[];
  error?: string;
}

// Upstream lists the rules of `lint violation found for rules:` in Go map
// order (random between runs), so the list is compared sorted.
function normalizeError(message: string): string {
  const prefix = 'lint violation found for rules: ';
  if (!message.startsWith(prefix)) return message;
  return prefix + message.slice(prefix.length).split(', ').sort().join(', ');
}

function comparable(r: LintResult): Comparable {
  const ranges = (loc: { ranges?: { start: { line: number }; end: { line: number } }[] } | undefined): string =>
    (loc?.ranges ?? []).map((x) => `${x.start.line}-${x.end.line}`).join(',');
  const out: Comparable = {
    warnings: (r.warnings ?? []).map((w) => `${w.ruleName} @${ranges(w.location)} ${w.detail ?? ''} | ${w.description ?? ''} | ${w.url ?? ''}`),
  };
  if (r.buildError) out.error = `${normalizeError(r.buildError.message)} @${ranges(r.buildError.location)}`;
  return out;
}

async function compare(file: string, upstreamRules: Set<string>): Promise<string[]> {
  const text = readFileSync(file);
  const a = lintArgs(text.toString('utf8'));
  const ignoreFile = file.replace(/\.Dockerfile$/, '.dockerignore');
  const hasIgnore = existsSync(ignoreFile);
  const args = ['lint', '-f', file, '--image-metadata', metadataFile];
  for (const [k, v] of Object.entries(a.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (a.target) args.push('--target', a.target);
  if (a.platform) args.push('--platform', a.platform);
  if (hasIgnore) args.push('--dockerignore', ignoreFile);
  const upRaw = JSON.parse(runOracle(args).toString('utf8')) as LintResult;
  for (const w of upRaw.warnings ?? []) upstreamRules.add(w.ruleName);
  const up = comparable(upRaw);
  const ours = comparable(
    await lintDockerfile(text, {
      ...convertOptions(
        parseConfig(new Map([...Object.entries(a.buildArgs).map(([k, v]): [string, string] => [`build-arg:${k}`, v]), ['target', a.target ?? '']])),
        { resolver: MetadataFileResolver.fromFile(metadataFile) },
        { sessionId: 'oracle-session', ignoreFile: hasIgnore ? readFileSync(ignoreFile) : undefined },
      ),
      targetPlatform: a.platform ? parsePlatform(a.platform) : undefined,
    }),
  );
  const diffs: string[] = [];
  const n = Math.max(up.warnings.length, ours.warnings.length);
  for (let i = 0; i < n; i++) {
    if (up.warnings[i] !== ours.warnings[i]) diffs.push(`warning #${i}:\n  ours     ${ours.warnings[i]}\n  upstream ${up.warnings[i]}`);
  }
  if (up.error !== ours.error) diffs.push(`build error:\n  ours     ${ours.error}\n  upstream ${up.error}`);
  return diffs;
}

/**
 * One corpus: a test per file and a summary line `LABEL: N/M files
 * identical`. testdata/lint is the main one, which must make upstream fire
 * every rule; testdata/go-semantics (where Go and JavaScript part) counts
 * apart.
 */
function corpus(label: string, dir: string, minFiles: number, everyRule: boolean): void {
  /** Every rule upstream reported somewhere in the corpus. */
  const upstreamRules = new Set<string>();
  const { files, results } = corpusTests(label, dir, skip, (path) => compare(path, upstreamRules));

  test(`${label}: summary`, { skip }, () => {
    const ok = [...results.values()].filter((d) => d.length === 0).length;
    console.log(`${label}: ${ok}/${results.size} files identical`);
    const failing = [...results.entries()].filter(([, d]) => d.length > 0).map(([f]) => f);
    if (failing.length > 0) console.log(`${label}: differing: ${failing.join(', ')}`);
    assert.ok(files.length >= minFiles, `the corpus has ${files.length} files, expected at least ${minFiles}`);
    assert.equal(results.size, files.length);
    if (!everyRule) return;
    // The corpus must make upstream fire every one of its 22 rules.
    const missing = ALL_RULES.map((r) => r.name).filter((n) => !upstreamRules.has(n));
    assert.deepEqual(missing, [], `rules upstream never reported on the corpus: ${missing.join(', ')}`);
  });
}

corpus('lint parity', join('testdata', 'lint'), 60, true);
corpus('go semantics lint parity', join('testdata', 'go-semantics'), 10, false);

