// Generator of varied Dockerfiles for differential fuzzing against upstream
// (test/convert/fuzz-differential.test.ts, test/convert/fuzz/run.ts). Seeded:
// the same seed gives the same inputs. Two kinds: mutations of the corpus
// files (testdata/convert/dockerfiles, testdata/lint) and small random
// Dockerfiles from a grammar. Base images are only those in
// testdata/convert/image-metadata.json (plus scratch and stage names).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small, fast, seeded PRNG (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One generated input with the options it is built with. */
export interface FuzzInput {
  name: string;
  text: string;
  buildArgs: Record<string, string>;
  platforms: string[];
  target?: string;
  opts: Record<string, string>;
  /** Path of the context's .dockerignore, if any. */
  dockerignore?: string;
  /** The context's .dockerignore as bytes (written to a file for both sides; replaces `dockerignore`). */
  dockerignoreBytes?: Buffer;
  /** The Dockerfile as bytes, when they are no valid UTF-8 (`text` is then only for reports). */
  bytes?: Buffer;
  /** More base images: the metadata key (`docker.io/library/x:1`) and the config's JSON text, sent as written. */
  images?: Record<string, string>;
}

const IMAGES = [
  'alpine:3.19',
  'alpine',
  'alpine:latest',
  'busybox',
  'busybox:latest',
  'debian:bookworm',
  'golang:1.22',
  'node:20',
  'ubuntu:22.04',
  'ghcr.io/example/tool:1.0',
  'example/onbuild:1',
  'example/onbuild-copy:1',
  'alpine:3.19@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
  'docker.io/library/alpine:3.19',
  'scratch',
];
const VARS = ['FOO', 'BAR', 'foo', 'HOME', 'PATH', 'TARGETPLATFORM', 'TARGETARCH', 'TARGETOS', 'BUILDPLATFORM', 'BUILDARCH', 'TARGETSTAGE', 'HTTP_PROXY', 'SOURCE_DATE_EPOCH', 'UNSET', 'A_SECRET_TOKEN', 'V'];
const VALUES = ['1', 'bar', '/app', 'a b', '"q w"', "'s'", '', 'x=y', '$FOO', '${BAR}', '/usr/local/bin', '0', '1700000000', 'linux/arm64', 'alpine:3.19', 'amd64', '*', '\\$HOME'];
const PATHS = ['/app', 'app', '.', '/', './src', 'src/', '/tmp/x', '*.txt', 'a b', '/data/', '../up', '/dst/', 'file', '"/q"', '/home/$FOO'];
const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/arm/v7', '$BUILDPLATFORM', '$TARGETPLATFORM', '${TARGETPLATFORM}', 'linux/amd64,linux/arm64', 'bogus', ''];
const STAGES = ['base', 'build', 'Build', 'final', 'stage-1', 'a', 'b', '0', 'builder', 'context', 'scratch', 'x_y', 'with.dot'];
const COMMANDS = ['echo hi', 'true', 'ls -la /', 'echo $FOO > /out', 'sh -c "exit 0"', 'apk add curl', 'echo "${BAR:-d}"', 'cat /etc/os-release && echo done', 'echo \'single\''];

function varRef(r: Rng): string {
  const v = r.pick(VARS);
  switch (r.int(9)) {
    case 0:
      return `$${v}`;
    case 1:
      return `\${${v}}`;
    case 2:
      return `\${${v}:-${r.pick(['y', '/def', 'alpine', ''])}}`;
    case 3:
      return `\${${v}:+${r.pick(['set', 'z'])}}`;
    case 4:
      return `\${${v}-${r.pick(['y', ''])}}`;
    case 5:
      return `\${${v}#*/}`;
    case 6:
      return `\${${v}%/*}`;
    case 7:
      return `\${${v}/a/b}`;
    default:
      return `\${${v}:?${r.pick(['must be set', ''])}}`;
  }
}

function jsonArgs(r: Rng, words: string[]): string {
  const body = words.map((w) => JSON.stringify(w)).join(r.pick([', ', ',', ' , ']));
  return r.chance(0.05) ? `[${body}` : `[${body}]`;
}

