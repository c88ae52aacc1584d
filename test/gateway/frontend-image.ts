// Builds and pushes the project's frontend image once per test process
// (scripts/frontend-image.sh: npm's bundle + frontend.Dockerfile, built by the
// test environment's buildkitd).
import { join } from 'node:path';
import { ensureBuildkit, repoRoot, run } from '../e2e/harness.ts';

/** Our image's reference; E2E_OUR_FRONTEND lets several checkouts share one registry. */
export const OUR_FRONTEND = process.env.E2E_OUR_FRONTEND ?? 'localhost:5000/dockerfile-llb:dev';
/** Our labs channel image, which scripts/frontend-image.sh pushes beside it (REPO:labs for a :dev tag, else REF-labs). */
export const OUR_LABS_FRONTEND = OUR_FRONTEND.endsWith(':dev') ? OUR_FRONTEND.slice(0, -':dev'.length) + ':labs' : `${OUR_FRONTEND}-labs`;

let built: Promise<string> | undefined;

export function ensureFrontendImage(): Promise<string> {
  built ??= (async () => {
    const env = await ensureBuildkit();
    const r = await run('bash', [join(repoRoot, 'scripts', 'frontend-image.sh'), OUR_FRONTEND], {
      // amd64 only: the arm64 half (built under emulation) is arm64.test.ts's.
      env: { BUILDKIT_HOST: env.buildkitHost, E2E_DIR: env.dir, FRONTEND_PLATFORMS: 'linux/amd64' },
      timeoutMs: 600_000,
    });
    if (r.code !== 0) throw new Error(`scripts/frontend-image.sh failed:\n${r.stderr}${r.stdout}`);
    process.stderr.write(`# ${r.stdout.trim().split('\n').join('\n# ')}\n`);
    return OUR_FRONTEND;
  })();
  return built;
}
