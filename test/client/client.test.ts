// dockerfile-llb build on the real daemon: plain progress equal to
// buildctl's, the tty view under a pseudo-terminal, contexts (.dockerignore
// applied in the client, incremental transfer, modes and symlinks, a local output), file outputs,
// subrequests, and faults (no daemon, bad context, bad secret, Ctrl-C).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync, chmodSync, readdirSync, lstatSync, readlinkSync, existsSync, readFileSync, utimesSync, openSync, closeSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { NODE_RUNTIME, UPSTREAM_FRONTEND, binDir, buildctl, buildkitOrSkip, ensureBuildkit, readTar, releaseBuildkit, repoRoot, type Env } from '../e2e/harness.ts';
import { contextArgs } from '../gateway/lib/build.ts';
import { sshAgentSocket } from '../gateway/lib/corpus.ts';
import { Fixtures, makeBranchedRepo } from '../gateway/lib/servers.ts';
import { askFrontends, decoded } from '../gateway/lib/subrequest.ts';
import { BUNDLE, ourBuild, plainSteps } from './lib.ts';
import { build, connect } from '../../src/client/build.ts';
import type { SendStats } from '../../src/client/filesync.ts';
import { UNREADABLE_FRONTEND_ERROR } from '../../src/client/solve.ts';
import { xattrs } from '../../src/client/fswalk.ts';

after(() => releaseBuildkit());
const TMP = mkdtempSync(join(tmpdir(), 'client-'));
after(() => rmSync(TMP, { recursive: true, force: true }));
const CORPUS = join(repoRoot, 'testdata', 'e2e');
let env: Env | undefined;
before(async () => {
  env = await ensureBuildkit().catch(() => undefined);
});

function dir(name: string, files: Record<string, string>): string {
  const d = join(TMP, name);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(d, p, '..'), { recursive: true });
    writeFileSync(join(d, p), c);
  }
  return d;
}

/** The "transferring context: N" sizes of a plain progress output, in bytes. */
function transferred(stderr: string): number[] {
  const unit: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };
  return [...stderr.matchAll(/transferring context: ([\d.]+)(B|kB|MB|GB)/g)].map((m) => Number(m[1]) * unit[m[2]!]!);
}

test('plain progress: the steps and lines buildctl --progress=plain prints (same frontend, cached and failing builds)', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  for (const name of ['basic', 'multistage-target', 'fail-run', 'build-args']) {
    const d = join(CORPUS, name);
    const spec = existsSync(join(d, 'case.json')) ? (JSON.parse(readFileSync(join(d, 'case.json'), 'utf8')) as { args?: string[] }) : {};
    const args = spec.args ?? [];
    // Warm the cache, then compare one build of each client. Which steps the daemon reports, and whether a step
    // is CACHED or DONE, also depends on an equal build running at the same time (another test file's: the daemon
    // shares the vertices, and the one that computes them reports them): a difference is tried again, at most
    // twice; a printer that drops or alters lines differs every time.
    for (let attempt = 1; ; attempt++) {
      await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', ...contextArgs(d), ...args]);
      const theirs = await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', ...contextArgs(d), ...args]);
      const ours = await ourBuild(['--progress', 'plain', '--frontend', 'dockerfile.v0', ...args, d]);
      assert.equal(ours.code === 0, theirs.code === 0, `${name}: exit status`);
      const [a, b] = [plainSteps(ours.stderr), plainSteps(theirs.stderr)];
      if (a === b) break;
      if (attempt === 3) assert.equal(a, b, `${name}: plain progress`);
      t.diagnostic(`${name}: attempt ${attempt} differed\n--- ours\n${ours.stderr}\n--- buildctl\n${theirs.stderr}`);
    }
  }
});

test('plain progress: log lines and the failed step\'s logs as the bytes the step wrote, as buildctl prints them', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // Bytes that are no UTF-8, carriage returns, an escape sequence, a tab, NUL, blank lines, a long line written
  // apart from its newline, a last line with no newline; then a step that fails, whose logs are printed again
  // at the end. (One stream each: how lines of standard output and error interleave depends on their timing.)
  const d = dir('log-bytes', {
    Dockerfile: [
      'FROM busybox',
      "RUN printf 'a\\rb\\r\\nc\\x1b[31mred\\x1b[0m\\n\\xff\\xfe caf\\xe9\\ttab\\n\\n\\nno newline at the end'",
      "RUN printf 'x%.0s' $(seq 1 3000); echo; printf '\\0nul\\n'",
      "RUN printf 'line\\xff\\nlast\\r\\n' ; exit 3",
      '',
    ].join('\n'),
  });
  for (let attempt = 1; ; attempt++) {
    const theirs = await buildctl(['build', '--progress=plain', '--no-cache', '--frontend', 'dockerfile.v0', ...contextArgs(d)]);
    const ours = await ourBuild(['--progress', 'plain', '--no-cache', d]);
    assert.equal(ours.code, 1);
    assert.equal(theirs.code, 1);
    // Compared byte for byte (Latin-1 reads each byte as one character); the times of the failed step's
    // lines printed again at the end masked.
    const steps = (r: { stderrBytes: Buffer }): string => plainSteps(r.stderrBytes.toString('latin1')).replace(/^\d+\.\d+ /gm, '<t> ');
    const [a, b] = [steps(ours), steps(theirs)];
    assert.ok(b.includes('\xff\xfe caf\xe9\ttab'), 'the bytes reached buildctl\'s output as written');
    if (a === b) break;
    if (attempt === 3) assert.equal(a, b, 'plain progress, byte for byte');
    t.diagnostic(`attempt ${attempt} differed`);
  }
});

test('rawjson progress: the JSON buildctl --progress=rawjson writes (Go\'s escapes, []byte as base64, omitempty, solver/pb structs as encoding/json writes them)', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // A build check warning (its source info and ranges), `&&`, `>` and `<` in names and logs, a log line that is
  // no UTF-8, a progress group (COPY --link). Ours runs the daemon's dockerfile.v0 too, so the vertices are the same.
  const d = dir('rawjson', { Dockerfile: 'from busybox as b\nRUN echo "a && b > c <d>" && printf "\\xff\\n" && echo done\nCOPY --link Dockerfile /x\n' });
  const theirs = await buildctl(['build', '--progress=rawjson', '--no-cache', '--frontend', 'dockerfile.v0', ...contextArgs(d)]);
  const ours = await ourBuild(['--progress', 'rawjson', '--no-cache', '--frontend', 'dockerfile.v0', d]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.equal(ours.code, 0, ours.stderr);
  // What does not depend on how the daemon batched its messages or on the session: times, the digests of the
  // local sources (they name the session), progress group ids masked; each vertex's last state (the states
  // between depend on timing); the logs joined.
  const summary = (stderr: string) => {
    const lines = stderr.split('\n').filter((l) => l.startsWith('{'));
    const mask = (s: string): string => s.replace(/"(started|completed|timestamp)":"[^"]*"/g, '"$1":"T"').replace(/sha256:[0-9a-f]{64}/g, 'D').replace(/("progressGroup":\{"id":")[0-9a-z]+/g, '$1G');
    const last = new Map<string, string>();
    const warnings: string[] = [];
    const logs: string[] = [];
    for (const l of lines) {
      const m = JSON.parse(l) as { vertexes?: unknown[]; warnings?: unknown[]; logs?: { data: string | null; stream?: number }[] };
      for (const v of m.vertexes ?? []) last.set((v as { name: string }).name, mask(JSON.stringify(v)));
      // The warning's source Definition holds the session's id in its local source, so its ops and the
      // digests keying its metadata differ: the ops are counted, the metadata listed in a fixed order.
      for (const w of m.warnings ?? []) {
        const def = (w as { sourceInfo?: { definition?: { def?: string[]; metadata?: Record<string, unknown> } } }).sourceInfo?.definition;
        if (def !== undefined) {
          def.def = [`${def.def?.length ?? 0} ops`];
          def.metadata = { D: Object.values(def.metadata ?? {}).map((x) => JSON.stringify(x)).sort() };
        }
        warnings.push(mask(JSON.stringify(w)));
      }
      for (const g of m.logs ?? []) logs[g.stream ?? 0] = (logs[g.stream ?? 0] ?? '') + Buffer.from(g.data ?? '', 'base64').toString('latin1');
    }
    return { vertexes: [...last.values()].sort(), warnings, logs, escaped: lines.some((l) => l.includes('\\u0026\\u0026')), raw: lines.some((l) => l.includes('&&')) };
  };
  const [a, b] = [summary(ours.stderr), summary(theirs.stderr)];
  assert.ok(b.escaped && !b.raw, 'buildctl writes & as \\u0026');
  assert.ok(b.warnings.length > 0 && b.warnings[0]!.includes('"sourceInfo":{"filename":"Dockerfile","data":"'), 'buildctl wrote the warning with its source');
  assert.ok(b.vertexes.some((v) => v.includes('"progressGroup":{"id":"G"')), 'buildctl wrote a progress group');
  assert.deepEqual(a, b);
});