function mountFlag(r: Rng): string {
  const type = r.pick(['bind', 'cache', 'tmpfs', 'secret', 'ssh', '', 'bogus']);
  const parts: string[] = [];
  if (type !== '' && r.chance(0.9)) parts.push(`type=${type}`);
  const keys = ['target', 'dst', 'source', 'src', 'from', 'id', 'ro', 'rw', 'readonly', 'sharing', 'mode', 'uid', 'gid', 'required', 'env', 'size', 'readwrite'];
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const k = r.pick(keys);
    switch (k) {
      case 'target':
      case 'dst':
        parts.push(`${k}=${r.pick(['/cache', '/mnt', '/', 'rel', '/run/secrets/x', '$FOO', '/m'])}`);
        break;
      case 'source':
      case 'src':
        parts.push(`${k}=${r.pick(['/', '.', 'sub', '/etc', '$FOO'])}`);
        break;
      case 'from':
        parts.push(`from=${r.pick([...STAGES, 'alpine:3.19', 'busybox', '$FOO'])}`);
        break;
      case 'id':
        parts.push(`id=${r.pick(['mysecret', 'cache1', 'x/y', '$FOO', 'ENVSECRET'])}`);
        break;
      case 'sharing':
        parts.push(`sharing=${r.pick(['shared', 'private', 'locked', 'bad'])}`);
        break;
      case 'mode':
        parts.push(`mode=${r.pick(['0700', '755', 'x', '0'])}`);
        break;
      case 'uid':
      case 'gid':
        parts.push(`${k}=${r.pick(['0', '1000', 'abc'])}`);
        break;
      case 'required':
      case 'env':
        parts.push(k === 'env' ? `env=${r.pick(['TOKEN', 'A', ''])}` : `required=${r.pick(['true', 'false', 'maybe'])}`);
        break;
      case 'size':
        parts.push(`size=${r.pick(['10m', '1g', '100', 'x'])}`);
        break;
      default:
        parts.push(r.chance(0.5) ? k : `${k}=${r.pick(['true', 'false'])}`);
    }
  }
  return `--mount=${parts.join(',')}`;
}

function runFlags(r: Rng): string {
  const flags: string[] = [];
  const n = r.int(3);
  for (let i = 0; i < n; i++) {
    switch (r.int(5)) {
      case 0:
      case 1:
        flags.push(mountFlag(r));
        break;
      case 2:
        flags.push(`--network=${r.pick(['none', 'host', 'default', 'bogus', '$FOO'])}`);
        break;
      case 3:
        flags.push(`--security=${r.pick(['sandbox', 'insecure', 'bad'])}`);
        break;
      default:
        flags.push(r.pick(['--unknown=1', '--mount', '--network', '--device=/dev/x']));
    }
  }
  return flags.map((f) => f + ' ').join('');
}

function copyFlags(r: Rng, add: boolean, stages: string[]): string {
  const flags: string[] = [];
  const n = r.int(3);
  for (let i = 0; i < n; i++) {
    switch (r.int(9)) {
      case 0:
        flags.push(`--from=${r.pick([...stages, ...STAGES, '0', '1', 'alpine:3.19', 'busybox', '$FOO', '${V:-base}'])}`);
        break;
      case 1:
        flags.push(`--chown=${r.pick(['1000', '1000:1000', 'app', 'app:app', '$FOO', 'root:0', ''])}`);
        break;
      case 2:
        flags.push(`--chmod=${r.pick(['755', '0644', 'u+x', 'a=r', '999', 'x', '$FOO'])}`);
        break;
      case 3:
        flags.push(r.pick(['--link', '--link=false', '--link=true']));
        break;
      case 4:
        flags.push(r.pick(['--parents', '--parents=true', '--parents=false']));
        break;
      case 5:
        flags.push(`--exclude=${r.pick(['*.md', 'a/**', '$FOO', ''])}`);
        break;
      case 6:
        flags.push(add ? r.pick(['--checksum=sha256:' + 'a'.repeat(64), '--keep-git-dir', '--keep-git-dir=true', '--unpack=false', '--checksum=bad']) : '--checksum=x');
        break;
      case 7:
        flags.push(r.pick(['--unknown', '--from', '--chmod']));
        break;
      default:
        break;
    }
  }
  return flags.map((f) => f + ' ').join('');
}

function sources(r: Rng, add: boolean): string[] {
  const n = 1 + r.int(2);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (add && r.chance(0.35)) out.push(r.pick(['https://example.com/a.tar.gz', 'https://example.com/file.txt', 'git@github.com:moby/buildkit.git', 'https://github.com/moby/buildkit.git#v0.12.0', 'http://example.com/$FOO']));
    else out.push(r.pick(['.', 'src', 'a.txt', '*.go', 'dir/', 'go.mod', '$FOO', 'package*.json', '"quoted"']));
  }
  return out;
}

