// The generator of test/client/context-fuzz.test.ts: seeded random build
// contexts (files, empty directories, symbolic links, odd modes and times), a
// .dockerignore and a Dockerfile of COPY instructions, and writing one out.
import { chmodSync, lutimesSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../convert/fuzz/generate.ts';

const NAMES = ['a', 'b', 'c.txt', 'd.go', '.e', 'f g', 'sub', 'node_modules', 'x.txt', 'keep'];
const FILE_MODES = [0o644, 0o644, 0o755, 0o600, 0o444, 0o640];
const DIR_MODES = [0o755, 0o755, 0o700, 0o775];

/** One generated case: the context's entries, its .dockerignore (or none) and the Dockerfile. */
export interface ContextCase {
  name: string;
  entries: Entry[];
  ignore: string | undefined;
  dockerfile: string;
}

export type Entry = { path: string; kind: 'file'; mode: number; data: string; mtime: number } | { path: string; kind: 'dir'; mode: number; mtime: number } | { path: string; kind: 'link'; target: string; mtime: number };

export function generateCase(seed: number, index: number): ContextCase {
  const r = new Rng(seed * 7919 + index);
  const entries: Entry[] = [];
  const time = (): number => 1_600_000_000 + r.int(100_000_000);
  const fill = (dir: string, depth: number): void => {
    const n = r.int(depth === 0 ? 6 : 4) + (depth === 0 ? 1 : 0);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const name = r.pick(NAMES);
      if (used.has(name)) continue;
      used.add(name);
      const path = dir === '' ? name : `${dir}/${name}`;
      const roll = r.next();
      if (roll < 0.5 || depth >= 3) entries.push({ path, kind: 'file', mode: r.pick(FILE_MODES), data: `${path} ${r.int(1000)}\n`.repeat(1 + r.int(3)), mtime: time() });
      else if (roll < 0.85) {
        entries.push({ path, kind: 'dir', mode: r.pick(DIR_MODES), mtime: time() });
        fill(path, depth + 1);
      } else {
        const target = r.pick(['a', '../a', 'sub', '../sub/c.txt', 'missing', '/etc/hostname', '.', 'c.txt']);
        entries.push({ path, kind: 'link', target, mtime: time() });
      }
    }
  };
  fill('', 0);
  const paths = entries.map((e) => e.path);
  const somePath = (): string => (paths.length > 0 ? r.pick(paths) : 'a');
  const pattern = (): string => {
    const p = somePath();
    const parts = p.split('/');
    switch (r.int(12)) {
      case 0: return `!${p}`;
      case 1: return `/${p}`;
      case 2: return `./${p}`;
      case 3: return `${p}/`;
      case 4: return parts.length > 1 ? `${parts.slice(0, -1).join('/')}/*` : '*';
      case 5: return `**/${parts[parts.length - 1]}`;
      case 6: return r.pick(['*.txt', '*.go', '.*', '**/*.txt', '!*.go', '!**/keep', '*/sub', 'sub/**', '**', '!sub', '# a comment', '', ' a ', 'sub/*/c.txt', '[a-c]*', 'x?txt']);
      case 7: return `${p}*`;
      case 8: return `!${parts[0]}`;
      default: return p;
    }
  };
  const ignore = r.chance(0.6) ? Array.from({ length: 1 + r.int(5) }, pattern).join('\n') + '\n' : undefined;
  const source = (): string => {
    switch (r.int(10)) {
      case 0: return '.';
      case 1: return r.pick(['*.txt', '*', 'sub/*', 's*', '*/c.txt', '.e', 'sub/', './a', '[ab]']);
      default: return somePath();
    }
  };
  // A name with a space is written in the JSON form.
  const copy = (args: string[], dest: string): string => {
    if (!args.some((a) => a.includes(' '))) return `COPY ${[...args, dest].join(' ')}`;
    const flags = args.filter((a) => a.startsWith('--'));
    return `COPY ${flags.map((f) => f + ' ').join('')}${JSON.stringify([...args.filter((a) => !a.startsWith('--')), dest])}`;
  };
  const lines = ['FROM scratch'];
  const copies = 1 + r.int(3);
  for (let i = 0; i < copies; i++) {
    const flags: string[] = [];
    if (r.chance(0.2)) flags.push(`--exclude=${r.pick(['*.txt', 'sub', '**/keep', '.e', '*.go'])}`);
    if (r.chance(0.15)) flags.push('--parents');
    const srcs = Array.from({ length: r.chance(0.7) ? 1 : 2 }, source);
    lines.push(copy([...flags, ...srcs], `/out${i}/`));
  }
  // The whole context as the daemon received it, half the time.
  if (r.chance(0.5)) lines.push('COPY . /all/');
  return { name: `seed ${seed} #${index}`, entries, ignore, dockerfile: lines.join('\n') + '\n' };
}

export function materialize(c: ContextCase, root: string): { ctx: string; df: string } {
  const ctx = join(root, 'ctx');
  const df = join(root, 'df');
  mkdirSync(ctx, { recursive: true });
  mkdirSync(df, { recursive: true });
  for (const e of c.entries) {
    const p = join(ctx, e.path);
    if (e.kind === 'file') writeFileSync(p, e.data);
    else if (e.kind === 'dir') mkdirSync(p);
    else symlinkSync(e.target, p);
  }
  if (c.ignore !== undefined) writeFileSync(join(ctx, '.dockerignore'), c.ignore);
  writeFileSync(join(df, 'Dockerfile'), c.dockerfile);
  // Modes and times last, deepest first, so that writing a child does not move a directory's time.
  for (const e of [...c.entries].reverse()) {
    const p = join(ctx, e.path);
    if (e.kind === 'link') lutimesSync(p, e.mtime, e.mtime);
    else {
      chmodSync(p, e.mode);
      utimesSync(p, e.mtime, e.mtime);
    }
  }
  return { ctx, df };
}