test('tty progress under a pseudo-terminal: the live view, then the summary', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // A Dockerfile of this run's own (an equal build running beside, as another test file's may, would share its
  // vertices and could report them instead), built once to warm the cache.
  const marker = `tty-${process.pid}-${Date.now()}`;
  const d = dir('tty', { Dockerfile: `FROM busybox\nRUN echo ${marker} > /m.txt\nCOPY a.txt /a.txt\n`, 'a.txt': 'a\n' });
  const warm = await ourBuild(['--progress', 'quiet', d]);
  assert.equal(warm.code, 0, warm.stderr);
  const cmd = `${process.execPath} ${BUNDLE} build --addr ${env!.buildkitHost} --progress tty ${d}`;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TERM: 'xterm', NO_COLOR: '', BUILDKIT_COLORS: '' } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\x1b\[2K\[\+\] Building [\d.]+s \(\d+\/\d+\)/, 'a redrawn live header');
  assert.match(r.stdout, /\[\+\] Building [\d.]+s \((\d+)\/\1\) FINISHED/, 'the final summary with every step done');
  assert.match(r.stdout, new RegExp(`=> CACHED \\[2/3\\] RUN echo ${marker} > /m\\.txt`));
  assert.match(r.stdout, /=> exporting to image|=> \[internal\] load build definition from Dockerfile/);
  // Finished steps in progressui's colours: blue by default, none with NO_COLOR, BUILDKIT_COLORS's run colour.
  const finished = (out: string, color: string) => new RegExp(`\x1b\\[${color}m=> CACHED \\[2/3\\] RUN echo ${marker}[^\n]*\x1b\\[0m`).test(out);
  assert.ok(finished(r.stdout, '34'), 'finished steps blue');
  const plain = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' } });
  assert.equal(plain.status, 0, plain.stdout);
  assert.ok(!/\x1b\[(34|0)m/.test(plain.stdout), 'NO_COLOR: no colours');
  const green = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TERM: 'xterm', NO_COLOR: '', BUILDKIT_COLORS: 'run=green' } });
  assert.ok(finished(green.stdout, '32'), 'BUILDKIT_COLORS=run=green');
});

test('context: .dockerignore applied in the client; a second build sends only what changed; modes, symlinks, empty dirs as buildctl', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const ctx = join(TMP, 'big');
  mkdirSync(join(ctx, 'keep'), { recursive: true });
  mkdirSync(join(ctx, 'ignored'), { recursive: true });
  const blob = Buffer.alloc(4096, 'x');
  const marker = `${process.pid}-${Date.now()}`;
  for (let i = 0; i < 2000; i++) {
    const sub = join(ctx, 'keep', String(i % 50));
    mkdirSync(sub, { recursive: true });
    // 2 KB each, 4 MB in all: the file data outweighs the stat records.
    writeFileSync(join(sub, `f${i}.txt`), `${i} ${marker}\n`.padEnd(2048, '.'));
  }
  // 8 MB that must never leave the client.
  for (let i = 0; i < 200; i++) writeFileSync(join(ctx, 'ignored', `big${i}.bin`), Buffer.concat(Array(10).fill(blob)));
  mkdirSync(join(ctx, 'empty'));
  writeFileSync(join(ctx, 'run.sh'), '#!/bin/sh\n');
  chmodSync(join(ctx, 'run.sh'), 0o755);
  symlinkSync('run.sh', join(ctx, 'link'));
  symlinkSync('/nowhere', join(ctx, 'dangling'));
  // The special mode bits, on directories too (Go's FileMode puts the directory bit at bit 31).
  mkdirSync(join(ctx, 'sticky'));
  chmodSync(join(ctx, 'sticky'), 0o1777);
  writeFileSync(join(ctx, 'sticky', 'in'), 'x');
  mkdirSync(join(ctx, 'setgid'));
  chmodSync(join(ctx, 'setgid'), 0o2775);
  writeFileSync(join(ctx, 'setuid'), 'x');
  chmodSync(join(ctx, 'setuid'), 0o4755);
  writeFileSync(join(ctx, '.dockerignore'), 'ignored\n!ignored/big7.bin\n');
  const df = dir('big-df', { Dockerfile: 'FROM scratch\nCOPY . /\n' });

  const out1 = join(TMP, 'out-ours');
  const first = await ourBuild(['--progress', 'plain', '-f', join(df, 'Dockerfile'), '--output', `type=local,dest=${out1}`, ctx]);
  assert.equal(first.code, 0, first.stderr);
  // What reached the daemon: the kept files and the one exception, not the ignored 8 MB.
  assert.ok(existsSync(join(out1, 'ignored', 'big7.bin')));
  assert.ok(!existsSync(join(out1, 'ignored', 'big8.bin')));
  const sent = Math.max(...transferred(first.stderr));
  assert.ok(sent > 4_000_000 && sent < 6_000_000, `sent ${sent} bytes: the 4 MB kept, not the 8 MB ignored`);

  // The second build (through the library, which counts what it sends): the daemon asks for the changed file's data only.
  // (The daemon keeps its copy of the directory under the session's shared key, ours per directory: no other build's
  // directory comes in between.)
  const changed = 'changed\n';
  writeFileSync(join(ctx, 'keep', '3', 'f3.txt'), changed);
  const conn = await connect({ address: env!.buildkitHost });
  const sends = new Map<string, SendStats>();
  try {
    await build(conn, { context: ctx, file: join(df, 'Dockerfile'), outputs: [`type=local,dest=${join(TMP, 'out-ours2')}`], onTransfer: (name, st, done) => done && sends.set(name, { ...st }) });
  } finally {
    conn.close();
  }
  assert.deepEqual(sends.get('context'), { files: 1, bytes: Buffer.byteLength(changed) }, `second transfer vs first ${sent} bytes`);
  assert.equal(readFileSync(join(TMP, 'out-ours2', 'keep', '3', 'f3.txt'), 'utf8'), changed);

  const out2 = join(TMP, 'out-buildctl');
  const theirs = await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', '--local', `context=${ctx}`, '--local', `dockerfile=${df}`, '--output', `type=local,dest=${out2}`]);
  assert.equal(theirs.code, 0, theirs.stderr);
  const listing = (root: string): string[] => {
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const n of readdirSync(join(root, rel)).sort()) {
        const p = rel === '' ? n : `${rel}/${n}`;
        const st = lstatSync(join(root, p));
        out.push(`${p} ${st.mode.toString(8)} ${st.isSymbolicLink() ? readlinkSync(join(root, p)) : st.isFile() ? st.size : ''}`);
        if (st.isDirectory()) walk(p);
      }
    };
    walk('');
    return out;
  };
  assert.deepEqual(listing(join(TMP, 'out-ours2')), listing(out2));
});