/** One random instruction line (possibly several lines: heredocs, continuations). */
export function randomInstruction(r: Rng, stages: string[]): string {
  const kw = (k: string): string => (r.chance(0.08) ? k.toLowerCase() : r.chance(0.03) ? k[0] + k.slice(1).toLowerCase() : k);
  switch (r.int(22)) {
    case 0:
    case 1:
    case 2: {
      const cmd = r.pick(COMMANDS);
      if (r.chance(0.2)) return `${kw('RUN')} ${runFlags(r)}${jsonArgs(r, ['sh', '-c', cmd])}`;
      if (r.chance(0.15)) return `${kw('RUN')} ${runFlags(r)}<<${r.pick(['EOF', '"EOF"', '-EOF', 'EOT'])}\n${cmd}\n${r.chance(0.5) ? '\techo tab\n' : ''}${'EOF'}`;
      if (r.chance(0.1)) return `${kw('RUN')} ${runFlags(r)}${cmd} \\\n  && ${r.pick(COMMANDS)}`;
      return `${kw('RUN')} ${runFlags(r)}${cmd}`;
    }
    case 3:
    case 4: {
      const add = r.chance(0.3);
      const dst = r.pick(PATHS);
      if (r.chance(0.1)) return `${kw(add ? 'ADD' : 'COPY')} ${copyFlags(r, add, stages)}<<EOF ${dst}\ncontent ${r.pick(['$FOO', 'x', ''])}\nEOF`;
      const src = sources(r, add);
      if (r.chance(0.15)) return `${kw(add ? 'ADD' : 'COPY')} ${copyFlags(r, add, stages)}${jsonArgs(r, [...src, dst])}`;
      return `${kw(add ? 'ADD' : 'COPY')} ${copyFlags(r, add, stages)}${src.join(' ')} ${dst}`;
    }
    case 5:
    case 6: {
      const v = r.pick(VARS);
      if (r.chance(0.2)) return `${kw('ENV')} ${v} ${r.pick(VALUES)}`;
      if (r.chance(0.2)) return `${kw('ENV')} ${v}=${r.pick(VALUES)} ${r.pick(VARS)}=${r.pick(VALUES)}`;
      return `${kw('ENV')} ${v}=${r.chance(0.3) ? varRef(r) : r.pick(VALUES)}`;
    }
    case 7:
    case 8: {
      const v = r.pick(VARS);
      if (r.chance(0.4)) return `${kw('ARG')} ${v}`;
      if (r.chance(0.1)) return `${kw('ARG')} ${v}=${r.pick(VALUES)} ${r.pick(VARS)}`;
      return `${kw('ARG')} ${v}=${r.chance(0.3) ? varRef(r) : r.pick(VALUES)}`;
    }
    case 9:
      return `${kw('WORKDIR')} ${r.chance(0.3) ? varRef(r) : r.pick(PATHS)}`;
    case 10:
      return `${kw('USER')} ${r.pick(['app', '1000', '1000:1000', 'root', '$FOO', '${V:-nobody}', ''])}`;
    case 11: {
      const k = r.pick(['CMD', 'ENTRYPOINT']);
      if (r.chance(0.5)) return `${kw(k)} ${jsonArgs(r, r.pick([['echo', 'hi'], ['/bin/sh'], [], ['run', '$FOO']]))}`;
      return `${kw(k)} ${r.pick(COMMANDS)}`;
    }
    case 12:
      return `${kw('LABEL')} ${r.pick(['a=b', 'org.x="y z"', 'k=$FOO', 'single value', 'a=1 b=2', '"q"="v"', 'x=${BAR:-d}'])}`;
    case 13:
      return `${kw('EXPOSE')} ${r.pick(['80', '80/tcp', '53/UDP', '8000-8010', '$FOO', 'abc', '80/sctp', '443 80', '0'])}`;
    case 14:
      return `${kw('VOLUME')} ${r.pick(['/data', '["/a", "/b"]', '$FOO', '/x /y', '[]'])}`;
    case 15:
      return `${kw('STOPSIGNAL')} ${r.pick(['SIGTERM', '9', 'SIGKILL', '$FOO', 'bogus'])}`;
    case 16:
      return `${kw('HEALTHCHECK')} ${r.pick(['NONE', 'CMD curl -f http://localhost/', '--interval=5s --timeout=3s CMD ["true"]', '--retries=0 CMD true', '--start-period=1s --start-interval=2s CMD x', '--interval=bad CMD x', 'CMD'])}`;
    case 17:
      return `${kw('SHELL')} ${r.pick(['["/bin/bash", "-c"]', '["sh","-ec"]', '/bin/sh -c', '[]'])}`;
    case 18:
      return `${kw('ONBUILD')} ${r.pick(['RUN echo onbuild', 'COPY . /app', 'ENV X=1', 'ONBUILD RUN x', 'FROM alpine', 'MAINTAINER me', 'COPY --from=build /a /b'])}`;
    case 19:
      return `${kw('MAINTAINER')} ${r.pick(['me', '"Some One <a@b>"'])}`;
    case 20:
      return r.pick(['# a comment', '', '   ', '# check=skip=all', '#escape=`', '\t# indented comment', 'RUN \\', 'BOGUS x']);
    default:
      return `${kw('ENV')} ${r.pick(VARS)}=${varRef(r)}${varRef(r)}`;
  }
}

function fromLine(r: Rng, stages: string[], name: string | undefined): string {
  let base = r.chance(0.25) && stages.length > 0 ? r.pick(stages) : r.pick(IMAGES);
  if (r.chance(0.1)) base = r.pick(['${BASE}', '$BASE', '${BASE:-alpine}', 'alpine:${TAG:-3.19}', '${IMG}']);
  const plat = r.chance(0.15) ? `--platform=${r.pick(PLATFORMS)} ` : '';
  const from = r.chance(0.08) ? 'from' : 'FROM';
  const as = name === undefined ? '' : ` ${r.chance(0.1) ? 'as' : 'AS'} ${name}`;
  return `${from} ${plat}${base}${as}`;
}

