// The package as a user installs it: `npm pack` of this checkout, the tarball
// installed into an empty directory (its dependencies, @grpc/grpc-js, whose
// types the client's declarations name, and @napi-rs/xattr, which the client
// loads to send xattrs, from npm's cache or the registry),
// then its CLI through npx, both entry points imported from a
// plain .mjs, and a TypeScript consumer type-checked against the published
// declarations. What the installed package prints is compared with what this
// checkout's sources produce for the same input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convert, lint, parse, targets } from '../../src/index.ts';
import * as llb from '../../src/llb/index.ts';

const repo = resolve(import.meta.dirname, '..', '..');
let dir: string;
let app: string;

function sh(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

// A Dockerfile that needs no base image (nothing to resolve) and trips checks.
const DOCKERFILE = 'from scratch as Build\nCOPY a /a\nFROM build AS final\nENV key value\n';

let tarball: string;
let packed: string[];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockerfile-llb-pack-'));
  app = join(dir, 'app');
  // npm pack runs no script here (prepack would build again): dist/ is npm run build's.
  const out = ok(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repo), 'npm pack');
  const info = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, info[0].filename);
  packed = info[0].files.map((f) => f.path).sort();
  ok(sh('mkdir', ['-p', app], dir), 'mkdir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  ok(sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app), 'npm install of the tarball');
  writeFileSync(join(app, 'Dockerfile'), DOCKERFILE);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the tarball holds what runs: the CLI bundle and its .wasm files, the libraries and declarations, no sources or tests', () => {
  assert.ok(packed.includes('dist/dockerfile-llb.js'));
  assert.ok(packed.includes('dist/index.mjs') && packed.includes('dist/llb.mjs'));
  assert.ok(packed.includes('dist/types/index.d.ts') && packed.includes('dist/types/llb/index.d.ts'));
  assert.ok(packed.includes('dist/web-tree-sitter.wasm') && packed.includes('dist/tree-sitter-bash.wasm'), 'the lint pack\'s parser');
  const stray = packed.filter(
    (f) => !/^(dist\/(dockerfile-llb|dockerfile-llb-bundle|dockerfile-llb-core|format)\.js|dist\/[a-z-]+\.wasm|dist\/package\.json|dist\/[\w-]+\.mjs|dist\/types\/.*\.d\.ts|package\.json|README\.md)$/.test(f),
  );
  assert.deepEqual(stray, []);
  const pkg = JSON.parse(readFileSync(join(app, 'node_modules', 'dockerfile-llb', 'package.json'), 'utf8'));
  assert.equal(pkg.private, undefined);
  // The bundles need nothing else at run time; the client's declarations name grpc-js types, and the client
  // loads @napi-rs/xattr (a native module, not bundled) to read and write extended attributes.
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['@grpc/grpc-js', '@napi-rs/xattr']);
});

test('npx dockerfile-llb lint runs the installed CLI and prints what the checkout prints', () => {
  const got = sh('npx', ['--no-install', 'dockerfile-llb', 'lint', 'Dockerfile'], app);
  const want = sh(process.execPath, [join(repo, 'dist', 'dockerfile-llb.js'), 'lint', 'Dockerfile'], app);
  assert.equal(got.status, want.status, got.stderr);
  assert.match(got.stdout, /StageNameCasing/);
  assert.equal(got.stdout, want.stdout);
});

test('a plain .mjs imports both entry points; their results are the sources\'', async () => {
  writeFileSync(
    join(app, 'use.mjs'),
    `import { parse, convert, lint, outline, targets, connect, build } from 'dockerfile-llb';
import * as llb from 'dockerfile-llb/llb';
import { readFileSync } from 'node:fs';
const df = readFileSync('Dockerfile', 'utf8');
const c = await convert(df, { sessionId: 'pack-test' });
const l = await lint(df);
const o = await outline('ARG X=1\\nFROM scratch\\nARG X\\n');
const sdk = llb.image('busybox').run({ shlex: 'echo hi' }).root().marshal({ platform: { os: 'linux', architecture: 'amd64' } }).encode();
console.log(JSON.stringify({
  nodes: parse(df).children.length,
  definition: Buffer.from(c.definition).toString('base64'),
  imageConfig: c.imageConfig,
  warnings: l.warnings.map((w) => w.ruleName),
  outlineArgs: o.args.map((a) => a.name),
  targets: (targets(df).targets ?? []).map((t) => t.name),
  sdk: Buffer.from(sdk).toString('base64'),
  client: [typeof connect, typeof build],
}));
`,
  );
  const got = JSON.parse(ok(sh(process.execPath, ['use.mjs'], app), 'node use.mjs'));
  const c = await convert(DOCKERFILE, { sessionId: 'pack-test' });
  const want = {
    nodes: parse(DOCKERFILE).children.length,
    definition: Buffer.from(c.definition).toString('base64'),
    imageConfig: c.imageConfig,
    warnings: (await lint(DOCKERFILE)).warnings.map((w) => w.ruleName),
    outlineArgs: ['X'],
    targets: (targets(DOCKERFILE).targets ?? []).map((t) => t.name),
    sdk: Buffer.from(llb.image('busybox').run({ shlex: 'echo hi' }).root().marshal({ platform: { os: 'linux', architecture: 'amd64' } }).encode()).toString('base64'),
    client: ['function', 'function'],
  };
  assert.deepEqual(got, want);
  assert.ok(got.definition.length > 0);
});

test('a TypeScript consumer type-checks against the published declarations (the formatter\'s too), and a wrong use does not', () => {
  const tsconfig = {
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(repo, 'node_modules', '@types')],
    },
    files: ['consumer.ts'],
  };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
  const good = `import { convert, lint, outline, targets, parse, connect, RegistryResolver, type ConvertOutput } from 'dockerfile-llb';
import { image, scratch, type State } from 'dockerfile-llb/llb';
import { format, type FormatOptions } from 'dockerfile-llb/format';
const formatted: string = format('from scratch\\n', { reindent: false } satisfies FormatOptions);
const formattedBytes: Uint8Array = format(new Uint8Array([70]));
const out: ConvertOutput = await convert('FROM busybox\\n', { target: 'x', imageResolver: new RegistryResolver() });
const bytes: Uint8Array = out.definition;
const env: string[] | undefined = out.image.config.Env;
const rules: string[] = (await lint('FROM scratch\\n')).warnings.map((w) => w.ruleName);
const args: string[] = (await outline('FROM scratch\\n')).args.map((a) => a.name);
const names: string[] = (targets('FROM scratch AS a\\n').targets ?? []).map((t) => t.name);
const n: number = parse('FROM scratch\\n').children.length;
const st: State = image('busybox').run({ shlex: 'true' }).root();
const def: Uint8Array = scratch().marshal().encode();
console.log(bytes, env, rules, args, names, n, st, def, typeof connect, formatted, formattedBytes);
`;
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  writeFileSync(join(app, 'consumer.ts'), good);
  ok(sh(process.execPath, [tsc, '-p', '.'], app), 'tsc on a correct consumer');
  writeFileSync(join(app, 'consumer.ts'), `import { convert } from 'dockerfile-llb';\nconst n: number = (await convert('FROM scratch\\n')).definition;\nconsole.log(n);\n`);
  const bad = sh(process.execPath, [tsc, '-p', '.'], app);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /consumer\.ts.*Type 'Uint8Array.*' is not assignable to type 'number'/);
});