test('context and local output: names that are no UTF-8, odd characters, a named pipe, as buildctl sends and writes them', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const ctx = dir('odd-names', { Dockerfile: 'FROM scratch\nCOPY . /\n' });
  // Node.js reads a name that is no UTF-8 with U+FFFD and then cannot open it: such files were left out of the context.
  const names = [Buffer.from('latin1-caf\xe9', 'latin1'), Buffer.from('bad-\xff\xfe', 'latin1'), Buffer.from('nl\nname'), Buffer.from('\u00e9t\u00e9'), Buffer.from('emoji-\u{1f600}'), Buffer.from('back\\slash')];
  for (const n of names) writeFileSync(Buffer.concat([Buffer.from(ctx + '/'), n]), Buffer.concat([n, Buffer.from('\n')]));
  // (Not a directory: the daemon walks its copy of a context with Go's io/fs, which refuses such a directory name.)
  symlinkSync(Buffer.from('bad-\xff\xfe', 'latin1'), Buffer.from(join(ctx, 'link-to-bad')));
  assert.equal(spawnSync('mkfifo', [join(ctx, 'pipe')]).status, 0);
  // A time before 1970: Node.js takes a negative number of seconds as "now".
  writeFileSync(join(ctx, 'old'), 'old\n');
  utimesSync(join(ctx, 'old'), new Date('1960-01-01T00:00:00Z'), new Date('1960-01-01T00:00:00Z'));
  /** Each entry of a tree: its name's bytes (hex), type, mode, size or link target's bytes, content's hash. */
  const listing = (root: string): string[] => {
    const out: string[] = [];
    const walk = (rel: Buffer): void => {
      const at = Buffer.concat([Buffer.from(root), rel]);
      for (const name of readdirSync(at, { encoding: 'buffer' })) {
        const r = Buffer.concat([rel, Buffer.from('/'), name]);
        const abs = Buffer.concat([Buffer.from(root), r]);
        const st = lstatSync(abs);
        const what = st.isSymbolicLink() ? `-> ${readlinkSync(abs, { encoding: 'buffer' }).toString('hex')}` : st.isFile() ? createHash('sha256').update(readFileSync(abs)).digest('hex').slice(0, 12) : st.isFIFO() ? 'fifo' : '';
        out.push(`${r.toString('hex')} ${st.mode.toString(8)} ${what}${st.isFile() ? ` ${Math.floor(st.mtimeMs / 1000)}` : ''}`);
        if (st.isDirectory()) walk(r);
      }
    };
    walk(Buffer.alloc(0));
    return out.sort();
  };
  const ours = await ourBuild(['--progress', 'quiet', '--output', `type=local,dest=${join(TMP, 'odd-ours')}`, ctx]);
  assert.equal(ours.code, 0, ours.stderr);
  const theirs = await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=local,dest=${join(TMP, 'odd-ctl')}`]);
  assert.equal(theirs.code, 0, theirs.stderr);
  const got = listing(join(TMP, 'odd-ours'));
  assert.deepEqual(got, listing(join(TMP, 'odd-ctl')));
  assert.ok(got.some((l) => l.startsWith(Buffer.from('/bad-\xff\xfe', 'latin1').toString('hex') + ' ')), 'the name that is no UTF-8 arrived');
  assert.ok(got.some((l) => l.endsWith(' fifo')), 'the named pipe arrived');
  // What the daemon received, as a tar it writes: the same entries from both.
  const tarNames = async (args: string[]): Promise<string[]> => {
    const tar = join(TMP, `odd-${args[0]}.tar`);
    const r = args[0] === 'ours' ? await ourBuild(['--progress', 'quiet', '--output', `type=tar,dest=${tar}`, ctx]) : await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=tar,dest=${tar}`]);
    assert.equal(r.code, 0, r.stderr);
    // (readTar reads names as UTF-8: a name that is no UTF-8 is compared with U+FFFD in it, but it has to be there.)
    return readTar(readFileSync(tar)).map((e) => `${e.name} ${e.type} ${e.mode.toString(8)} ${createHash('sha256').update(e.content).digest('hex').slice(0, 12)}`).sort();
  };
  assert.deepEqual(await tarNames(['ours']), await tarNames(['ctl']));
});

test('outputs: tar to a file and to standard output, oci and docker archives, an OCI layout directory, as buildctl writes them', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('tar', { Dockerfile: 'FROM scratch\nCOPY a.txt /x/a.txt\n', 'a.txt': 'hello\n' });
  const names = (file: string | Buffer) => readTar(typeof file === 'string' ? readFileSync(file) : file).map((e) => e.name).sort();
  for (const type of ['tar', 'oci', 'docker']) {
    const file = join(TMP, `out.${type}`);
    const r = await ourBuild(['--progress', 'quiet', '--output', `type=${type},dest=${file}`, d]);
    assert.equal(r.code, 0, r.stderr);
    const ctl = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--output', `type=${type},dest=${join(TMP, `ctl.${type}`)}`]);
    assert.equal(ctl.code, 0, ctl.stderr);
    assert.deepEqual(names(file), names(join(TMP, `ctl.${type}`)), `--output type=${type}`);
  }
  // An OCI layout directory (tar=false): the blobs through the session's content store, index.json as buildctl writes it.
  const files = (root: string): string[] => {
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const n of readdirSync(join(root, rel))) {
        const p = rel === '' ? n : `${rel}/${n}`;
        if (lstatSync(join(root, p)).isDirectory()) walk(p);
        else out.push(p);
      }
    };
    walk('');
    return out.sort();
  };
  const index = (root: string): unknown => {
    const idx = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { manifests: { annotations?: Record<string, string> }[] };
    for (const m of idx.manifests) delete m.annotations?.['org.opencontainers.image.created'];
    return idx;
  };
  const layout = await ourBuild(['--progress', 'quiet', '--output', `type=oci,tar=false,dest=${join(TMP, 'layout-ours')}`, '-t', 'example.test/x:1', d]);
  assert.equal(layout.code, 0, layout.stderr);
  const layoutCtl = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--output', `type=oci,tar=false,name=example.test/x:1,dest=${join(TMP, 'layout-ctl')}`]);
  assert.equal(layoutCtl.code, 0, layoutCtl.stderr);
  assert.deepEqual(files(join(TMP, 'layout-ours')), files(join(TMP, 'layout-ctl')));
  assert.deepEqual(index(join(TMP, 'layout-ours')), index(join(TMP, 'layout-ctl')));

  const piped = spawnSync(process.execPath, [BUNDLE, 'build', '--addr', env!.buildkitHost, '--progress', 'quiet', '-o', '-', d], { maxBuffer: 1 << 26 });
  assert.equal(piped.status, 0, String(piped.stderr));
  assert.deepEqual(names(piped.stdout), names(join(TMP, 'out.tar')));
});

test('--metadata-file: the bytes buildctl writes for a pushed image and a multi-platform OCI archive', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('metadata', { Dockerfile: 'FROM scratch\nARG TARGETARCH\nCOPY a.txt /$TARGETARCH.txt\nLABEL x="<a&b>"\n' , 'a.txt': 'meta\n' });
  const ref = `${env!.registry}/client-metadata:1`;
  const ours = join(TMP, 'meta-ours.json');
  const ctl = join(TMP, 'meta-ctl.json');
  const r = await ourBuild(['--progress', 'quiet', '-t', ref, '--push', '--metadata-file', ours, d]);
  assert.equal(r.code, 0, r.stderr);
  const c = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--output', `type=image,name=${ref},push=true`, '--metadata-file', ctl]);
  assert.equal(c.code, 0, c.stderr);
  assert.equal(readFileSync(ours, 'utf8'), readFileSync(ctl, 'utf8'));
  // An index with its creation time (the one thing that differs between the two builds).
  const created = (f: string): string => readFileSync(f, 'utf8').replace(/"org\.opencontainers\.image\.created": "[^"]*"/, '"org.opencontainers.image.created": "<t>"');
  const r2 = await ourBuild(['--progress', 'quiet', '--platform', 'linux/amd64,linux/arm64', '-o', `type=oci,dest=${join(TMP, 'meta.tar')}`, '--metadata-file', ours, d]);
  assert.equal(r2.code, 0, r2.stderr);
  const c2 = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--opt', 'platform=linux/amd64,linux/arm64', '--output', `type=oci,dest=${join(TMP, 'meta-ctl.tar')}`, '--metadata-file', ctl]);
  assert.equal(c2.code, 0, c2.stderr);
  assert.match(readFileSync(ctl, 'utf8'), /image\.index\.v1/);
  assert.equal(created(ours), created(ctl));
});