/** A small random Dockerfile from the grammar. */
export function randomDockerfile(r: Rng): { text: string; stages: string[] } {
  const lines: string[] = [];
  if (r.chance(0.1)) lines.push(r.pick(['# syntax=docker/dockerfile:1', '# escape=`', '# check=error=true', '# check=skip=JSONArgsRecommended', '# check=experimental=all']));
  if (r.chance(0.3)) lines.push(`ARG ${r.pick(['BASE=alpine:3.19', 'TAG=3.19', 'IMG', 'FOO=1', 'BASE', 'TARGETPLATFORM'])}`);
  const stages: string[] = [];
  const n = 1 + r.int(3);
  for (let s = 0; s < n; s++) {
    const name = r.chance(0.6) ? r.pick(STAGES) : undefined;
    lines.push(fromLine(r, stages, name));
    const m = r.int(7);
    for (let i = 0; i < m; i++) lines.push(randomInstruction(r, stages));
    if (name !== undefined) stages.push(name);
  }
  return { text: lines.join('\n') + '\n', stages };
}

interface CorpusFile {
  name: string;
  text: string;
  args: Omit<FuzzInput, 'name' | 'text'>;
}

/** Options of a corpus file from its `# parity:` or `# lint-args:` line. */
export function parseOptionLine(text: string, prefix: string): Omit<FuzzInput, 'name' | 'text'> {
  const out: Omit<FuzzInput, 'name' | 'text'> = { buildArgs: {}, platforms: [], opts: {} };
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  if (line === undefined) return out;
  const words = line.slice(prefix.length).trim().split(/\s+/);
  for (let i = 0; i + 1 < words.length; i += 2) {
    const [w, v] = [words[i], words[i + 1]];
    const eq = v.indexOf('=');
    if (w === '--build-arg') out.buildArgs[v.slice(0, eq)] = v.slice(eq + 1);
    else if (w === '--platform') out.platforms = v.split(',');
    else if (w === '--target') out.target = v;
    else if (w === '--opt') out.opts[v.slice(0, eq)] = v.slice(eq + 1);
    else if (w === '--dockerignore') out.dockerignore = v;
  }
  return out;
}

let corpusCache: CorpusFile[] | undefined;

/** The corpus files (convert and lint) with the options each is tested with. */
export function corpus(): CorpusFile[] {
  if (corpusCache) return corpusCache;
  const out: CorpusFile[] = [];
  const cdir = join('testdata', 'convert', 'dockerfiles');
  for (const f of readdirSync(cdir).sort()) {
    if (!f.endsWith('.Dockerfile')) continue;
    const text = readFileSync(join(cdir, f), 'utf8');
    out.push({ name: `convert/${f}`, text, args: parseOptionLine(text, '# parity:') });
  }
  const ldir = join('testdata', 'lint');
  for (const f of readdirSync(ldir).sort()) {
    if (!f.endsWith('.Dockerfile')) continue;
    const text = readFileSync(join(ldir, f), 'utf8');
    const args = parseOptionLine(text, '# lint-args:');
    const ignore = join(ldir, f.replace(/\.Dockerfile$/, '.dockerignore'));
    if (existsSync(ignore)) args.dockerignore = ignore;
    out.push({ name: `lint/${f}`, text, args });
  }
  corpusCache = out;
  return out;
}

function stageNames(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^\s*from\s.*\sas\s+(\S+)/i.exec(l);
    if (m) out.push(m[1]);
  }
  return out;
}

const INSTR = /^(\s*)([A-Za-z]+)(\s+)(.*)$/;

