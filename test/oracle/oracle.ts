// Node wrapper around the upstream oracle: a Go program in this folder built
// against BuildKit v0.32.2. Tests call runOracle() to get upstream's answer
// for the same input and compare it with the TypeScript implementation.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
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
/**
 * Where a channel's binary goes: `.cache/bin/oracle[-labs]-HASH`, HASH a
 * digest of the Go sources. Checkouts of the project share `.cache`; with
 * the sources' content in the name, a checkout whose oracle sources differ
 * never runs (or overwrites) another's binary.
 */
function binPath(channel: OracleChannel): string {
  const h = createHash('sha256');
  for (const name of readdirSync(oracleDir).sort()) {
    if (name.endsWith('.go') || name === 'go.mod' || name === 'go.sum') h.update(`${name}\0`).update(readFileSync(join(oracleDir, name))).update('\0');
  }
  return join(repoRoot, '.cache', 'bin', `${channel === 'stable' ? 'oracle' : 'oracle-labs'}-${h.digest('hex').slice(0, 12)}`);
}

let goChecked: boolean | undefined;
const built = new Map<OracleChannel, string>();

/** Whether a `go` toolchain can be run from PATH. */
export function goAvailable(): boolean {
  if (goChecked === undefined) {
    const r = spawnSync('go', ['version'], { encoding: 'utf8' });
    goChecked = r.status === 0;
  }
  return goChecked;
}

/**
 * Path of the oracle binary, building it first (once per process) when no
 * binary of the current Go sources exists. Throws if Go is not installed.
 */
export function oraclePath(channel: OracleChannel = 'stable'): string {
  const cached = built.get(channel);
  if (cached !== undefined) return cached;
  if (!goAvailable()) {
    throw new Error('the upstream oracle needs Go (the `go` command was not found on PATH)');
  }
  const path = binPath(channel);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    process.stderr.write(`oracle: building ${path} with Go (a cold build takes a few minutes)\n`);
    // Test files run in parallel processes: build to a private path, then
    // rename, so no process ever runs a half-written binary.
    const tmp = `${path}.tmp-${process.pid}`;
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
    renameSync(tmp, path);
  }
  built.set(channel, path);
  return path;
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

/**
 * Runs a subcommand that reads one JSON value per line (test/oracle/jsonlines.go)
 * on `inputs` and returns its answer lines, one per input, in order.
 */
export function runOracleLines(cmd: string, inputs: readonly unknown[]): string[] {
  const out = runOracle([cmd], inputs.map((x) => JSON.stringify(x)).join('\n') + '\n').toString('utf8');
  const answers = out.split('\n').filter((l) => l !== '');
  if (answers.length !== inputs.length) throw new Error(`oracle ${cmd}: ${answers.length} answers to ${inputs.length} inputs`);
  return answers;
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
  return batchAnswers(requests, runOracle(['batch'], batchInput(requests), channel));
}

/**
 * runOracleBatch without blocking: the oracle works in its own process
 * while the caller does other work (the fuzzer converts the inputs of one
 * batch with ours while the oracle answers the next).
 */
export function runOracleBatchAsync(requests: OracleBatchRequest[], channel: OracleChannel = 'stable'): Promise<string[]> {
  const bin = oraclePath(channel);
  return new Promise((resolve, reject) => {
    const child = execFile(bin, ['batch'], { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`oracle batch failed (exit ${(err as { code?: unknown }).code ?? 'unknown'}):\n${stderr.toString()}`));
      else {
        try {
          resolve(batchAnswers(requests, stdout));
        } catch (e) {
          reject(e as Error);
        }
      }
    });
    // An oracle that exits early is reported by the callback; the pipe's own error adds nothing.
    child.stdin!.on('error', () => {});
    child.stdin!.end(batchInput(requests));
  });
}

function batchInput(requests: OracleBatchRequest[]): string {
  return requests.map((r) => JSON.stringify({ cmd: r.cmd, args: r.args, stdin: r.stdin ?? '' })).join('\n') + '\n';
}

function batchAnswers(requests: OracleBatchRequest[], stdout: Buffer): string[] {
  const lines = stdout.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== requests.length) throw new Error(`oracle batch: ${requests.length} requests, ${lines.length} answers`);
  return lines;
}