test('--build-context NAME=oci-layout://DIR[:TAG][@DIGEST]: the layout served through the session, as buildctl --oci-layout serves it', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const base = dir('layout-base', { Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\nENV FROM_LAYOUT=1\n', 'a.txt': 'from the layout\n' });
  const layoutDir = join(TMP, 'layout-ctx');
  const made = await ourBuild(['--progress', 'quiet', '-o', `type=oci,tar=false,dest=${layoutDir}`, '-t', 'example.test/base:v1', base]);
  assert.equal(made.code, 0, made.stderr);
  const digest = (JSON.parse(readFileSync(join(layoutDir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] }).manifests[0]!.digest;
  const d = dir('layout-use', { Dockerfile: 'FROM base\nCOPY b.txt /b.txt\n', 'b.txt': 'from the context\n' });
  const tree = (root: string): string =>
    readdirSync(root)
      .sort()
      .map((n) => `${n}: ${readFileSync(join(root, n), 'utf8')}`)
      .join('');
  const ctlOut = join(TMP, 'layout-ctl-out');
  const ctl = await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--oci-layout', `base=${layoutDir}`, '--opt', `context:base=oci-layout://base@${digest}`, '--output', `type=local,dest=${ctlOut}`]);
  assert.equal(ctl.code, 0, ctl.stderr);
  // By tag, by the only manifest (an unknown tag, as buildx falls back), by digest.
  for (const ref of [`${layoutDir}:v1`, layoutDir, `${layoutDir}:nosuch`, `${layoutDir}@${digest}`]) {
    const out = join(TMP, `layout-out-${ref.length}`);
    const ours = await ourBuild(['--progress', 'plain', '--build-context', `base=oci-layout://${ref}`, '-o', `type=local,dest=${out}`, d]);
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(tree(out), tree(ctlOut), ref);
    assert.equal(tree(out), 'a.txt: from the layout\nb.txt: from the context\n');
    const loaded = (text: string) => plainSteps(text).split('\n').filter((l) => l.includes('[context base]')).join('\n');
    assert.equal(loaded(ours.stderr), loaded(ctl.stderr), ref);
  }
  const missing = await ourBuild(['--progress', 'quiet', '--build-context', `base=oci-layout://${join(TMP, 'no-layout')}`, d]);
  assert.equal(missing.code, 1);
  const idx = join(TMP, 'no-layout', 'index.json');
  assert.equal(missing.stderr, `error: oci-layout reference "oci-layout://${join(TMP, 'no-layout')}" could not be resolved: could not read ${idx}: open ${idx}: no such file or directory\n`);
});

test('--build-context dockerfile=DIR / context=DIR: a directory of its own, as buildx names it (not the build\'s own)', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('named-dockerfile', { 'Dockerfile.x': 'FROM scratch\nCOPY --from=dockerfile f /f\nCOPY --from=context g /g\n' });
  const other = dir('named-other', { f: 'from the named context\n', g: 'g\n' });
  const out = join(TMP, 'named-dockerfile-out');
  const r = await ourBuild(['--progress', 'quiet', '-f', join(d, 'Dockerfile.x'), '--build-context', `dockerfile=${other}`, '--build-context', `context=${other}`, '-o', out, d]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['f', 'g']);
  assert.equal(readFileSync(join(out, 'f'), 'utf8'), 'from the named context\n');
});

test('buildx flags: --add-host, --network, --shm-size, --ulimit, SOURCE_DATE_EPOCH from the environment give RUN what buildctl\'s options give it; -q, --iidfile, --provenance', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('buildx-flags', {
    Dockerfile: `FROM ${env!.registry}/library/busybox:latest\nARG SOURCE_DATE_EPOCH\nRUN (grep -E 'myhost|other' /etc/hosts; ulimit -n; ulimit -Hn; df -k /dev/shm | tail -1 | awk '{print $2}'; ls /sys/class/net | sort; echo "epoch=$SOURCE_DATE_EPOCH") > /out.txt\nFROM scratch\nCOPY --from=0 /out.txt /\n`,
  });
  const ours = join(TMP, 'buildx-flags-ours');
  const r = await ourBuild(['--progress', 'quiet', '--add-host', 'myhost:10.1.2.3', '--add-host', 'other=[::1],10.0.0.9', '--network', 'none', '--shm-size', '32m', '--ulimit', 'nofile=1000:2000', '-o', ours, d], { env: { ...(process.env as Record<string, string>), SOURCE_DATE_EPOCH: '1700000000' } });
  assert.equal(r.code, 0, r.stderr);
  const ctlOut = join(TMP, 'buildx-flags-ctl');
  const opts = ['add-hosts=myhost=10.1.2.3,other=::1,other=10.0.0.9', 'force-network-mode=none', 'shm-size=33554432', 'ulimit=nofile=1000:2000', 'build-arg:SOURCE_DATE_EPOCH=1700000000'].flatMap((o) => ['--opt', o]);
  const c = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), ...opts, '--output', `type=local,dest=${ctlOut}`]);
  assert.equal(c.code, 0, c.stderr);
  const got = readFileSync(join(ours, 'out.txt'), 'utf8');
  assert.equal(got, readFileSync(join(ctlOut, 'out.txt'), 'utf8'));
  assert.match(got, /^10\.1\.2\.3\tmyhost\n::1\tother\n10\.0\.0\.9\tother\n1000\n2000\n32768\nlo\nepoch=1700000000\n$/);

  // -q: no progress, the image's digest on standard output; --iidfile: its config digest.
  const iid = join(TMP, 'buildx-flags.iid');
  const meta = join(TMP, 'buildx-flags.json');
  const q = await ourBuild(['-q', '--iidfile', iid, '--metadata-file', meta, '-t', `${env!.registry}/client-buildx-flags:1`, '--push', d]);
  assert.equal(q.code, 0, q.stderr);
  assert.equal(q.stderr, '');
  const m = JSON.parse(readFileSync(meta, 'utf8')) as Record<string, string>;
  assert.equal(q.stdout, `${m['containerimage.digest']}\n`);
  assert.equal(readFileSync(iid, 'utf8'), m['containerimage.config.digest']);

  // --provenance: the attestation manifest beside the image, as buildctl's attest:provenance option makes it.
  const attested = async (args: string[], ctl: boolean): Promise<string> => {
    const file = join(TMP, `attest-${ctl ? 'ctl' : 'ours'}.tar`);
    const res = ctl ? await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), ...args, '--output', `type=oci,dest=${file}`]) : await ourBuild(['--progress', 'quiet', ...args, '-o', `type=oci,dest=${file}`, d]);
    assert.equal(res.code, 0, res.stderr);
    const entries = new Map(readTar(readFileSync(file)).map((e) => [e.name.replace(/^\.\//, ''), e.content]));
    const blob = (digest: string) => JSON.parse(String(entries.get(`blobs/sha256/${digest.slice('sha256:'.length)}`))) as { manifests: { platform?: unknown; annotations?: Record<string, string> }[] };
    const top = JSON.parse(String(entries.get('index.json'))) as { manifests: { digest: string }[] };
    return JSON.stringify(blob(top.manifests[0]!.digest).manifests.map((x) => [x.platform, x.annotations?.['vnd.docker.reference.type']]));
  };
  const withProvenance = await attested(['--provenance', 'mode=min'], false);
  assert.equal(withProvenance, await attested(['--opt', 'attest:provenance=mode=min'], true));
  assert.match(withProvenance, /attestation-manifest/);

  // --annotation: the exporter attributes buildx makes of it, as buildctl's output attributes set them.
  const annotated = async (args: string[], ctl: boolean): Promise<string> => {
    const file = join(TMP, `annotated-${ctl ? 'ctl' : 'ours'}.tar`);
    const output = `type=oci,dest=${file}${ctl ? ',annotation.org.x=1,annotation-index.org.y=2,annotation-manifest.org.y=2,"annotation-manifest[linux/arm64].org.z=3"' : ''}`;
    const res = ctl
      ? await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--opt', 'platform=linux/amd64,linux/arm64', '--output', output])
      : await ourBuild(['--progress', 'quiet', ...args, '--platform', 'linux/amd64,linux/arm64', '-o', output, d]);
    assert.equal(res.code, 0, res.stderr);
    const entries = new Map(readTar(readFileSync(file)).map((e) => [e.name.replace(/^\.\//, ''), e.content]));
    const blob = (digest: string) => JSON.parse(String(entries.get(`blobs/sha256/${digest.slice('sha256:'.length)}`))) as { annotations?: unknown; manifests: { digest: string; platform?: unknown }[] };
    const top = JSON.parse(String(entries.get('index.json'))) as { manifests: { digest: string }[] };
    const index = blob(top.manifests[0]!.digest);
    return JSON.stringify([index.annotations, index.manifests.map((m) => [m.platform, blob(m.digest).annotations])]);
  };
  const withAnnotations = await annotated(['--annotation', 'org.x=1', '--annotation', 'index,manifest:org.y=2', '--annotation', 'manifest[linux/arm64]:org.z=3'], false);
  assert.equal(withAnnotations, await annotated([], true));
  assert.match(withAnnotations, /"org\.z":"3"/);

  for (const [flags, want] of [
    [['--annotation', 'nokey'], 'error: invalid annotation "nokey", expected key=value'],
    [['--annotation', 'layer:k=v'], 'error: unknown annotation type "layer"'],
    [['--attest', 'mode=max'], 'error: attestation type not specified'],
    [['--attest', 'type=provenance,disabled=maybe'], 'error: invalid value disabled=maybe: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--add-host', 'x'], 'error: invalid host x'],
    [['--add-host', 'x:1.2.3'], 'error: invalid host x:1.2.3'],
    [['--network', 'bridge'], 'error: network mode "bridge" not supported by buildkit'],
    [['--shm-size', '12q'], `error: invalid argument "12q" for "--shm-size" flag: invalid size: '12q'`],
    [['--ulimit', 'nofile=2:1'], 'error: invalid argument "nofile=2:1" for "--ulimit" flag: ulimit soft limit must be less than or equal to hard limit: 2 > 1'],
    [['--ulimit', 'foo=1'], 'error: invalid argument "foo=1" for "--ulimit" flag: invalid ulimit type: foo'],
  ] as const) {
    const bad = await ourBuild(['--progress', 'quiet', ...flags, d]);
    assert.equal(bad.code, 1, flags.join(' '));
    assert.equal(bad.stderr, `${want}\n`);
  }
});

test('remote and archive contexts: a relative -f names a file in the context, an absolute one a local file; the context - as an archive on standard input, as buildx sends them', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const fixture = dir('remote-fixture', {
    Dockerfile: 'FROM scratch\nCOPY a.txt /main.txt\n',
    'sub/Dockerfile.sub': 'FROM scratch\nCOPY a.txt /sub.txt\n',
    'a.txt': 'in the context\n',
    'app/app.txt': 'the fixture repository adds app/feature.txt on a branch\n',
  });
  const local = dir('remote-local-dockerfile', { 'Dockerfile.local': 'FROM scratch\nCOPY a.txt /local.txt\n' });
  const fx = new Fixtures('client-remote-');
  t.after(() => fx.close());
  const url = `${await fx.gitDaemon(await makeBranchedRepo(fx.work, fixture))}/repo.git`;
  const tree = (root: string): string =>
    readdirSync(root)
      .sort()
      .map((n) => `${n}: ${readFileSync(join(root, n), 'utf8')}`)
      .join('');
  let n = 0;
  const both = async (ours: string[], ctl: string[], input?: Buffer): Promise<string> => {
    const [a, b] = [join(TMP, `remote-ours-${++n}`), join(TMP, `remote-ctl-${n}`)];
    const r = await ourBuild(['--progress', 'quiet', '-o', a, ...ours], input === undefined ? {} : { input });
    assert.equal(r.code, 0, r.stderr);
    const c = await buildctl(['build', '--frontend', 'dockerfile.v0', '--output', `type=local,dest=${b}`, ...ctl]);
    assert.equal(c.code, 0, c.stderr);
    assert.equal(tree(a), tree(b), ours.join(' '));
    return tree(a);
  };
  assert.equal(await both(['-f', 'sub/Dockerfile.sub', url], ['--opt', `context=${url}`, '--opt', 'filename=sub/Dockerfile.sub']), 'sub.txt: in the context\n');
  assert.equal(
    await both(['-f', join(local, 'Dockerfile.local'), url], ['--opt', `context=${url}`, '--local', `dockerfile=${local}`, '--opt', 'dockerfilekey=dockerfile', '--opt', 'filename=Dockerfile.local']),
    'local.txt: in the context\n',
  );
  // The archive on standard input: the same files as the directory it was made of.
  const archive = spawnSync('tar', ['czf', '-', '-C', fixture, '.']).stdout;
  assert.equal(await both(['-'], contextArgs(fixture), archive), 'main.txt: in the context\n');
  assert.equal(await both(['-f', 'sub/Dockerfile.sub', '-'], [...contextArgs(join(fixture)), '--opt', 'filename=sub/Dockerfile.sub'], archive), 'sub.txt: in the context\n');
});

test('secrets and SSH reach RUN and appear in neither the image nor the exported cache', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const secret = `s3cret-${process.pid}-${Date.now()}`;
  const d = dir('secret', {
    // The RUN checks the secret's digest (a build arg), so the value itself is never a build input.
    Dockerfile: 'FROM busybox\nARG EXPECT\nRUN --mount=type=secret,id=tok,required=true test "$(sha256sum < /run/secrets/tok | cut -c1-64)" = "$EXPECT" && echo used > /used\nRUN --mount=type=ssh,required=true test -S "$SSH_AUTH_SOCK" && echo ssh > /ssh\n',
  });
  const socket = await sshAgentSocket();
  const out = join(TMP, 'secret-out');
  const cache = join(TMP, 'secret-cache');
  const r = await ourBuild(['--progress', 'plain', '--secret', 'id=tok,env=CLIENT_TEST_SECRET', '--ssh', `default=${socket}`, '--build-arg', `EXPECT=${createHash('sha256').update(secret).digest('hex')}`, '--output', `type=oci,tar=false,dest=${out}`, '--cache-to', `type=local,dest=${cache},mode=max`, d], { env: { CLIENT_TEST_SECRET: secret } });
  assert.equal(r.code, 0, r.stderr);
  // Every blob (layers unpacked): the secret's value is in none, nor a secrets mount point.
  const { gunzipSync } = await import('node:zlib');
  for (const root of [out, cache]) {
    for (const name of readdirSync(join(root, 'blobs', 'sha256'))) {
      const blob = readFileSync(join(root, 'blobs', 'sha256', name));
      assert.ok(!blob.includes(secret), `the secret is in blob ${name} of ${root}`);
      let data: Buffer;
      try {
        data = gunzipSync(blob);
      } catch {
        continue; // not a layer
      }
      assert.ok(!data.includes(secret), `the secret is in layer ${name} of ${root}`);
      for (const e of readTar(data)) assert.ok(!e.name.startsWith('run/secrets/'), `${e.name} in a layer`);
    }
  }
});

test('--ssh ID=KEYFILE: key files served as an agent to RUN, answering as buildctl\'s agent answers', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const keys = ['ed25519', 'rsa'].map((type) => {
    const f = join(TMP, `id_${type}`);
    const r = spawnSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', '', '-f', f], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return f;
  });
  // In the RUN step: the agent's identities, and each key's signature of a fixed message (both key types sign
  // deterministically), as the agent protocol's raw answers.
  const script = `const net = require('node:net');
const c = net.connect(process.env.SSH_AUTH_SOCK);
const str = (b) => { const l = Buffer.alloc(4); l.writeUInt32BE(b.length); return Buffer.concat([l, b]); };
let buf = Buffer.alloc(0); const waiting = [];
c.on('data', (d) => { buf = Buffer.concat([buf, d]); while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32BE(0)) { const n = buf.readUInt32BE(0); waiting.shift()(buf.subarray(4, 4 + n)); buf = buf.subarray(4 + n); } });
const ask = (m) => new Promise((r) => { waiting.push(r); c.write(str(m)); });
(async () => {
  const ids = await ask(Buffer.from([11]));
  console.log('identities', ids.toString('base64'));
  let off = 5;
  for (let i = 0; i < ids.readUInt32BE(1); i++) {
    const n = ids.readUInt32BE(off); const blob = ids.subarray(off + 4, off + 4 + n); off += 4 + n; off += 4 + ids.readUInt32BE(off);
    for (const flags of [0, 2, 4]) {
      const f = Buffer.alloc(4); f.writeUInt32BE(flags);
      console.log('sign', flags, (await ask(Buffer.concat([Buffer.from([13]), str(blob), str(Buffer.from('message')), f]))).toString('base64'));
    }
  }
  c.end();
})();
`;
  const d = dir('ssh-keys', {
    'agent.js': script,
    Dockerfile: `FROM ${NODE_RUNTIME} AS run\nRUN --mount=type=ssh,id=keys,required=true --mount=type=bind,target=/ctx node /ctx/agent.js > /agent.txt\nFROM scratch\nCOPY --from=run /agent.txt /\n`,
  });
  const ours = await ourBuild(['--progress', 'quiet', '--no-cache', '--ssh', `keys=${keys.join(',')}`, '--output', `type=local,dest=${join(TMP, 'ssh-ours')}`, d]);
  assert.equal(ours.code, 0, ours.stderr);
  const theirs = await buildctl(['build', '--frontend', 'dockerfile.v0', '--opt', 'no-cache=', ...contextArgs(d), '--ssh', `keys=${keys.join(',')}`, '--output', `type=local,dest=${join(TMP, 'ssh-ctl')}`]);
  assert.equal(theirs.code, 0, theirs.stderr);
  const got = readFileSync(join(TMP, 'ssh-ours', 'agent.txt'), 'utf8');
  assert.equal(got, readFileSync(join(TMP, 'ssh-ctl', 'agent.txt'), 'utf8'));
  assert.equal(got.split('\n').filter((l) => l.startsWith('sign ')).length, 6, got);
  // A key file that is no key: buildctl's reason, before anything runs.
  const bad = await ourBuild(['--ssh', `keys=${keys[0]}.pub`, d]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^error: --ssh keys: failed to parse .*id_ed25519\.pub: ssh: no key found\n$/);
});

test('--call outline / targets / check print what buildctl prints for the subrequest', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('call', {
    Dockerfile: '# the base\nFROM busybox AS base\n# the version\nARG VERSION=1\nFROM base AS final\nRUN echo $VERSION\ncopy . /\n',
  });
  for (const [call, id] of [['outline', 'frontend.outline'], ['targets', 'frontend.targets'], ['check', 'frontend.lint']]) {
    const ours = await ourBuild(['--progress', 'quiet', '--call', call!, d]);
    const theirs = await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--opt', `requestid=${id}`]);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.equal(ours.stdout, theirs.stdout, `--call ${call}`);
    assert.notEqual(ours.stdout, '');
  }
  // NAME,format=json prints the answer's result.json, as buildx prints it: upstream's (the built-in frontend) byte for byte.
  const text = readFileSync(join(d, 'Dockerfile'), 'utf8');
  for (const [call, id] of [['outline', 'frontend.outline'], ['targets', 'frontend.targets']]) {
    const ours = await ourBuild(['--progress', 'quiet', '--call', `${call},format=json`, d]);
    assert.equal(ours.code, 0, ours.stderr);
    const [up] = await askFrontends(env!.buildkitHost, ['dockerfile.v0'], text, { requestid: id! }, 'client-call-json-');
    assert.equal(ours.stdout, `${decoded(up!)['result.json']}\n`, `--call ${call},format=json`);
  }
  // --check is --call check.
  const check = await ourBuild(['--progress', 'quiet', '--check', d]);
  assert.equal(check.stdout, (await ourBuild(['--progress', 'quiet', '--call', 'check', d])).stdout);
  assert.match(check.stdout, /ConsistentInstructionCasing/);
  const bad = await ourBuild(['--call', 'outline,format=yaml', d]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'build: --call: unknown format "yaml" (json or text)\n');
});

