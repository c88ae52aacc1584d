// End-to-end subrequests and build-check warnings through the gateway, ours
// against upstream's v0.32.2 image on the real buildkitd:
// - `requestid` (describe, outline, targets, lint, an unknown id): every
//   metadata entry (result.json, result.txt, version, result.statuscode)
//   byte for byte, both frontends asked within one session by
//   tools/buildkit/subrequest (buildctl prints only result.txt), so even the
//   Dockerfile's source definition in lint's result.json must be identical;
//   an error must have the same message and Dockerfile locations (none for
//   subrequests), asked directly and through the daemon's dockerfile.v0
//   forwarding a `# syntax=` line (whose own location it then adds);
// - builds of lint corpus files: the `WARN:` lines buildctl prints and, for
//   `# check=error=true`, the error.
// Base images the corpora name (alpine:3.19, golang:1.22, ...) are not in the
// local registry: both frontends get the Dockerfile with busybox:latest in
// their place, and a `# syntax=` directive blanked out (same line numbers).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, buildctl, buildkitOrSkip, releaseBuildkit, repoRoot } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { contextArgs, errorLines, gatewayArgs, rawWarnings } from './lib/build.ts';
import { violationRulesSorted } from '../subrequests/outcome.ts';
import { ask, askAgreeing, askFrontends, assertSameAnswer, localImages, withDockerfile } from './lib/subrequest.ts';

after(() => releaseBuildkit());

const SUBREQ_DIR = join(repoRoot, 'testdata', 'subrequests');
const LINT_DIR = join(repoRoot, 'testdata', 'lint');

interface SubCase {
  file: string;
  dir: string;
  request: string;
  opts?: Record<string, string>;
  /** Frontend inputs that are local sources (NAME: LOCAL), as a client like buildx passes them. */
  inputLocals?: Record<string, string>;
}

const SUBREQUEST_FILES = [
  '01-single',
  '02-named-doc',
  '03-args-doc',
  '04-secrets',
  '05-ssh',
  '07-targets-platform',
  '08-base-chain',
  '10-copy-from-index',
  '11-mount-from',
  '12-env-expansion',
  '13-only-targets',
  '15-arg-override',
  '19-multiline-run',
  '21-platform-args',
  '17-unicode',
  '18-html-chars',
];
const CONVERTLLB_FILES = [
  '01-single',
  '04-secrets',
  '05-ssh',
  '08-base-chain',
  '10-copy-from-index',
  '11-mount-from',
  '14-empty-stages',
  '17-unicode',
  '18-html-chars',
  '19-multiline-run',
  '21-platform-args',
  '27-heredoc',
  '29-many-stages',
  '35-nested-deps',
];
const LINT_SUBREQUEST_FILES = ['casing-mixed', 'undefined-var-suggest', 'json-args-cmd', 'multiple-cmd', 'build-error-location', 'check-error-true', 'duplicate-stage'];

const subCases: SubCase[] = [
  { file: '01-single', dir: SUBREQ_DIR, request: 'frontend.subrequests.describe' },
  { file: '01-single', dir: SUBREQ_DIR, request: 'frontend.no-such-request' },
  { file: '02-named-doc', dir: SUBREQ_DIR, request: 'frontend.outline', opts: { target: 'build' } },
  { file: '03-args-doc', dir: SUBREQ_DIR, request: 'frontend.outline', opts: { 'build-arg:VERSION': '2.0.0' } },
  ...SUBREQUEST_FILES.flatMap((f) => [
    { file: f, dir: SUBREQ_DIR, request: 'frontend.outline' },
    { file: f, dir: SUBREQ_DIR, request: 'frontend.targets' },
    { file: f, dir: SUBREQ_DIR, request: 'frontend.lint' },
  ]),
  ...LINT_SUBREQUEST_FILES.map((f) => ({ file: f, dir: LINT_DIR, request: 'frontend.lint' })),
  // convertllb: the whole Definition as JSON (ops, metadata, source map with the Dockerfile's own definition).
  ...CONVERTLLB_FILES.map((f) => ({ file: f, dir: SUBREQ_DIR, request: 'frontend.convertllb' })),
  { file: '15-arg-override', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { 'build-arg:GLOBAL': '9', 'label:x': 'y' } },
  { file: '02-named-doc', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { target: 'build', 'no-cache': '' } },
  { file: '21-platform-args', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { platform: 'linux/386' } },
  { file: '18-html-chars', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { 'force-network-mode': 'host', 'add-hosts': 'a.b=1.2.3.4' } },
  // A stage replaced by a local named context whose shared-key hint and session id are set by option
  // (the local source's attrs show both in the Definition).
  {
    file: '11-mount-from',
    dir: SUBREQ_DIR,
    request: 'frontend.convertllb',
    opts: { 'context:cachestage': 'local:context', 'sharedkey:localdir:context': 'mykey', 'local-sessionid:context': 'othersession' },
  },
  // The Dockerfile read from another local (`dockerfilekey`), or in another session: the source map's
  // definition is the local source the Dockerfile was read through, its name and session id included.
  { file: '01-single', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { dockerfilekey: 'df' } },
  { file: '01-single', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { 'local-sessionid:dockerfile': 'othersession' } },
  // The Dockerfile from the frontend's `dockerfile` input, and that input passed over by `dockerfilekey`.
  { file: '01-single', dir: SUBREQ_DIR, request: 'frontend.convertllb', inputLocals: { dockerfile: 'df' } },
  { file: '01-single', dir: SUBREQ_DIR, request: 'frontend.convertllb', opts: { dockerfilekey: 'dockerfile' }, inputLocals: { dockerfile: 'df' } },
];