/** Applies one random mutation to the lines (in place). */
function mutate(r: Rng, lines: string[]): string {
  const stages = stageNames(lines);
  const i = r.int(Math.max(lines.length, 1));
  const line = lines[i] ?? '';
  switch (r.int(14)) {
    case 0: {
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return 'swap';
    }
    case 1:
      lines.splice(i, 0, line);
      return 'duplicate';
    case 2:
      lines.splice(i, 1);
      return 'delete';
    case 3:
    case 4:
      lines.splice(Math.max(1, i), 0, randomInstruction(r, stages));
      return 'insert';
    case 5: {
      const m = INSTR.exec(line);
      if (!m) return 'noop';
      const k = r.pick([m[2].toLowerCase(), m[2].toUpperCase(), m[2][0].toUpperCase() + m[2].slice(1).toLowerCase()]);
      lines[i] = m[1] + k + m[3] + m[4];
      return 'casing';
    }
    case 6: {
      // A variable reference in place of one word (not the instruction keyword).
      const words = line.split(' ');
      if (words.length < 2) return 'noop';
      const w = 1 + r.int(words.length - 1);
      const eq = words[w].indexOf('=');
      words[w] = r.chance(0.5) && eq >= 0 ? words[w].slice(0, eq + 1) + varRef(r) : r.chance(0.5) ? varRef(r) : words[w] + varRef(r);
      lines[i] = words.join(' ');
      return 'varref';
    }
    case 7:
      lines.splice(Math.max(0, i), 0, `${r.pick(['ARG', 'ENV', 'ARG'])} ${r.pick(VARS)}=${r.chance(0.3) ? varRef(r) : r.pick(VALUES)}`);
      return 'argenv';
    case 8:
      lines[i] = r.pick(['  ', '\t', ' \t ']) + line.replace(/ /g, () => (r.chance(0.2) ? r.pick(['  ', '\t', ' \\\n  ']) : ' ')) + (r.chance(0.3) ? ' ' : '');
      return 'whitespace';
    case 9: {
      // Rename a stage or retarget a --from.
      const to = r.pick([...STAGES, ...stages]);
      lines[i] = line.replace(/(\s[Aa][Ss]\s+)\S+/, `$1${to}`).replace(/--from=\S+/, `--from=${to}`);
      return 'stage';
    }
    case 10: {
      // JSON form <-> shell form.
      const m = /^(\s*)(CMD|ENTRYPOINT|RUN|SHELL|cmd|run)(\s+)(.*)$/.exec(line);
      if (!m) return 'noop';
      const rest = m[4];
      if (rest.startsWith('[')) {
        try {
          const words = JSON.parse(rest) as unknown;
          if (Array.isArray(words)) lines[i] = `${m[1]}${m[2]}${m[3]}${words.join(' ')}`;
        } catch {
          lines[i] = `${m[1]}${m[2]}${m[3]}${rest.slice(1)}`;
        }
      } else lines[i] = `${m[1]}${m[2]}${m[3]}${jsonArgs(r, rest.split(' ').filter((w) => w !== ''))}`;
      return 'form';
    }
    case 11: {
      // Flags on RUN / COPY / ADD / FROM.
      const m = /^(\s*)(RUN|COPY|ADD|FROM|run|copy|add|from)(\s+)(.*)$/.exec(line);
      if (!m) return 'noop';
      const k = m[2].toUpperCase();
      const flag = k === 'RUN' ? runFlags(r) || mountFlag(r) + ' ' : k === 'FROM' ? `--platform=${r.pick(PLATFORMS)} ` : copyFlags(r, k === 'ADD', stages) || '--link ';
      const rest = r.chance(0.5) ? m[4].replace(/^(--\S+\s+)+/, '') : m[4];
      lines[i] = `${m[1]}${m[2]}${m[3]}${flag}${rest}`;
      return 'flags';
    }
    case 12: {
      // Change a flag value.
      const m = /--([a-z-]+)=(\S*)/.exec(line);
      if (!m) return 'noop';
      lines[i] = line.replace(m[0], `--${m[1]}=${r.pick([...VALUES.filter((v) => !v.includes(' ')), varRef(r), m[2].toUpperCase(), ''])}`);
      return 'flagvalue';
    }
    default: {
      // A new stage.
      lines.push(fromLine(r, stages, r.chance(0.5) ? r.pick(STAGES) : undefined));
      const n = r.int(4);
      for (let k = 0; k < n; k++) lines.push(randomInstruction(r, [...stages]));
      return 'stage+';
    }
  }
}

// ---- hostile kinds (issue 11): raw bytes, base-image configs, frontend options ----

/**
 * Byte sequences that are no UTF-8, or odd: lone continuation and start
 * bytes, truncated and overlong sequences, surrogates, NUL, CR, a BOM; and
 * runes where Go and JavaScript part (CONTRIBUTING.md): ſ, U+212A, İ, ß,
 * U+0085, and letters and a digit of Unicode 16, which Go's tables lack;
 * and spaces that Go's unicode.IsSpace and JavaScript's \s may class apart.
 */
const ODD_BYTES = [
  [0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x80], [0x00], [0x0d], [0xef, 0xbb, 0xbf], [0xc3, 0xa9],
  [0xc5, 0xbf], [0xe2, 0x84, 0xaa], [0xc4, 0xb0], [0xc3, 0x9f], [0xc2, 0x85], [0xe1, 0xb2, 0x89], [0xea, 0x9f, 0x8b], [0xf0, 0x90, 0xb5, 0x80],
  // Spaces one side counts and the other may not: NBSP, U+2028, U+3000, U+180E, U+200B, a BOM mid-file.
  [0xc2, 0xa0], [0xe2, 0x80, 0xa8], [0xe3, 0x80, 0x80], [0xe1, 0xa0, 0x8e], [0xe2, 0x80, 0x8b], [0xef, 0xbb, 0xbf],
];