test('faults: no daemon, a bad context, a bad --secret, an empty --platform, an unknown output, outputs that cannot be written, an unknown cache exporter: clear errors, exit 1', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const absent = spawnSync(process.execPath, [BUNDLE, 'build', '--addr', `unix://${join(TMP, 'none.sock')}`, join(CORPUS, 'basic')], { encoding: 'utf8' });
  assert.equal(absent.status, 1);
  assert.match(absent.stderr, /^error: buildkitd is not running at unix:\/\/.*none\.sock: .* does not exist/);
  const badCtx = await ourBuild([join(TMP, 'no-such-dir')]);
  assert.equal(badCtx.code, 1);
  assert.match(badCtx.stderr, /^error: unable to prepare context: path ".*no-such-dir" not found\n$/);
  const badSecret = await ourBuild(['--secret', `id=x,src=${join(TMP, 'missing')}`, join(CORPUS, 'basic')]);
  assert.equal(badSecret.code, 1);
  assert.match(badSecret.stderr, /^error: --secret: failed to stat .*missing: no such file or directory\n$/);
  // An empty platform in --platform's list: buildx's error (containerd's parse of ""), before anything is sent.
  const emptyPlatform = await ourBuild(['--platform', 'linux/amd64,', join(CORPUS, 'basic')]);
  assert.equal(emptyPlatform.code, 1);
  assert.match(emptyPlatform.stderr, /^error: "" is an invalid OS component of "": OSAndVersion specifier component must match .*: invalid argument\n$/);
  const badOut = await ourBuild(['--output', 'dest=x', join(CORPUS, 'basic')]);
  assert.equal(badOut.code, 1);
  assert.match(badOut.stderr, /--output requires type=<type>/);
  // --iidfile and --metadata-file as buildx takes them: errors in Go's words, never a stack trace.
  const aFile = join(TMP, 'a-file');
  writeFileSync(aFile, 'x');
  const iidUnder = await ourBuild(['--iidfile', join(aFile, 'iid'), join(CORPUS, 'basic')]);
  assert.equal(iidUnder.code, 1);
  assert.equal(iidUnder.stderr, `error: removing image ID file: remove ${join(aFile, 'iid')}: not a directory\n`);
  const iidLocal = await ourBuild(['--iidfile', join(TMP, 'iid'), '--output', `type=local,dest=${join(TMP, 'never')}`, join(CORPUS, 'basic')]);
  assert.equal(iidLocal.code, 1);
  assert.equal(iidLocal.stderr, 'error: local and tar exporters are incompatible with image ID file\n');
  const missing = join(TMP, 'missing-dir');
  const iidMissing = await ourBuild(['--progress', 'quiet', '--iidfile', join(missing, 'iid'), join(CORPUS, 'basic')]);
  assert.equal(iidMissing.code, 1);
  assert.equal(iidMissing.stderr, `error: writing image ID file: open ${join(missing, 'iid')}: no such file or directory\n`);
  const mdMissing = await ourBuild(['--progress', 'quiet', '--metadata-file', join(missing, 'md.json'), join(CORPUS, 'basic')]);
  assert.equal(mdMissing.code, 1);
  assert.equal(mdMissing.stderr, `error: open ${join(missing, 'md.json')}: no such file or directory\n`);
  // Refused by the daemon's Solve at once, before the session's connection has settled: buildctl's error line, no stack trace.
  const d = join(CORPUS, 'basic');
  const ctl = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--export-cache', 'type=bogus']);
  assert.equal(ctl.code, 1);
  // Outputs that cannot be written: buildctl's error lines, no hang (Node.js's recursive mkdir spins for ever on /proc/x),
  // no silent success (a tar output into a missing directory reported success), a full disk an error.
  // The daemon races its own sender against the client's refusal: when the sender sees the closed stream first it reports
  // `failed to send stat FILE: EOF` instead of the client's reason (buildctl's CI run printed it once). Either client is asked
  // again, up to five times, until the daemon reports the client's reason, and the two reasons are compared.
  const raced = /^error: failed to solve: failed to send \w+ [^\n]*: EOF\n$/;
  const settled = async (run: () => Promise<{ code: number | null; stderr: string }>) => {
    let r = await run();
    for (let i = 0; i < 4 && raced.test(r.stderr); i++) r = await run();
    return r;
  };
  for (const out of ['type=local,dest=/proc/x', 'type=tar,dest=/nonexistent-dir/x.tar']) {
    const theirs = await settled(async () => {
      const r = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--output', out]);
      return { code: r.code, stderr: r.stderr.split('\n').filter((l) => l.startsWith('error: ')).join('\n') + '\n' };
    });
    const ours = await settled(() => ourBuild(['--progress', 'quiet', '--output', out, d], { timeoutMs: 60_000 }));
    assert.equal(ours.code, 1, out);
    assert.equal(ours.stderr, theirs.stderr, out);
    assert.doesNotMatch(ours.stderr, raced, out);
  }
  const full = await ourBuild(['--progress', 'quiet', '--output', 'type=tar,dest=/dev/full', d], { timeoutMs: 60_000 });
  assert.equal(full.code, 1);
  assert.match(full.stderr, /^error: failed to solve: .*write \/dev\/full: no space left on device\n$/);
  for (let i = 0; i < 3; i++) {
    const badCache = await ourBuild(['--progress', 'quiet', '--cache-to', 'type=bogus', d]);
    assert.equal(badCache.code, 1);
    assert.equal(badCache.stderr, ctl.stderr.split('\n').filter((l) => l.startsWith('error: ')).join('\n') + '\n');
  }
});

