// The two floor frontends of bench/e2e.ts, built and pushed to the test
// registry: the least a gateway frontend can do (connect, Ping, return an
// empty result) in Node.js (bench/floor/floor.cjs on the same Node.js image
// as ours) and in Go (tools/buildkit/floorfrontend, BuildKit's own gateway
// client, in a FROM scratch image like upstream's frontend).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildctl, repoRoot, run } from '../../test/e2e/harness.ts';

export const FLOOR_NODE = 'localhost:5000/bench/floor-node:latest';
export const FLOOR_GO = 'localhost:5000/bench/floor-go:latest';

// The labels upstream's frontend image has (and ours, frontend.Dockerfile).
const LABELS = [
  'LABEL moby.buildkit.frontend.network.none="true"',
  'LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring"',
];

async function push(dir: string, dockerfile: string[], ref: string): Promise<void> {
  writeFileSync(join(dir, 'Dockerfile'), dockerfile.join('\n') + '\n');
  const r = await buildctl(['build', '--frontend', 'dockerfile.v0', '--local', `context=${dir}`, '--local', `dockerfile=${dir}`, '--output', `type=image,name=${ref},push=true`], { timeoutMs: 600_000 });
  if (r.code !== 0) throw new Error(`building ${ref} failed:\n${r.stderr}`);
}

export async function ensureFloorImages(): Promise<{ node: string; go: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  try {
    const goDir = join(dir, 'go');
    const nodeDir = join(dir, 'node');
    mkdirSync(goDir);
    mkdirSync(nodeDir);
    const r = await run('go', ['build', '-trimpath', '-o', join(goDir, 'floorfrontend'), './floorfrontend'], {
      cwd: join(repoRoot, 'tools', 'buildkit'),
      env: { CGO_ENABLED: '0' },
      timeoutMs: 600_000,
    });
    if (r.code !== 0) throw new Error(`building tools/buildkit/floorfrontend failed:\n${r.stderr}`);
    await push(goDir, ['FROM scratch', ...LABELS, 'COPY floorfrontend /bin/floorfrontend', 'ENTRYPOINT ["/bin/floorfrontend"]'], FLOOR_GO);

    copyFileSync(join(repoRoot, 'bench', 'floor', 'floor.cjs'), join(nodeDir, 'floor.cjs'));
    // node:20 is the base of frontend.Dockerfile too (the test registry's Node.js runtime image).
    await push(nodeDir, ['FROM node:20', ...LABELS, 'COPY floor.cjs /bin/floor.cjs', 'ENTRYPOINT ["node", "/bin/floor.cjs"]'], FLOOR_NODE);
    return { node: FLOOR_NODE, go: FLOOR_GO };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * tools/buildkit/inprocessbuild built into `dir`; its path. With a context
 * directory it builds it with upstream's frontend inside Go's client; with
 * the address alone it is the Go client floor (connect, ListWorkers, exit).
 */
export async function buildInprocessBuild(dir: string): Promise<string> {
  const out = join(dir, 'inprocessbuild');
  const r = await run('go', ['build', '-trimpath', '-o', out, './inprocessbuild'], {
    cwd: join(repoRoot, 'tools', 'buildkit'),
    env: { CGO_ENABLED: '0' },
    timeoutMs: 600_000,
  });
  if (r.code !== 0) throw new Error(`building tools/buildkit/inprocessbuild failed:\n${r.stderr}`);
  return out;
}
