// Node wrapper around the upstream oracle: a Go program in this folder built
// against BuildKit v0.32.2. Tests call runOracle() to get upstream's answer
// for the same input and compare it with the TypeScript implementation.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const oracleDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(oracleDir, '..', '..');
/**
 * The two builds of upstream's frontend: `stable` (its default build tags)
 * and `labs`, built with the tags of upstream's labs release
 * (frontend/dockerfile/release/labs/tags at v0.32.2: `dfrundevice`).
 */
export type OracleChannel = 'stable' | 'labs';
const buildTags: Record<OracleChannel, string[]> = { stable: [], labs: ['dfrundevice'] };
const binPaths: Record<OracleChannel, string> = {
  stable: join(repoRoot, '.cache', 'bin', 'oracle'),
  labs: join(repoRoot, '.cache', 'bin', 'oracle-labs'),
};

let goChecked: boolean | undefined;
const built = new Set<OracleChannel>();

/** Whether a `go` toolchain can be run from PATH. */
export function goAvailable(): boolean {
  if (goChecked === undefined) {
    const r = spawnSync('go', ['version'], { encoding: 'utf8' });
    goChecked = r.status === 0;
  }
  return goChecked;
}

// The newest modification time of the files the binary is built from.
function newestSourceMtime(): number {
  let newest = 0;
  for (const name of readdirSync(oracleDir)) {
    if (name.endsWith('.go') || name === 'go.mod' || name === 'go.sum') {
      newest = Math.max(newest, statSync(join(oracleDir, name)).mtimeMs);
    }
  }
  return newest;
}

function isStale(binPath: string): boolean {
  if (!existsSync(binPath)) return true;
  return statSync(binPath).mtimeMs < newestSourceMtime();
}

/**
 * Path of the oracle binary, building it first (once per process) when it is
 * missing or older than any of its Go sources. Throws if Go is not installed.
 */
export function oraclePath(channel: OracleChannel = 'stable'): string {
  const binPath = binPaths[channel];
  if (built.has(channel)) return binPath;
  if (!goAvailable()) {
    throw new Error('the upstream oracle needs Go (the `go` command was not found on PATH)');
  }
  if (isStale(binPath)) {
    mkdirSync(dirname(binPath), { recursive: true });
    process.stderr.write(`oracle: building ${binPath} with Go (a cold build takes a few minutes)\n`);
    // Test files run in parallel processes: build to a private path, then
    // rename, so no process ever runs a half-written binary.
    const tmp = `${binPath}.tmp-${process.pid}`;
    const tags = buildTags[channel].length > 0 ? ['-tags', buildTags[channel].join(',')] : [];
    const r = spawnSync('go', ['build', '-buildvcs=false', ...tags, '-o', tmp, '.'], {
      cwd: oracleDir,
      env: { ...process.env, CGO_ENABLED: '0' },
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    if (r.status !== 0) {
      rmSync(tmp, { force: true });
      throw new Error(`building the oracle failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
    }
    renameSync(tmp, binPath);
  }
  built.add(channel);
  return binPath;
}

/**
 * Runs `oracle <args...>` with `input` on stdin and returns its stdout.
 * Throws with the oracle's stderr when it exits non-zero.
 */
export function runOracle(args: string[], input?: Buffer | string, channel: OracleChannel = 'stable'): Buffer {
  const bin = oraclePath(channel);
  try {
    return execFileSync(bin, args, {
      input: input ?? '',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { status?: number | null; stderr?: Buffer | string };
    const stderr = e.stderr === undefined ? '' : e.stderr.toString();
    throw new Error(`oracle ${args.join(' ')} failed (exit ${e.status ?? 'unknown'}):\n${stderr}`);
  }
}

/** One request of `oracle batch`: a subcommand, its flags and its stdin. */
export interface OracleBatchRequest {
  cmd: string;
  args: string[];
  stdin?: string;
}

/**
 * Runs many subcommand calls in one oracle process (`oracle batch`) and
 * returns each one's output line, in order. A request the oracle itself
 * could not run comes back as `{"oracleError": "..."}`.
 */
export function runOracleBatch(requests: OracleBatchRequest[], channel: OracleChannel = 'stable'): string[] {
  const input = requests.map((r) => JSON.stringify({ cmd: r.cmd, args: r.args, stdin: r.stdin ?? '' })).join('\n') + '\n';
  const lines = runOracle(['batch'], input, channel).toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== requests.length) throw new Error(`oracle batch: ${requests.length} requests, ${lines.length} answers`);
  return lines;
}