test('a --secret file is read when a RUN mounts it, as buildctl reads it: an unused endless one is never read, a directory fails the RUN with buildctl\'s error', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('secret-read', { Dockerfile: 'FROM busybox\nRUN --mount=type=secret,id=tok cat /run/secrets/tok\n' });
  const tok = join(TMP, 'secret-read-tok');
  writeFileSync(tok, 'read when asked\n');
  // /dev/zero has no end: read at start, the build would never begin (buildctl's secretsprovider only stats it).
  const unused = await ourBuild(['--progress', 'plain', '--no-cache', '--secret', `id=tok,src=${tok}`, '--secret', 'id=zero,src=/dev/zero', d], { timeoutMs: 60_000 });
  assert.equal(unused.code, 0, unused.stderr);
  assert.match(unused.stderr, /read when asked/);
  const errorLines = (s: string): string => s.split('\n').filter((l) => l.startsWith('error: ')).join('\n');
  const secretDir = join(TMP, 'secret-read-dir');
  mkdirSync(secretDir, { recursive: true });
  const theirs = await buildctl(['build', '--no-cache', '--frontend', 'dockerfile.v0', ...contextArgs(d), '--secret', `id=tok,src=${secretDir}`]);
  const ours = await ourBuild(['--progress', 'quiet', '--no-cache', '--secret', `id=tok,src=${secretDir}`, d], { timeoutMs: 60_000 });
  assert.equal(theirs.code, 1);
  assert.equal(ours.code, 1);
  assert.equal(errorLines(ours.stderr), errorLines(theirs.stderr));
  assert.equal(errorLines(ours.stderr), `error: failed to solve: read ${secretDir}: is a directory`);
});

test('an unreachable daemon (a stale socket, a refused port, an unknown host, an address Go refuses) fails at once with the reason buildctl gives', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // A socket file nobody listens on: what a daemon that died leaves behind.
  const stale = join(TMP, 'stale.sock');
  const made = spawnSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(stale)})`]);
  assert.equal(made.status, 0, made.stderr?.toString());
  const d = join(CORPUS, 'basic');
  // Hosts Go looks up (naming its DNS server), dials (naming the address), or neither reads as an address
  // nor looks up (all digits, a label too long or with a dash at an end), which getaddrinfo might take.
  const hosts = ['127.0.0.1:1', 'localhost:1', 'no-such-host.invalid:1234', 'a_b.invalid:80', '256.1.1.1:80', '123:80', '127.1:1', '-x.invalid:80', 'x-.invalid:80', `${'a'.repeat(64)}.invalid:80`, 'localhost:99999'];
  // And buildctl's other spellings: the scheme in any case, user information and a path (left out), a
  // NAME:PORT with no scheme (dialed as it is), no port (refused by Go's dialer).
  const spellings = ['TCP://localhost:1', 'tcp://user@localhost:1/x?y=1', 'localhost:1', 'tcp://localhost', 'tcp://[::1]'];
  for (const addr of [`unix://${stale}`, ...hosts.map((h) => `tcp://${h}`), ...spellings]) {
    const ctl = spawnSync(join(binDir, 'buildctl'), ['--addr', addr, 'build', '--frontend', 'dockerfile.v0', ...contextArgs(d)], { encoding: 'utf8', timeout: 30_000 });
    // buildctl: `... desc = "transport: Error while dialing: REASON"` (a lookup's names Go's DNS server).
    const reason = /Error while dialing: (.*)"$/m.exec(ctl.stderr)?.[1];
    assert.ok(reason, `buildctl's reason for ${addr}: ${ctl.stderr}`);
    const t0 = Date.now();
    const ours = await ourBuild(['--progress', 'quiet', '--addr', addr, d], { timeoutMs: 30_000 });
    assert.ok(Date.now() - t0 < 5_000, `${addr}: failed at once (${Date.now() - t0} ms), not at gRPC's 10 s deadline`);
    assert.equal(ours.code, 1);
    assert.equal(ours.stderr, `error: could not connect to buildkitd at ${addr}: ${reason}\n`);
  }
});

