// The labs channel end to end on a real buildkitd, through our `:labs` image
// (scripts/frontend-image.sh pushes it beside the stable one).
//
// - RUN --device against upstream's labs build (localhost:5000/upstream/
//   dockerfile:v0.32.2-labs): a CDI spec written for the test (a fake device
//   whose container edits set an environment variable) in the daemon's CDI
//   spec directory (scripts/e2e/start.sh configures $E2E_DIR/cdi; a daemon
//   started before that gets a private one here, with the same
//   configuration). A build that asks for the device sees it; an optional
//   device that does not exist is skipped; a required one fails. Both
//   frontends must give the same files and the same error: printed as
//   `labs e2e device parity: N/M identical`.
// - RUN --no-cache: built twice; the second build re-runs the step, keeps
//   the steps before it cached, and what happens to the steps after it is
//   measured and printed (docs/labs.md records it).
// - COPY/ADD --optional: missing sources are skipped, built against
//   upstream building the same copy written as one-character wildcard
//   classes (the lowering docs/labs.md describes): the same files.
// - Stage-scoped args in COPY --from and RUN --mount from= (with and
//   without --build-arg), against upstream building the names written out.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, buildkitOrSkip, repoRoot, instructionSteps, makeContext, run, UPSTREAM_LABS_FRONTEND, type Env } from '../e2e/harness.ts';
import { ensureFrontendImage, OUR_FRONTEND, OUR_LABS_FRONTEND } from '../gateway/frontend-image.ts';
import { errorLines } from '../gateway/lib/build.ts';
import { askFrontends, decoded } from '../gateway/lib/subrequest.ts';

/** A daemon that reads CDI specs from `cdiDir`, and how to stop it if this test started it. */
interface CdiDaemon {
  host: string;
  cdiDir: string;
  stop(): Promise<void>;
}

/** Whether the environment's buildkitd was started with $E2E_DIR/cdi as its CDI spec directory. */
function sharedHasCdi(env: Env): boolean {
  const cfg = join(env.dir, 'buildkitd', 'buildkitd.toml');
  return existsSync(cfg) && readFileSync(cfg, 'utf8').includes(`specDirs = ["${join(env.dir, 'cdi')}"]`) && existsSync(join(env.dir, 'cdi'));
}

/**
 * A buildkitd of this test only: scripts/e2e/start.sh with a state directory
 * of its own (its root, socket, configuration and CDI directory; the shared
 * registry already answering on localhost:5000 is reused), stopped by
 * stop.sh with the same directory.
 */
async function privateDaemon(): Promise<CdiDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'bk-labs-'));
  const scripts = join(repoRoot, 'scripts', 'e2e');
  const env = { E2E_DIR: dir, BUILDKIT_HOST: '' };
  const stop = async (): Promise<void> => {
    await run('bash', [join(scripts, 'stop.sh'), '--user', String(process.pid)], { env });
    rmSync(dir, { recursive: true, force: true });
  };
  const r = await run('bash', [join(scripts, 'start.sh'), '--user', String(process.pid)], { env, timeoutMs: 120_000 });
  const host = /^export BUILDKIT_HOST=(.*)$/m.exec(r.stdout)?.[1];
  if (r.code !== 0 || host === undefined) {
    await stop();
    throw new Error(`a private buildkitd with CDI did not start:\n${r.stderr}`);
  }
  return { host, cdiDir: join(dir, 'cdi'), stop };
}

