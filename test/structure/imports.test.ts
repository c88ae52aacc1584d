// The shape of src/: no import cycles (type-only imports included), every
// import points down the layers below (or stays in its own layer), and the
// generated protobuf code imports only the protobuf runtime. CONTRIBUTING.md
// draws the same layers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cycles, importGraph } from './import-graph.ts';

/**
 * The layers, top first: a module may import modules of its own layer and of
 * the layers after it. A new folder of src/ must be placed here.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['src/cli.ts', 'src/cli-core.ts', 'src/cli/', 'src/index.ts'],
  ['src/client/'],
  ['src/frontend/'],
  ['src/dockerui/'],
  ['src/lint-pack/'],
  ['src/dockerfile/outline/'],
  ['src/dockerfile/convert/'],
  ['src/dockerfile/lint/'],
  ['src/dockerfile/instructions/'],
  ['src/format/'],
  ['src/dockerfile/parser/'],
  ['src/dockerfile/shell/'],
  ['src/dockerfile/errors.ts', 'src/dockerfile/channel.ts'],
  ['src/subrequests/'],
  ['src/llb/'],
  ['src/registry/'],
  ['src/platform/'],
  ['src/gen/'],
  ['src/protobuf/'],
  ['src/go/', 'src/builtins.ts'],
];

function layerOf(file: string): number {
  const i = LAYERS.findIndex((l) => l.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
  if (i < 0) throw new Error(`${file} is in no layer: add its folder to LAYERS in test/structure/imports.test.ts`);
  return i;
}

const graph = importGraph('src');

test('src/ has no import cycles', () => {
  const found = cycles(graph).map((c) => c.join(' <-> '));
  assert.deepEqual(found, [], `import cycles:\n${found.join('\n')}`);
});

test('every import in src/ points down the layers or stays in its layer', () => {
  const upward: string[] = [];
  for (const [from, deps] of graph) {
    for (const to of deps) if (layerOf(to) < layerOf(from)) upward.push(`${from} -> ${to}`);
  }
  assert.deepEqual(upward, [], `imports of a layer above:\n${upward.join('\n')}`);
});

test('generated code (src/gen) imports only the protobuf runtime and itself', () => {
  const bad: string[] = [];
  for (const [from, deps] of graph) {
    if (!from.startsWith('src/gen/')) continue;
    for (const to of deps) if (!to.startsWith('src/protobuf/') && !to.startsWith('src/gen/')) bad.push(`${from} -> ${to}`);
  }
  assert.deepEqual(bad, []);
  assert.ok([...graph.keys()].some((f) => f.startsWith('src/gen/')), 'no generated files found');
});

test('the check sees cycles and upward imports (on a made-up graph)', () => {
  const g = new Map([
    ['src/a.ts', new Set(['src/b.ts'])],
    ['src/b.ts', new Set(['src/c.ts'])],
    ['src/c.ts', new Set(['src/a.ts'])],
    ['src/d.ts', new Set(['src/d.ts'])],
    ['src/e.ts', new Set(['src/a.ts'])],
  ]);
  assert.deepEqual(cycles(g), [['src/a.ts', 'src/b.ts', 'src/c.ts'], ['src/d.ts']]);
  assert.ok(layerOf('src/go/json.ts') > layerOf('src/llb/state.ts'));
  assert.ok(layerOf('src/dockerfile/lint/rules.ts') > layerOf('src/dockerfile/convert/convert.ts'));
});

test('the graph reads imports of every form and none inside comments or strings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  try {
    mkdirSync(join(dir, 'sub'));
    for (const f of ['b.ts', 'c.ts', 'd.ts', 'e.ts', 'sub/f.ts', 'g.ts']) writeFileSync(join(dir, f), 'export {};\n');
    writeFileSync(
      join(dir, 'a.ts'),
      [
        "const glob = 'src/**/*.ts'; // a string with /* in it starts no comment",
        "import type {",
        "  B,",
        "} from './b.ts';",
        "export * from './c.ts';",
        "export { x } from './d.ts';",
        "const re = /['\"]/;",
        "const m = import('./e.ts');",
        "import './sub/f.ts';",
        "/* import { g } from './g.ts'; */",
        "// import { g } from './g.ts';",
      ].join('\n'),
    );
    const g = importGraph(dir);
    const rel = (f: string): string => relative(dir, f).split('\\').join('/');
    const a = [...g.entries()].find(([f]) => f.endsWith('/a.ts'))!;
    assert.deepEqual([...a[1]].map(rel).sort(), ['b.ts', 'c.ts', 'd.ts', 'e.ts', 'sub/f.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
