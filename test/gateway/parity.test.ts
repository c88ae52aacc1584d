// End-to-end parity: every case under testdata/e2e is built by the real
// buildkitd three ways — our image as gateway.v0, the daemon's dockerfile.v0
// forwarding to our image through `# syntax=`, and upstream's v0.32.2 image as
// gateway.v0 (and through `# syntax=` for the error of a failing case) — and the results compared: the same layer diff ids and image
// config (creation times aside), or, for a failing case, the same error
// message and Dockerfile location. Ours build first; when our LLB equals
// upstream's, upstream's build is served from the same cache, so identical
// layers mean an identical build, not just similar files. First builds that
// differ are rebuilt once (see below) and reported.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { UPSTREAM_FRONTEND, buildkitOrSkip, instructionSteps, parseProgress, releaseBuildkit, repoRoot, uniqueRef } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { MASK_IDS, MASK_SYNTAX, buildOutcome, compareEach, contextArgs, errorLines, pushArgs } from './lib/build.ts';
import type { Outcome } from './lib/build.ts';

after(() => releaseBuildkit());

const CORPUS = join(repoRoot, 'testdata', 'e2e');

interface CaseSpec {
  args?: string[];
  secrets?: Record<string, string>;
  /** secrets buildctl reads from its environment (`--secret id=ID,env=VAR`) */
  secretEnv?: Record<string, string>;
  /** forward an ssh-agent socket as the default SSH id (`--ssh default=SOCKET`) */
  ssh?: boolean;
  fail?: boolean;
  /**
   * Steps that run again on every build (no-cache): their layers hold new
   * file times, so only the number of layers is compared, and every build
   * must have run its RUN steps.
   */
  rerun?: boolean;
}

/** The error as buildctl prints it: the `Dockerfile:N` header, the `>>>` lines and the `error:` line. */
function errorOf(stderr: string, lineShift = 0): string {
  return errorLines(stderr, { lineShift, masks: [MASK_IDS, MASK_SYNTAX] });
}

/** One real ssh-agent (Debian's openssh-client) for the cases that forward SSH, stopped by pid after the test. */
let agent: { proc: ChildProcess; socket: string; ready: Promise<void> } | undefined;
function sshAgentSocket(dir: string): Promise<string> {
  if (!agent) {
    const socket = join(dir, 'agent.sock');
    const proc = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    const ready = (async () => {
      for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
      if (!existsSync(socket)) throw new Error(`ssh-agent did not create ${socket}`);
    })();
    agent = { proc, socket, ready };
  }
  const a = agent;
  return a.ready.then(() => a.socket);
}
after(() => {
  if (agent?.proc.pid !== undefined) agent.proc.kill('SIGTERM');
});

async function build(name: string, spec: CaseSpec, frontend: string[], dockerfileDir: string, lineShift: number, secretDir: string): Promise<Outcome> {
  const ref = uniqueRef(`parity-${name}`);
  const args = ['build', '--progress=plain', ...frontend, ...contextArgs(join(CORPUS, name), dockerfileDir)];
  for (const id of Object.keys(spec.secrets ?? {})) args.push('--secret', `id=${id},src=${join(secretDir, id)}`);
  const env: Record<string, string> = {};
  for (const [id, v] of Object.entries(spec.secretEnv ?? {})) {
    env[`E2E_SECRET_${id.toUpperCase()}`] = v;
    args.push('--secret', `id=${id},env=E2E_SECRET_${id.toUpperCase()}`);
  }
  if (spec.ssh) args.push('--ssh', `default=${await sshAgentSocket(CORPUS_TMP)}`);
  args.push(...(spec.args ?? []));
  if (!spec.fail) args.push(...pushArgs(ref));
  return buildOutcome(args, { ref: spec.fail ? undefined : ref, errorOf: (e) => errorOf(e, lineShift), run: { env } });
}

// E2E_CASES=a,b runs only the cases whose names contain one of the words.
const only = (process.env.E2E_CASES ?? '').split(',').filter((w) => w !== '');
const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((n) => only.length === 0 || only.some((w) => n.includes(w)))
  .sort();
const CORPUS_TMP = mkdtempSync(join(tmpdir(), 'parity-agent-'));
after(() => rmSync(CORPUS_TMP, { recursive: true, force: true }));

/** Cases whose first builds differed in layers and agreed after a rebuild. */
const rebuilt: string[] = [];
const sameLayers = (x: Outcome, y: Outcome): boolean => isDeepStrictEqual(x.diffIds, y.diffIds);