/** Every file under `dir` (relative path -> content). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        out[relative(dir, p) + '/'] = '';
        walk(p);
      } else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

interface LocalBuild {
  ok: boolean;
  stderr: string;
  files: Record<string, string>;
  steps: ReturnType<typeof instructionSteps>;
}

/** Builds `dockerfile` with `frontend` (gateway.v0) and exports the result to a local directory. */
async function buildLocal(frontend: string, files: Record<string, string>, host?: string, args: string[] = []): Promise<LocalBuild> {
  const ctx = await makeContext(files);
  const out = mkdtempSync(join(tmpdir(), 'labs-out-'));
  try {
    const r = await build({ context: ctx, frontend, output: `type=local,dest=${out}`, host, args });
    return { ok: r.code === 0, stderr: r.stderr, files: r.code === 0 ? tree(out) : {}, steps: instructionSteps(r.steps) };
  } finally {
    rmSync(ctx, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

async function setUp(t: TestContext): Promise<Env | undefined> {
  const env = await buildkitOrSkip(t);
  if (env === undefined) return undefined;
  await ensureFrontendImage();
  return env;
}

test('labs e2e: RUN --device against upstream labs, with a fake CDI device', { timeout: 900_000 }, async (t) => {
  const env = await setUp(t);
  if (env === undefined) return;
  const daemon: CdiDaemon = sharedHasCdi(env)
    ? { host: env.buildkitHost, cdiDir: join(env.dir, 'cdi'), stop: async () => {} }
    : await privateDaemon();
  // One kind per process: concurrent test processes write their own specs.
  const kind = `dockerfile-llb.test/dev${process.pid}`;
  const spec = join(daemon.cdiDir, `dockerfile-llb-labs-${process.pid}.yaml`);
  writeFileSync(
    spec,
    `cdiVersion: "0.6.0"
kind: "${kind}"
devices:
- name: foo
  containerEdits:
    env:
    - FAKE_DEVICE=injected-by-cdi
  annotations:
    org.mobyproject.buildkit.device.autoallow: true
- name: guarded
  containerEdits:
    env:
    - FAKE_DEVICE=guarded
`,
  );
  try {
    // The daemon's CDI cache watches the directory.
    await new Promise((r) => setTimeout(r, 1000));
    const cases: { name: string; dockerfile: string; fail?: boolean; args?: string[]; check?: (files: Record<string, string>) => void }[] = [
      {
        name: 'a device and a missing optional one',
        dockerfile: `FROM busybox AS base
RUN --device=${kind}=foo,required --device=${kind}=absent env | sort > /device.env
FROM scratch
COPY --from=base /device.env /
`,
        check: (files) => assert.match(files['device.env'] ?? '', /^FAKE_DEVICE=injected-by-cdi$/m, 'the device edits reach the RUN step'),
      },
      {
        name: 'the device by name= and required=true',
        dockerfile: `FROM busybox AS base
RUN --device=name=${kind}=foo,required=true echo "$FAKE_DEVICE" > /seen
FROM scratch
COPY --from=base /seen /
`,
        check: (files) => assert.equal(files['seen'], 'injected-by-cdi\n'),
      },
      {
        name: 'no variable expansion in --device (as upstream: the name stays $DEV)',
        dockerfile: `FROM busybox
ARG DEV=${kind}=foo
RUN --device=$DEV,required true
`,
        fail: true,
      },
      {
        name: 'a device that is not auto-allowed, with the device entitlement (--allow device)',
        dockerfile: `FROM busybox AS base\nRUN --device=${kind}=guarded,required echo "$FAKE_DEVICE" > /seen\nFROM scratch\nCOPY --from=base /seen /\n`,
        args: ['--allow', 'device'],
        check: (files) => assert.equal(files['seen'], 'guarded\n'),
      },
      {
        name: 'a device that is not auto-allowed, without the entitlement',
        dockerfile: `FROM busybox\nRUN --device=${kind}=guarded,required true\n`,
        fail: true,
      },
      { name: 'a required device that does not exist', dockerfile: `FROM busybox\nRUN --device=${kind}=absent,required true\n`, fail: true },
      { name: 'a bad device option', dockerfile: `FROM busybox\nRUN --device=${kind}=foo,requird true\n`, fail: true },
    ];
    let same = 0;
    for (const c of cases) {
      await t.test(c.name, async () => {
        const ours = await buildLocal(OUR_LABS_FRONTEND, { Dockerfile: c.dockerfile }, daemon.host, c.args);
        const up = await buildLocal(UPSTREAM_LABS_FRONTEND, { Dockerfile: c.dockerfile }, daemon.host, c.args);
        if (c.fail) {
          assert.equal(up.ok, false, `upstream labs was expected to fail:\n${up.stderr}`);
          assert.equal(ours.ok, false, `ours built it; upstream failed with:\n${errorLines(up.stderr)}`);
          assert.equal(errorLines(ours.stderr), errorLines(up.stderr));
        } else {
          assert.ok(up.ok, `upstream labs failed:\n${up.stderr}`);
          assert.ok(ours.ok, `ours failed:\n${ours.stderr}`);
          // The environment differs only by the container's HOSTNAME (random per run).
          const mask = (f: Record<string, string>): Record<string, string> =>
            Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.replace(/^HOSTNAME=.*$/m, 'HOSTNAME=<masked>')]));
          assert.deepEqual(mask(ours.files), mask(up.files));
          c.check?.(ours.files);
        }
        same++;
      });
    }
    console.log(`labs e2e device parity: ${same}/${cases.length} identical (ours :labs vs upstream v0.32.2-labs${sharedHasCdi(env) ? '' : ', private buildkitd with CDI'})`);
    assert.equal(same, cases.length);
  } finally {
    rmSync(spec, { force: true });
    await daemon.stop();
  }
});