test(`e2e subrequests: ${subCases.length} requests, ours vs upstream v0.32.2, every metadata entry byte for byte`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  let same = 0;
  const different: string[] = [];
  const askedAgain: string[] = [];
  // SUBREQUESTS_ONLY=<request name part> narrows the run by hand (the summary says so).
  const only = process.env.SUBREQUESTS_ONLY;
  const cases = only ? subCases.filter((c) => c.request.includes(only)) : subCases;
  for (const c of cases) {
    const name = `${c.request} ${c.file}${c.opts ? ' ' + JSON.stringify(c.opts) : ''}${c.inputLocals ? ' inputs ' + JSON.stringify(c.inputLocals) : ''}`;
    await t.test(name, async () => {
      const text = localImages(readFileSync(join(c.dir, `${c.file}.Dockerfile`), 'latin1'));
      const { answers, asks } = await askAgreeing(env.buildkitHost, ours, text, { requestid: c.request, ...(c.opts ?? {}) }, 'subreq-', c.inputLocals);
      const [a, u] = answers;
      if (asks > 1) askedAgain.push(`${name} (${asks} asks)`);
      try {
        assertSameAnswer(a, u);
        if (c.request !== 'frontend.no-such-request') assert.ok(u.metadata?.['result.json'], `upstream answered: ${u.error ?? ''}`);
        same++;
      } catch (err) {
        different.push(name);
        throw err;
      }
    });
  }
  const msg = `e2e subrequests: ${same}/${cases.length} identical${only ? ` (only ${only})` : ''}${askedAgain.length ? ` (identical only when asked again: ${askedAgain.join('; ')})` : ''}${different.length ? ` (different: ${different.join('; ')})` : ''}`;
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});

const LINT_BUILD_FILES = [
  'casing-tie',
  'check-error-true',
  'check-skip-one',
  'duplicate-stage',
  'empty-continuation',
  'expose-proto-casing',
  'from-as-casing',
  'json-args-cmd',
  'legacy-env',
  'maintainer',
  'multiple-cmd',
  'secrets-env',
  'stage-name-casing',
  'undefined-var-suggest',
  'workdir-relative',
  'redundant-target-platform',
  'platform-const',
];

interface BuildOutcome {
  code: number | null;
  warnings: string[];
  error: string;
}

/**
 * The daemon sometimes drops a build's Warn progress (seen with upstream's
 * frontend too, more often with builds running side by side): a build that
 * printed no WARN line is run once more (counted in `retries`).
 */
async function buildWithWarnings(frontend: string, text: string, retries: { n: number }): Promise<BuildOutcome> {
  const first = await buildOnce(frontend, text);
  if (first.warnings.length > 0) return first;
  retries.n++;
  return buildOnce(frontend, text);
}