test("a name no DNS server knows: the server named is the one Go's resolver reads from resolv.conf, as buildctl names it", async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // The machine's own first server behind lines Go and glibc both skip (comments, a server that is no
  // address), with another server after it; both clients run where this file is /etc/resolv.conf.
  const server = /^nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'))?.[1];
  assert.ok(server, 'this machine has a DNS server');
  const conf = join(TMP, 'resolv.conf');
  writeFileSync(conf, `# a comment\n; another\nsearch example.invalid\nnameserver not-an-address\nnameserver\t${server}  # the one\nnameserver 192.0.2.1\n`);
  const inNamespace = (cmd: string[]) =>
    spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind "$0" /etc/resolv.conf && exec "$@"', conf, ...cmd], { encoding: 'utf8', timeout: 60_000 });
  const addr = 'tcp://no-such-host.invalid:1234';
  const d = join(CORPUS, 'basic');
  const ctl = inNamespace([join(binDir, 'buildctl'), '--addr', addr, 'build', '--frontend', 'dockerfile.v0', ...contextArgs(d)]);
  const reason = /Error while dialing: (.*)"$/m.exec(ctl.stderr)?.[1];
  assert.equal(reason, `dial tcp: lookup no-such-host.invalid on ${server.includes(':') ? `[${server}]` : server}:53: no such host`, ctl.stderr);
  const ours = inNamespace([process.execPath, BUNDLE, 'build', '--progress', 'quiet', '--addr', addr, d]);
  assert.equal(ours.status, 1);
  assert.equal(ours.stderr, `error: could not connect to buildkitd at ${addr}: ${reason}\n`);
});

test('Ctrl-C cancels the build on the daemon and exits 130, nothing left running', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const marker = `client-cancel-${process.pid}-${Date.now()}`;
  const d = dir('cancel', { Dockerfile: `FROM busybox\nRUN echo ${marker} && sleep 120\n` });
  const child = spawn(process.execPath, [BUNDLE, 'build', '--addr', env!.buildkitHost, '--progress', 'plain', '--no-cache', d], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // The step's own output: its process runs.
  const running = new RegExp(`^#\\d+ \\d+\\.\\d+ ${marker}$`, 'm');
  for (let i = 0; i < 600 && !running.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(stderr, running, 'the RUN step runs');
  const t0 = Date.now();
  child.kill('SIGINT');
  const code = await exited;
  assert.equal(code, 130, stderr);
  assert.ok(Date.now() - t0 < 15_000, 'exited promptly');
  // The step's process is gone from the daemon's containers.
  for (let i = 0; i < 50; i++) {
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
    if (!ps.includes(marker)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail('the RUN step is still running after Ctrl-C');
});

test('Ctrl-C while the daemon never answers the in-process frontend (its read of a named pipe given as -f): exit 130 at once', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // The daemon opens its copy of the pipe to read the Dockerfile and waits there for a writer (buildctl's builds wait
  // the same); the frontend's ReadFile is never answered. Cancelling the build must end that call too.
  const name = `pipe-${process.pid}-${Date.now()}`;
  const d = dir('cancel-pipe', {});
  mkdirSync(d, { recursive: true });
  assert.equal(spawnSync('mkfifo', [join(d, name)]).status, 0);
  const child = spawn(process.execPath, [BUNDLE, 'build', '--addr', env!.buildkitHost, '--progress', 'plain', '-f', join(d, name), d], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  for (let i = 0; i < 300 && !/^#1 DONE/m.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(stderr, /^#1 DONE/m, 'the Dockerfile (the pipe) was transferred');
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = Date.now();
  child.kill('SIGINT');
  const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 15_000))]);
  if (code === 'still running') child.kill('SIGKILL');
  // The daemon's reader is let go (a writer opens its copy of the pipe and closes it), so nothing waits there after the test.
  const snapshots = join(env!.dir, 'buildkitd', 'root', 'runc-overlayfs', 'snapshots', 'snapshots');
  for (const s of existsSync(snapshots) ? readdirSync(snapshots) : []) {
    const p = join(snapshots, s, 'fs', name);
    try {
      closeSync(openSync(p, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // not there, or no reader
    }
  }
  assert.equal(code, 130, stderr);
  assert.ok(Date.now() - t0 < 10_000, 'exited promptly');
  assert.match(stderr, /^error: build cancelled$/m);
});

test('--channel labs: the in-process frontend takes labs syntax; stable rejects it with upstream error', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const d = dir('channel', { Dockerfile: 'FROM scratch\nCOPY --optional missing.txt a.txt /x/\n', 'a.txt': 'a\n' });
  const out = join(TMP, 'channel-out');
  const labs = await ourBuild(['--progress', 'quiet', '--channel', 'labs', '--output', `type=local,dest=${out}`, d]);
  assert.equal(labs.code, 0, labs.stderr);
  assert.deepEqual(readdirSync(join(out, 'x')), ['a.txt']);
  // Stable (the default, and named): upstream's error, as buildctl prints it with the daemon's dockerfile.v0.
  const theirs = await buildctl(['build', '--progress=plain', '--frontend', 'dockerfile.v0', ...contextArgs(d)]);
  assert.notEqual(theirs.code, 0);
  const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);
  for (const args of [[], ['--channel', 'stable']]) {
    const ours = await ourBuild(['--progress', 'plain', ...args, d]);
    assert.equal(ours.code, 1, ours.stderr);
    assert.equal(lastLine(ours.stderr), lastLine(theirs.stderr), `stable ${args.join(' ')}`);
  }
  // The channel is the in-process frontend's: another frontend or an unknown name is refused before anything runs.
  const other = await ourBuild(['--channel', 'labs', '--frontend', 'dockerfile.v0', d]);
  assert.equal(other.code, 1);
  assert.match(other.stderr, /^error: --channel labs: the channel is the in-process frontend's/);
  const unknown = await ourBuild(['--channel', 'nightly', d]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^build: unknown channel "nightly"/);
});

test('follow paths with wildcards: a symlink a COPY wildcard matches brings its target, as buildctl sends it', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const ctx = dir('wild', { 'real/target.txt': 'target\n', 'real/unused.txt': 'unused\n', 'a.txt': 'a\n', 'b.md': 'b\n', Dockerfile: 'FROM scratch\nCOPY *.txt l[i]nk-dir/* /out/\n' });
  symlinkSync('real/target.txt', join(ctx, 'link.txt'));
  symlinkSync('real', join(ctx, 'link-dir'));
  const listing = (root: string): string[] =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((p) => `${p} ${lstatSync(join(root, p)).isFile() ? readFileSync(join(root, p), 'utf8') : ''}`);
  const ours = await ourBuild(['--progress', 'quiet', '--output', `type=local,dest=${join(TMP, 'wild-ours')}`, ctx]);
  assert.equal(ours.code, 0, ours.stderr);
  const theirs = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=local,dest=${join(TMP, 'wild-ctl')}`]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.deepEqual(listing(join(TMP, 'wild-ours')), listing(join(TMP, 'wild-ctl')));
  assert.ok(listing(join(TMP, 'wild-ours')).includes('out/link.txt target\n'), 'the symlink matched by *.txt copied with its target\'s data');
});

test('.dockerignore of thousands of lines: the daemon reads the context as buildctl\'s session lets it, and past Go\'s header limit fails as there', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // The daemon sends every pattern as a header of the DiffCopy call: Node.js's
  // own limits (128 header fields) refused more than ~120 lines.
  const files: Record<string, string> = { Dockerfile: 'FROM scratch\nCOPY . /\n' };
  for (let i = 0; i < 300; i++) files[`d${i % 10}/f${i}.txt`] = `${i}\n`;
  const patterns = (n: number): string =>
    Array.from({ length: n }, (_, i) => (i % 97 === 0 ? `d${i % 10}/f${i % 300}.txt` : `d${i % 10}/f${1000 + i}*.txt`)).join('\n') + '\n';
  const tree = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
  const ctx = dir('ignore-many', { ...files, '.dockerignore': patterns(3000) });
  const ours = await ourBuild(['--progress', 'quiet', '--output', `type=local,dest=${join(TMP, 'ignore-many-ours')}`, ctx]);
  assert.equal(ours.code, 0, ours.stderr);
  const theirs = await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=local,dest=${join(TMP, 'ignore-many-ctl')}`]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.deepEqual(tree(join(TMP, 'ignore-many-ours')), tree(join(TMP, 'ignore-many-ctl')));
  assert.ok(!tree(join(TMP, 'ignore-many-ours')).includes('d0/f0.txt'), 'an ignored file was sent');
  // 20,000 lines are more than the 1 MB of headers a Go session server takes: the daemon refuses to send them.
  const big = dir('ignore-too-many', { ...files, '.dockerignore': patterns(20000) });
  const oursBig = await ourBuild(['--progress', 'quiet', big]);
  const theirsBig = await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(big)]);
  assert.equal(oursBig.code, 1);
  assert.notEqual(theirsBig.code, 0);
  const errorLine = (stderr: string): string => stderr.split('\n').filter((l) => l.startsWith('error: ')).join('\n');
  assert.match(errorLine(theirsBig.stderr), /header list size to send violates the maximum size \(1048896 bytes\) set by server/);
  assert.equal(errorLine(oursBig.stderr), errorLine(theirsBig.stderr));
});