/** A corpus or grammar Dockerfile with odd bytes put in: anywhere, at a line start, inside a keyword, in a stage name. */
function withOddBytes(r: Rng, text: string): { bytes: Buffer; what: string } {
  let b = Buffer.from(text, 'utf8');
  const what: string[] = [];
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    const odd = Buffer.from(r.chance(0.8) ? r.pick(ODD_BYTES) : Array.from({ length: 1 + r.int(4) }, () => r.int(256)));
    const starts = [0];
    for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) starts.push(i + 1);
    let at: number;
    switch (r.int(4)) {
      case 0:
        at = r.int(b.length + 1);
        break;
      case 1:
        at = r.pick(starts);
        break;
      case 2:
        at = Math.min(b.length, r.pick(starts) + 1 + r.int(4));
        break;
      default: {
        const as = b.indexOf(' AS ');
        at = as < 0 ? r.int(b.length + 1) : as + 4 + r.int(3);
      }
    }
    b = Buffer.concat([b.subarray(0, at), odd, b.subarray(at)]);
    what.push(`${odd.toString('hex')}@${at}`);
  }
  return { bytes: b, what: what.join('+') };
}

/** Odd JSON values for a config field of any type. */
const ODD_VALUES = ['null', '""', '"x"', '0', '-1', '1.5', '1e2', '99999999999999999999', 'true', '[]', '[1,2]', '[null]', '["A=b"]', '{}', '{"a":1}', '{"a":"b"}', '"\u00e9\ud800"', '[[[]]]'];

/** Plausible values per config field (some of the wrong type). */
const CONFIG_FIELDS: Record<string, string[]> = {
  Env: ['["PATH=/usr/bin:/bin","FOO=base","EMPTY="]', '["NOEQUALS","=x","A=1","A=2"]', '["PATH=$PATH:/x"]', '[]'],
  Cmd: ['["sh"]', '["echo","hi"]', '[]'],
  Entrypoint: ['["/entry.sh"]', '["sh","-c"]'],
  WorkingDir: ['"/app"', '"rel/dir"', '""', '"/"'],
  User: ['"1000:1000"', '"app"', '""'],
  Shell: ['["/bin/bash","-c"]', '["pwsh"]', '[]'],
  OnBuild: ['["RUN echo onbuild"]', '["ENV A=1","WORKDIR /ob"]', '["COPY . /src"]', '["FROM x"]', '["ONBUILD RUN x"]', '["BOGUS"]', '[""]'],
  Labels: ['{"a":"b","org.opencontainers.image.version":"1"}', '{"":""}'],
  ExposedPorts: ['{"80/tcp":{},"53/udp":{}}', '{"bad":{}}'],
  Volumes: ['{"/data":{}}'],
  StopSignal: ['"SIGTERM"', '"9"'],
  ArgsEscaped: ['true', 'false'],
  Healthcheck: ['{"Test":["CMD","true"],"Interval":30000000000,"Retries":3}', '{"Test":["NONE"]}', '{"Test":[]}'],
};
const TOP_FIELDS: Record<string, string[]> = {
  architecture: ['"amd64"', '"arm64"', '""'],
  os: ['"linux"', '"windows"', '"freebsd"', '""'],
  variant: ['"v8"', '""'],
  'os.version': ['"10.0.17763.1"'],
  created: ['"2024-01-02T03:04:05Z"', '"2024-01-02T03:04:05.123456789+01:00"', '"yesterday"', '"2024-13-01T00:00:00Z"'],
  rootfs: ['{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111"]}', '{"type":"layers","diff_ids":[]}', '{"type":"layers"}'],
  history: ['[{"created_by":"x","empty_layer":true}]', '[{"empty_layer":false}]', '[]'],
};

/** A base-image config: a plausible one with some fields replaced by odd values or written in another case. */
function oddConfig(r: Rng): string {
  const top: [string, string][] = [];
  const cfg: [string, string][] = [];
  for (const [k, vs] of Object.entries(TOP_FIELDS)) if (r.chance(0.6)) top.push([k, r.chance(0.85) ? r.pick(vs) : r.pick(ODD_VALUES)]);
  for (const [k, vs] of Object.entries(CONFIG_FIELDS)) if (r.chance(0.4)) cfg.push([k, r.chance(0.85) ? r.pick(vs) : r.pick(ODD_VALUES)]);
  const key = (k: string): string => JSON.stringify(r.chance(0.05) ? k.toUpperCase() : r.chance(0.05) ? k.toLowerCase() : k);
  // Sometimes a field twice (the last wins in Go).
  if (cfg.length > 0 && r.chance(0.1)) cfg.push([cfg[0][0], r.pick(CONFIG_FIELDS[cfg[0][0]])]);
  const config = r.chance(0.05) ? r.pick(ODD_VALUES) : `{${cfg.map(([k, v]) => `${key(k)}:${v}`).join(',')}}`;
  const body = [...top.map(([k, v]) => `${key(k)}:${v}`), `"config":${config}`];
  return r.chance(0.03) ? r.pick(ODD_VALUES) : `{${body.join(',')}}`;
}