async function buildOnce(frontend: string, text: string): Promise<BuildOutcome> {
  return withDockerfile('subreq-', text, async (dir) => {
    // Warnings come from the raw progress stream: buildctl's plain printer
    // drops a warning that arrives for a vertex it has already closed.
    const r = await buildctl([...gatewayArgs(frontend, 'rawjson'), ...contextArgs(dir)], { timeoutMs: 300_000 });
    const warnings = rawWarnings(r.stderr).map((w) => `WARN: ${w}`);
    const error = errorLines(r.stderr, { source: false });
    return { code: r.code, warnings, error };
  });
}

test(`e2e build-check warnings: ${LINT_BUILD_FILES.length} lint corpus builds, ours vs upstream v0.32.2`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  let same = 0;
  let warningLines = 0;
  const oursRetries = { n: 0 };
  const upstreamRetries = { n: 0 };
  const different: string[] = [];
  await Promise.all(
    LINT_BUILD_FILES.map((f) =>
      t.test(f, { concurrency: true }, async () => {
        const text = localImages(readFileSync(join(LINT_DIR, `${f}.Dockerfile`), 'latin1'));
        const a = await buildWithWarnings(ours, text, oursRetries);
        const u = await buildWithWarnings(UPSTREAM_FRONTEND, text, upstreamRetries);
        try {
          assert.ok(u.warnings.length > 0 || f.endsWith('-neg'), `upstream printed no warnings for ${f}`);
          assert.deepEqual(a.warnings, u.warnings, 'WARN lines');
          assert.equal(a.code === 0, u.code === 0, `exit status: ours ${a.code}, upstream ${u.code}\n${a.error}\n---\n${u.error}`);
          // Upstream lists the rules of `lint violation found for rules:` in Go map order: compared sorted.
          if (/check=error=true/.test(text)) assert.equal(violationRulesSorted(a.error), violationRulesSorted(u.error), 'error');
          warningLines += u.warnings.length;
          same++;
        } catch (err) {
          different.push(f);
          throw err;
        }
      }),
    ),
  );
  const msg = `e2e build-check warnings: ${same}/${LINT_BUILD_FILES.length} identical (${warningLines} WARN lines; reruns after no WARN line: ours ${oursRetries.n}, upstream ${upstreamRetries.n})${different.length ? ` (different: ${different.join(', ')})` : ''}`;
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});

/** Failing subrequests: [request, Dockerfile body, options]. */
const ERROR_CASES: [string, string, Record<string, string>][] = [
  ['frontend.targets', 'FROM busybox:latest\nFORM busybox\n', {}],
  ['frontend.outline', 'FROM busybox:latest\nFORM busybox\n', {}],
  ['frontend.outline', 'FROM busybox:latest AS a\nRUN true\n', { target: 'missing' }],
  ['frontend.outline', 'ARG VAR\nFROM busybox:latest\nFROM ${VAR}\n', {}],
  ['frontend.outline', 'FROM busybox:latest AS a\nCOPY --from=b /x /x\nFROM busybox:latest AS b\nCOPY --from=a /y /y\n', {}],
];

test(`e2e subrequest errors: ${ERROR_CASES.length} failing requests, direct and through a # syntax= line, ours vs upstream v0.32.2`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  let same = 0;
  for (const [request, body, opts] of ERROR_CASES) {
    const name = `${request} ${JSON.stringify(body)}${Object.keys(opts).length ? ' ' + JSON.stringify(opts) : ''}`;
    await t.test(name, async () => {
      const q = { requestid: request, ...opts };
      const [a, u] = await ask(env.buildkitHost, ours, body, q, 'subreq-err-');
      assert.ok(u.error, `upstream answered ${JSON.stringify(u.metadata)}`);
      assertSameAnswer(a, u);
      // The daemon's dockerfile.v0 forwards to the image the first line names; the files differ only in that line.
      const [fa] = await askFrontends(env.buildkitHost, ['dockerfile.v0'], `# syntax=${ours}\n${body}`, q, 'subreq-err-');
      const [fu] = await askFrontends(env.buildkitHost, ['dockerfile.v0'], `# syntax=${UPSTREAM_FRONTEND}\n${body}`, q, 'subreq-err-');
      assert.ok(fu.error, `upstream answered ${JSON.stringify(fu.metadata)}`);
      assertSameAnswer(fa, fu);
      same++;
    });
  }
  const msg = `e2e subrequest errors: ${same}/${ERROR_CASES.length} identical (message and locations, direct and forwarded)`;
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});