test('a failing build of a Dockerfile over 64 KiB ends with buildctl\'s error, not a wait (Node.js cannot read the daemon\'s answer)', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  // The daemon's answer to a failed Solve holds the whole Dockerfile in a
  // header field (errdefs.Source); nghttp2 drops a field over 64 KiB, and the
  // build waited forever.
  const envs = Array.from({ length: 1000 }, (_, i) => `ENV E${i}=${'v'.repeat(100)}`).join('\n');
  const parse = dir('big-parse-error', { Dockerfile: `FROM busybox\n${envs}\nFOO bar\n` });
  // The same error is read from the build's history record (src/client/history.ts), a moment after the
  // daemon has ended the build's progress: the whole error as buildctl prints it, without a long wait.
  const timed = async (args: string[]) => {
    const t0 = Date.now();
    const r = await ourBuild(args, { timeoutMs: 60_000 });
    return { ...r, ms: Date.now() - t0 };
  };
  const ours = await timed(['--progress', 'quiet', parse]);
  const theirs = await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(parse)]);
  assert.equal(ours.code, 1, ours.stderr.slice(-300));
  assert.notEqual(theirs.code, 0);
  assert.equal(ours.stderr, theirs.stderr, 'the error and its Dockerfile excerpt, as buildctl prints them');
  const run = dir('big-run-error', { Dockerfile: `FROM busybox\n${envs}\nRUN exit 3\n` });
  const oursRun = await timed(['--progress', 'quiet', run]);
  const theirsRun = await buildctl(['build', '--progress=quiet', '--frontend', 'dockerfile.v0', ...contextArgs(run)]);
  assert.equal(oursRun.code, 1, oursRun.stderr.slice(-300));
  assert.match(oursRun.stderr, /^error: failed to solve: process "\/bin\/sh -c exit 3" did not complete successfully: exit code: 3$/m);
  assert.equal(oursRun.stderr, theirsRun.stderr, 'the failed step\'s error and its Dockerfile excerpt, as buildctl prints them');
  for (const r of [ours, oursRun]) assert.ok(r.ms < 4_000, `the error came after ${r.ms} ms`);
  // The daemon's frontend or an image's: the answer to its Solve (the same error) stops the connection,
  // before the build has ended; the build ends with that said, not a wait for ever.
  for (const frontend of [['--frontend', 'dockerfile.v0'], ['--frontend-image', UPSTREAM_FRONTEND]]) {
    const r = await timed(['--progress', 'quiet', ...frontend, parse]);
    assert.equal(r.code, 1, `${frontend.join(' ')}: ${r.stderr.slice(-300)}`);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('error: ')).join('\n'), `error: failed to solve: ${UNREADABLE_FRONTEND_ERROR}`);
    assert.ok(r.ms < 15_000, `${frontend.join(' ')}: the error came after ${r.ms} ms`);
  }
});

test('xattrs: extended attributes of the context reach the daemon and a local output, as buildctl sends and writes them', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const x = xattrs();
  assert.ok(x !== null, '@napi-rs/xattr loads');
  const ctx = dir('xattrs', { 'a.txt': 'a\n', 'sub/b.txt': 'b\n', 'plain.txt': 'p\n', Dockerfile: 'FROM scratch\nCOPY . /\n' });
  x.setAttributeSync(join(ctx, 'a.txt'), 'user.one', Buffer.from('1'));
  x.setAttributeSync(join(ctx, 'a.txt'), 'user.two', Buffer.from([0, 1, 2, 255]));
  x.setAttributeSync(join(ctx, 'sub'), 'user.dir', Buffer.from('d'));
  const attrsOf = (root: string): string[] =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .sort()
      .flatMap((p) => x.listAttributesSync(join(root, p)).sort().map((k) => `${p} ${k}=${x.getAttributeSync(join(root, p), k)!.toString('hex')}`));
  const ours = await ourBuild(['--progress', 'quiet', '--output', `type=local,dest=${join(TMP, 'xattr-ours')}`, ctx]);
  assert.equal(ours.code, 0, ours.stderr);
  const theirs = await buildctl(['build', '--frontend', 'dockerfile.v0', ...contextArgs(ctx), '--output', `type=local,dest=${join(TMP, 'xattr-ctl')}`]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.deepEqual(attrsOf(join(TMP, 'xattr-ours')), attrsOf(join(TMP, 'xattr-ctl')));
  assert.deepEqual(attrsOf(join(TMP, 'xattr-ours')).filter((l) => !/ security\./.test(l)), ['a.txt user.one=31', 'a.txt user.two=000102ff', 'sub user.dir=64']);
});

test('standard input: -f - reads the Dockerfile, the context - a Dockerfile with an empty context, as buildx reads them', async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  const ctx = dir('stdin-ctx', { 'a.txt': 'from the context\n', Dockerfile: 'FROM scratch\nCOPY Dockerfile /wrong\n' });
  const df = 'FROM scratch\nCOPY a.txt /a.txt\nCOPY <<EOF /b.txt\nheredoc\nEOF\n';
  const fromStdin = await ourBuild(['--progress', 'quiet', '-f', '-', '--output', `type=local,dest=${join(TMP, 'stdin-f')}`, ctx], { input: df });
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  assert.deepEqual(readdirSync(join(TMP, 'stdin-f')).sort(), ['a.txt', 'b.txt']);
  assert.equal(readFileSync(join(TMP, 'stdin-f', 'a.txt'), 'utf8'), 'from the context\n');
  // The same build from the file gives the same files.
  writeFileSync(join(TMP, 'stdin.Dockerfile'), df);
  const fromFile = await ourBuild(['--progress', 'quiet', '-f', join(TMP, 'stdin.Dockerfile'), '--output', `type=local,dest=${join(TMP, 'stdin-file')}`, ctx]);
  assert.equal(fromFile.code, 0, fromFile.stderr);
  for (const f of ['a.txt', 'b.txt']) assert.equal(readFileSync(join(TMP, 'stdin-f', f), 'utf8'), readFileSync(join(TMP, 'stdin-file', f), 'utf8'));

  // The context -: nothing to copy from it.
  const noCtx = await ourBuild(['--progress', 'quiet', '--output', `type=local,dest=${join(TMP, 'stdin-ctx-out')}`, '-'], { input: 'FROM scratch\nCOPY <<EOF /only.txt\nx\nEOF\n' });
  assert.equal(noCtx.code, 0, noCtx.stderr);
  assert.deepEqual(readdirSync(join(TMP, 'stdin-ctx-out')), ['only.txt']);
  const empty = await ourBuild(['--progress', 'quiet', '-'], { input: 'FROM scratch\nCOPY a.txt /a.txt\n' });
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /"\/a.txt": not found/);

  const both = await ourBuild(['-f', '-', '-'], { input: 'FROM scratch\n' });
  assert.equal(both.code, 2);
  assert.equal(both.stderr, "build: invalid argument: can't use stdin for both build context and dockerfile\n");
  // A Dockerfile on standard input and one named by -f: buildx's refusal.
  const ambiguous = await ourBuild(['-f', join(TMP, 'stdin.Dockerfile'), '-'], { input: 'FROM scratch\n' });
  assert.equal(ambiguous.code, 2);
  assert.equal(ambiguous.stderr, 'build: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles\n');
  assert.deepEqual(readdirSync(tmpdir()).filter((f) => f.startsWith('dockerfile-llb-stdin-')), []);
});