test(`e2e parity over ${cases.length} cases (ours via gateway.v0 and # syntax vs upstream v0.32.2)`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  await compareEach(t, 'parity', cases, (n) => n, async (name) => {
    const dir = join(CORPUS, name);
    const specPath = join(dir, 'case.json');
    const spec = existsSync(specPath) ? (JSON.parse(readFileSync(specPath, 'utf8')) as CaseSpec) : {};
    const tmp = await mkdtemp(join(tmpdir(), `parity-${name}-`));
    try {
      for (const [id, v] of Object.entries(spec.secrets ?? {})) await writeFile(join(tmp, id), v);
      // The # syntax route reads a copy of the Dockerfile with the directive
      // on top (one line down for every location); the context is the same.
      const syntaxDir = join(tmp, 'df');
      await rm(syntaxDir, { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => fs.mkdir(syntaxDir));
      await writeFile(join(syntaxDir, 'Dockerfile'), `# syntax=${ours}\n` + readFileSync(join(dir, 'Dockerfile'), 'utf8'));
      const upSyntaxDir = join(tmp, 'df-upstream');
      await import('node:fs/promises').then((fs) => fs.mkdir(upSyntaxDir));
      await writeFile(join(upSyntaxDir, 'Dockerfile'), `# syntax=${UPSTREAM_FRONTEND}\n` + readFileSync(join(dir, 'Dockerfile'), 'utf8'));

      for (const f of readdirSync(dir).filter((n) => n.startsWith('Dockerfile.'))) {
        for (const d of [syntaxDir, upSyntaxDir]) await writeFile(join(d, f), readFileSync(join(dir, f)));
      }
      // Ours as gateway.v0, ours through # syntax, upstream's as gateway.v0, one after the other.
      const buildThree = async (): Promise<[Outcome, Outcome, Outcome]> => [
        await build(name, spec, ['--frontend', 'gateway.v0', '--opt', `source=${ours}`], dir, 0, tmp),
        await build(name, spec, ['--frontend', 'dockerfile.v0'], syntaxDir, 1, tmp),
        await build(name, spec, ['--frontend', 'gateway.v0', '--opt', `source=${UPSTREAM_FRONTEND}`], dir, 0, tmp),
      ];
      let [a, b, u] = await buildThree();
      // Upstream's image through # syntax too: the built-in frontend adds
      // its own location (the directive) to some forwarded errors.
      const us = await build(name, spec, ['--frontend', 'dockerfile.v0'], upSyntaxDir, 1, tmp);

      if (spec.fail) {
        assert.equal(u.ok, false, `upstream was expected to fail ${name}`);
        assert.equal(a.ok, false, `ours (gateway.v0) built ${name}, upstream failed with:\n${u.error}`);
        assert.equal(b.ok, false, `ours (# syntax) built ${name}, upstream failed with:\n${u.error}`);
        assert.equal(a.error, u.error, `error (gateway.v0) differs; ours:\n${a.stderr}`);
        assert.equal(b.error, us.error, `error (# syntax) differs; ours:\n${b.stderr}`);
      } else {
        assert.ok(u.ok, `upstream failed to build ${name}:\n${u.stderr}`);
        assert.ok(a.ok, `ours (gateway.v0) failed to build ${name}:\n${a.stderr}`);
        assert.ok(b.ok, `ours (# syntax) failed to build ${name}:\n${b.stderr}`);
        if (spec.rerun) {
          assert.equal(a.diffIds?.length, u.diffIds?.length, 'number of layers (gateway.v0)');
          assert.equal(b.diffIds?.length, u.diffIds?.length, 'number of layers (# syntax)');
          for (const o of [a, b, u]) {
            const runs = instructionSteps(parseProgress(o.stderr)).filter((st) => / RUN /.test(st.name));
            assert.ok(runs.length > 0 && runs.every((st) => !st.cached), `RUN steps ran again:\n${o.stderr}`);
          }
        } else if (sameLayers(a, u) && sameLayers(b, u)) {
          // identical from the cache: the common case
        } else {
          // A step that ran again for one build although its cache key is the
          // same leaves new file times in its layer. Seen in CI, not when the
          // case runs alone: ours (gateway.v0) ran every step on a fresh
          // daemon, and upstream's build, all CACHED, still got other layers
          // (the records of a later build with the same keys). Rebuilding
          // tells that apart from a real difference: with equal cache keys the
          // daemon now answers every build with the same one of the key's
          // records (tried: after an upstream build with --no-cache, rebuilds
          // of both got the first record), so they agree; with different keys
          // each keeps its own record and they differ.
          const steps = (o: Outcome) => instructionSteps(parseProgress(o.stderr)).map((st) => `${st.cached ? 'CACHED' : 'ran'} ${st.name}`).join('\n');
          const first = `first builds differed; steps of ours (gateway.v0):\n${steps(a)}\nsteps of ours (# syntax):\n${steps(b)}\nsteps of upstream:\n${steps(u)}`;
          process.stderr.write(`e2e parity: ${name}: ${first}\nrebuilding\n`);
          // The configs hold the layers too: they are compared from the rebuilds.
          [a, b, u] = await buildThree();
          assert.deepEqual(a.diffIds, u.diffIds, `layer diff ids (gateway.v0), after a rebuild; ${first}`);
          assert.deepEqual(b.diffIds, u.diffIds, `layer diff ids (# syntax), after a rebuild; ${first}`);
          rebuilt.push(name);
        }
        const cfg = (o: Outcome) => (spec.rerun ? { ...(o.config as object), rootfs: undefined } : o.config);
        assert.deepEqual(cfg(a), cfg(u), 'image config (gateway.v0)');
        assert.deepEqual(cfg(b), cfg(u), 'image config (# syntax)');
        assert.ok(us.ok && us.config !== undefined, `upstream (# syntax) failed to build ${name}:\n${us.stderr}`);
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
  process.stderr.write(`e2e parity: ${rebuilt.length} case(s) agreed only after a rebuild${rebuilt.length ? ` (${rebuilt.join(', ')})` : ''}\n`);
});