/** Frontend options, plausible and odd. */
const OPTIONS: [string, string[]][] = [
  ['cache-imports', ['null', '[]', '[{"Type":"registry","Attrs":{"ref":"example.com/c"}}]', '[{"Type":5}]', '"x"', 'nul', '[{"Attrs":{"a":1}}]']],
  ['cache-from', ['example.com/cache', 'a,b', '']],
  ['platform', ['linux/amd64', 'linux/arm64,linux/amd64', 'linux/amd64 ', 'windows/amd64', 'bogus', 'linux/arm/v7', 'LINUX/AMD64']],
  ['multi-platform', ['true', 'false', 'maybe']],
  ['no-cache', ['', 'base', 'a,b']],
  ['add-hosts', ['host:1.2.3.4', 'bad', 'a:::1']],
  ['shm-size', ['64m', '1g', 'x', '0']],
  ['ulimit', ['nofile=1024:2048', 'bad', 'nproc=1']],
  ['force-network-mode', ['none', 'host', 'sandbox', 'bad']],
  ['image-resolve-mode', ['default', 'pull', 'local', 'bad']],
  ['hostname', ['myhost', '']],
  ['label:org.example', ['1', '']],
  ['build-arg:BUILDKIT_SANDBOX_HOSTNAME', ['box']],
  ['build-arg:BUILDKIT_CACHE_MOUNT_NS', ['ns1']],
  ['build-arg:BUILDKIT_MULTI_PLATFORM', ['1', 'no']],
  ['build-arg:BUILDKIT_DOCKERFILE_CHECK', ['error=true', 'skip=all', 'bad']],
  ['target', ['base', 'nope', '']],
  // Named contexts and odder values of the options above.
  ['context:base', ['docker-image://alpine:3.19', 'docker-image://busybox', 'target:base', 'local:other', 'https://github.com/a/b.git#main', 'oci-layout://foo@sha256:' + '0'.repeat(64), 'input:x', 'bogus://x', '']],
  ['context:alpine', ['docker-image://busybox', 'docker-image://ALPINE', 'local:context']],
  ['platform', ['linux(+%ff)/amd64', 'windows(10.0.17763)/amd64', 'linux(+a+b)/amd64', 'linux/amd64/v2', 'darwin/arm64']],
  ['build-arg:HTTP_PROXY', ['http://proxy:3128']],
  ['build-arg:https_pro\u017fy', ['http://proxy']],
  ['add-hosts', ['h:::1', 'h=1.2.3.4', 'h:1.2.3.4,g:5.6.7.8', 'h:\u0085']],
  ['no-cache', ['BASE', 'ba\u017fe']],
];

const CONFIG_USES = ['RUN env', 'RUN echo $FOO $PATH', 'WORKDIR sub', 'ENV PATH=$PATH:/extra', 'USER nobody', 'COPY . .', 'ARG FOO', 'CMD ["x"]', 'ENTRYPOINT run', 'HEALTHCHECK CMD true', 'SHELL ["/bin/sh","-c"]', 'LABEL a=$FOO', 'EXPOSE 8080', 'RUN --mount=type=cache,target=/c true'];

/** Pieces of a generated .dockerignore line. */
const IGNORE_PATTERNS = ['*.tmp', '!keep.tmp', 'a/**', '**/b', '[a-z]*', '\\*x', 'dir/', '/abs', '../up', '!', '#comment', '  spaced  ', 'a?c', '[]a]', 'x[', 'foo', 'src/*.go', '**'];

/** A .dockerignore of patterns with odd bytes, BOMs, CRs, U+0085 and blanks around them, sometimes a line of 64 KiB. */
function oddDockerignore(r: Rng): { bytes: Buffer; what: string } {
  const parts: Buffer[] = [];
  const what: string[] = [];
  if (r.chance(0.2)) {
    const boms = 1 + r.int(2);
    parts.push(Buffer.from('\ufeff'.repeat(boms)));
    what.push(`bom${boms}`);
  }
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) {
    let line = Buffer.from(r.pick(IGNORE_PATTERNS));
    if (r.chance(0.3)) {
      const odd = Buffer.from(r.pick(ODD_BYTES));
      const at = r.int(line.length + 1);
      line = Buffer.concat([line.subarray(0, at), odd, line.subarray(at)]);
      what.push(`${odd.toString('hex')}@${i}`);
    }
    if (r.chance(0.1)) line = Buffer.concat([Buffer.from(r.pick([' ', '\t', '\u0085', '\u00a0'])), line, Buffer.from(r.pick([' ', '\t', '\u0085', '']))]);
    parts.push(line, Buffer.from(r.chance(0.2) ? '\r\n' : '\n'));
  }
  if (r.chance(0.05)) {
    const len = r.pick([65535, 65536]);
    parts.push(Buffer.alloc(len, 0x61));
    what.push(`line${len}`);
  }
  return { bytes: Buffer.concat(parts), what: what.join('+') };
}