test('labs e2e: RUN --no-cache re-runs the step on every build; the cache of later steps, measured', { timeout: 600_000 }, async (t) => {
  const env = await setUp(t);
  if (env === undefined) return;
  const token = `${Date.now()}-${process.pid}`;
  const dockerfile = `FROM busybox AS build
RUN echo ${token} > /before
RUN --no-cache cat /proc/sys/kernel/random/uuid > /stamp
RUN cat /stamp > /after-stamp
RUN --no-cache echo same-content > /same
RUN cat /same > /after-same
FROM scratch
COPY --from=build /before /stamp /after-stamp /
COPY --from=build /same /after-same /s/
`;
  const first = await buildLocal(OUR_LABS_FRONTEND, { Dockerfile: dockerfile });
  assert.ok(first.ok, first.stderr);
  const second = await buildLocal(OUR_LABS_FRONTEND, { Dockerfile: dockerfile });
  assert.ok(second.ok, second.stderr);
  const cached = (name: string): boolean => {
    const s = second.steps.find((x) => x.name.includes(name));
    assert.ok(s, `step ${name} in the second build's progress`);
    return s.cached;
  };
  const measured = {
    stepBefore: cached('echo ' + token),
    noCacheStep: cached('random/uuid'),
    execAfterIt: cached('cat /stamp'),
    noCacheStepSameOutput: cached('echo same-content'),
    execAfterItSameOutput: cached('cat /same'),
    copyOfChangedOutput: cached('COPY --from=build /before'),
    copyOfSameOutput: cached('COPY --from=build /same'),
  };
  const stampChanged = first.files['stamp'] !== second.files['stamp'];
  const afterFollows = second.files['after-stamp'] === second.files['stamp'];
  console.log(`labs e2e no-cache: cached in the second build: ${JSON.stringify(measured)}`);
  console.log(`labs e2e no-cache: /stamp changed: ${stampChanged}; the next step saw the new /stamp: ${afterFollows}`);
  // What docs/labs.md states, as measured on BuildKit v0.32.2. Every step
  // built on the --no-cache step skips the cache too (the lowering marks
  // them): BuildKit finds a step two hops after an ignore-cache step by its
  // definition and would reuse its old result (a stale /stamp; measured
  // before the marking: the exec right after re-ran, the COPY --from after
  // it came from the cache with the old content).
  assert.deepEqual(measured, {
    stepBefore: true, // the steps before it come from the cache
    noCacheStep: false, // the step itself runs again
    execAfterIt: false, // every step built on it runs again
    noCacheStepSameOutput: false,
    execAfterItSameOutput: false,
    copyOfChangedOutput: false,
    copyOfSameOutput: false,
  });
  assert.ok(stampChanged, 'the --no-cache step wrote a new /stamp');
  assert.ok(afterFollows, 'the step after it read the new /stamp');
  assert.equal(second.files['s/same'], 'same-content\n');
});

test('labs e2e: COPY/ADD --optional against upstream copying the same wildcard classes', { timeout: 600_000 }, async (t) => {
  const env = await setUp(t);
  if (env === undefined) return;
  const context = { 'present.txt': 'present\n', 'dir/in.txt': 'in\n', 'extras.tar.txt': 'not an archive\n' };
  const ours = `FROM busybox AS build
WORKDIR /w
COPY --optional present.txt missing.txt nodir/x.txt dir/in.txt /dst/
COPY --optional missing-only.txt /empty/
COPY --optional --from=busybox /bin/busybox /nope /bb/
ADD --optional extras.tar.txt nothing.tar /add/
RUN find /dst /empty /bb /add | sort > /listing; true
FROM scratch
COPY --from=build /listing /dst /
`;
  const upstream = `FROM busybox AS build
WORKDIR /w
COPY [p]resent.txt [m]issing.txt [n]odir/x.txt [d]ir/in.txt /dst/
COPY [m]issing-only.txt /empty/
COPY --from=busybox /[b]in/busybox /[n]ope /bb/
ADD [e]xtras.tar.txt [n]othing.tar /add/
RUN find /dst /empty /bb /add | sort > /listing; true
FROM scratch
COPY --from=build /listing /dst /
`;
  const a = await buildLocal(OUR_LABS_FRONTEND, { ...context, Dockerfile: ours });
  const b = await buildLocal(UPSTREAM_LABS_FRONTEND, { ...context, Dockerfile: upstream });
  assert.ok(b.ok, b.stderr);
  assert.ok(a.ok, a.stderr);
  assert.deepEqual(a.files, b.files);
  assert.equal(a.files['present.txt'], 'present\n');
  assert.equal(a.files['in.txt'], 'in\n');
  console.log(`labs e2e optional: listing\n${a.files['listing']}`);

  // Stable rejects the flag as upstream's stable frontend does (unknown flag).
  const missing = await buildLocal(OUR_FRONTEND, { Dockerfile: 'FROM busybox\nCOPY --optional a /\n' });
  assert.equal(missing.ok, false);
  assert.match(errorLines(missing.stderr), /unknown flag: --optional/);
});