/** One input of the hostile kinds. */
function hostileInput(r: Rng, index: number, files: CorpusFile[]): FuzzInput {
  const base = (): { name: string; text: string; args: Omit<FuzzInput, 'name' | 'text'> } => {
    if (r.chance(0.4)) return { name: 'grammar', text: randomDockerfile(r).text, args: { buildArgs: {}, platforms: [], opts: {} } };
    const f = r.pick(files);
    return { name: f.name, text: f.text, args: { ...f.args, buildArgs: { ...f.args.buildArgs }, opts: { ...f.args.opts } } };
  };
  switch (r.int(4)) {
    case 3: {
      // A context .dockerignore of odd lines, with COPY steps and sometimes CopyIgnoredFile, which matches them.
      const { bytes, what } = oddDockerignore(r);
      const check = r.chance(0.5) ? '# check=experimental=CopyIgnoredFile\n' : '';
      const text = `${check}FROM busybox\nCOPY . /ctx\nCOPY ${r.pick(['foo', 'keep.tmp', 'x.tmp', 'a/b', 'src/m.go'])} /one\n`;
      return { name: `dockerignore#${index}(${what})`, text, buildArgs: {}, platforms: [], opts: {}, dockerignoreBytes: bytes };
    }
    case 0: {
      const b = base();
      const { bytes, what } = withOddBytes(r, b.text);
      return { name: `bytes:${b.name}#${index}(${what})`, text: bytes.toString('latin1'), bytes, ...b.args };
    }
    case 1: {
      const n = 1 + r.int(2);
      const images: Record<string, string> = {};
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        images[`docker.io/hostile/cfg${i}:latest`] = oddConfig(r);
        lines.push(`FROM hostile/cfg${i}${i === 0 && n > 1 ? ' AS first' : ''}`);
        const k = 1 + r.int(4);
        for (let j = 0; j < k; j++) lines.push(r.pick(CONFIG_USES));
      }
      if (n > 1 && r.chance(0.5)) lines.push('COPY --from=first / /first');
      const platforms = r.chance(0.15) ? [r.pick(['linux/arm64', 'windows/amd64', 'linux/amd64', 'arm', 'Linux/AARCH64', 'windows/arm', 'x86_64'])] : [];
      return { name: `config#${index}`, text: lines.join('\n') + '\n', buildArgs: r.chance(0.3) ? { FOO: r.pick(VALUES) } : {}, platforms, opts: {}, images };
    }
    default: {
      const b = base();
      const opts = { ...b.args.opts };
      const n = 1 + r.int(3);
      const what: string[] = [];
      for (let i = 0; i < n; i++) {
        const [k, vs] = r.pick(OPTIONS);
        opts[k] = r.pick(vs);
        what.push(`${k}=${opts[k]}`);
      }
      // A `platform` option replaces the file's --platform header (both sides would otherwise get both).
      const platforms = 'platform' in opts ? [] : b.args.platforms;
      return { name: `options:${b.name}#${index}(${what.join(' ')})`, text: b.text, ...b.args, platforms, opts };
    }
  }
}

/** The share of inputs of the hostile kinds (chosen by a generator of their own: the other inputs stay as they were). */
const HOSTILE_SHARE = 0.2;

/** The `index`-th input of the run seeded with `seed`. */
export function generate(seed: number, index: number): FuzzInput {
  const files = corpus();
  const h = new Rng(((seed * 2654435761) ^ (index * 40503) ^ 0x5bd1e995) >>> 0);
  if (h.chance(HOSTILE_SHARE)) return hostileInput(h, index, files);
  const r = new Rng((seed * 1000003 + index * 7919) >>> 0);
  if (r.chance(0.3)) {
    const { text } = randomDockerfile(r);
    const platforms = r.chance(0.1) ? [r.pick(['linux/arm64', 'linux/386', 'linux/amd64,linux/arm64'])] : [];
    const buildArgs: Record<string, string> = {};
    if (r.chance(0.3)) buildArgs[r.pick(VARS)] = r.pick(VALUES.filter((v) => !v.includes(' ')));
    return { name: `grammar#${index}`, text, buildArgs, platforms: platforms.flatMap((p) => p.split(',')), opts: {} };
  }
  const f = r.pick(files);
  const lines = f.text.split('\n');
  const n = 1 + r.int(4);
  const what: string[] = [];
  for (let k = 0; k < n; k++) what.push(mutate(r, lines));
  const args = { ...f.args, buildArgs: { ...f.args.buildArgs }, opts: { ...f.args.opts } };
  if (r.chance(0.1)) args.buildArgs[r.pick(VARS)] = r.pick(VALUES.filter((v) => !v.includes(' ')));
  return { name: `${f.name}#${index}(${what.join(',')})`, text: lines.join('\n'), ...args };
}