test('labs e2e: stage-scoped args in COPY --from and RUN --mount from=, against upstream with the names written out', { timeout: 600_000 }, async (t) => {
  const env = await setUp(t);
  if (env === undefined) return;
  const stages = `FROM busybox AS a
RUN echo from-a > /f
FROM busybox AS b
RUN echo from-b > /f
FROM busybox AS build
`;
  const ours = `${stages}ARG SRC=a
ARG TOOLS=a
COPY --from=\${SRC} /f /copied
RUN --mount=from=$TOOLS,target=/m cat /m/f > /mounted
FROM scratch
COPY --from=build /copied /mounted /
`;
  const upstream = (src: string, tools: string): string => `${stages}COPY --from=${src} /f /copied
RUN --mount=from=${tools},target=/m cat /m/f > /mounted
FROM scratch
COPY --from=build /copied /mounted /
`;
  for (const [src, tools, args] of [
    ['a', 'a', []],
    ['b', 'a', ['--opt', 'build-arg:SRC=b']],
    ['b', 'b', ['--opt', 'build-arg:SRC=b', '--opt', 'build-arg:TOOLS=b']],
  ] as const) {
    const a = await buildLocal(OUR_LABS_FRONTEND, { Dockerfile: ours }, undefined, [...args]);
    const b = await buildLocal(UPSTREAM_LABS_FRONTEND, { Dockerfile: upstream(src, tools) });
    assert.ok(a.ok, a.stderr);
    assert.ok(b.ok, b.stderr);
    assert.deepEqual(a.files, b.files);
    assert.deepEqual(a.files, { copied: `from-${src}\n`, mounted: `from-${tools}\n` });
  }
});

test('labs e2e: --call check runs the lint pack inside the image (its WebAssembly shell parser loads under the image\'s code cache), as the CLI reports it', { timeout: 600_000 }, async (t) => {
  const env = await setUp(t);
  if (env === undefined) return;
  // Once failed with "A dynamic import callback was not specified": the
  // parser's loader used import(), which a function restored from a V8 code
  // cache cannot call in Node 20 (scripts/build.mjs).
  const text = '# check=experimental=best-practices\nFROM busybox\nRUN apt-get install -y curl\n';
  const [answer] = await askFrontends(env.buildkitHost, [OUR_LABS_FRONTEND], text, { requestid: 'frontend.lint' }, 'labs-pack-');
  assert.equal(answer!.error, undefined, answer!.error);
  type Warnings = { warnings: { ruleName: string; detail: string; location: { ranges: { start: { line: number } }[] } }[] | null };
  const findings = (r: Warnings): string[] => (r.warnings ?? []).map((w) => `${w.location.ranges[0]!.start.line} ${w.ruleName}: ${w.detail}`);
  const ours = findings(JSON.parse(decoded(answer!)['result.json']!) as Warnings);
  // The reference: our CLI, in this process's checkout (the pack is this project's own).
  const dir = mkdtempSync(join(tmpdir(), 'labs-pack-cli-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), text);
    const cli = await run(process.execPath, [join(repoRoot, 'dist', 'dockerfile-llb.js'), 'lint', '--channel', 'labs', '--offline', '--format', 'json', join(dir, 'Dockerfile')]);
    assert.equal(cli.code, 0, cli.stderr);
    const want = findings(JSON.parse(cli.stdout) as Warnings);
    assert.ok(want.some((f) => f.includes('AptGetNoInstallRecommends')), want.join('\n'));
    assert.deepEqual(ours, want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
