// Deterministic Dockerfile inputs for the parser fuzz test: random files built
// from snippets, and mutations of upstream's conformance Dockerfiles. The
// same seed always gives the same inputs, so upstream's outcomes for them can
// be recorded once (test/parser/oracle) and compared on every run.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONFORMANCE = resolve('..', 'shared', 'conformance', 'buildkit-v0.32.2', 'parser');

/** Every Dockerfile of upstream's parser vectors with its case name, in a stable order. */
export function conformanceCases(): { name: string; text: string }[] {
  if (!existsSync(CONFORMANCE)) throw new Error(`conformance vectors missing: ${CONFORMANCE}`);
  const out: { name: string; text: string }[] = [];
  for (const dir of ['testfiles', 'testfiles-negative']) {
    for (const name of readdirSync(join(CONFORMANCE, dir)).sort()) {
      out.push({ name: `${dir}/${name}`, text: readFileSync(join(CONFORMANCE, dir, name, 'Dockerfile'), 'utf8') });
    }
  }
  out.push({ name: 'testfile-line', text: readFileSync(join(CONFORMANCE, 'testfile-line', 'Dockerfile'), 'utf8') });
  return out;
}

/** The texts of `conformanceCases()`. */
export function conformanceCorpus(): string[] {
  return conformanceCases().map((c) => c.text);
}

/** Lines and fragments that exercise the parser's corners. */
export const SNIPPETS: readonly string[] = [
  '# syntax=docker/dockerfile:1',
  '# escape=`',
  '# escape=\\',
  '#escape = x',
  '# check=skip=all',
  '# CHECK = error=true',
  '# syntax = a b c',
  '#!/usr/bin/env buildctl',
  '\ufeff# escape=`',
  '#',
  '# a comment',
  '   # indented comment',
  '',
  '   ',
  '\t',
  'FROM alpine AS build',
  'FROM --platform=$BUILDPLATFORM golang:1.22 as b',
  'from scratch',
  'RUN echo hello \\',
  '    world',
  'RUN ["echo", "a b"]',
  'RUN [ "sh", 1 ]',
  'RUN ["a", {"b": 1e999}]',
  'RUN ["\\ud83d\\ude00", "\\ud800"]',
  'RUN --mount=type=cache,target=/x --network=none make',
  'RUN --mount="type=secret,id=a b" -- --x',
  'RUN <<EOF',
  'RUN <<-EOT bash',
  'RUN <<"EOF" <<\'END\' cat',
  'RUN 3<<FD cat',
  'RUN cat <<EOF1 && cat <<EOF2',
  'COPY <<EOF /dest',
  'COPY --chmod=755 <<-"X" <<Y /app/',
  'ADD <<a${b:-c} /x',
  'ONBUILD RUN <<EOF',
  'ONBUILD COPY --from=x a b',
  'ONBUILD',
  'onbuild onbuild run x',
  'EOF',
  '\tEOT',
  'END',
  'FD',
  'hello',
  '\techo tabbed',
  'ENV a=b c="d e" f=g\\ h',
  'ENV legacy value with spaces',
  'ENV onlyname',
  'ENV a=b c',
  'LABEL "k"="v" k2=\'v 2\'',
  'LABEL key value',
  'ARG A B=c "D"=e',
  'ARG',
  'EXPOSE 80 443/tcp 8080',
  'EXPOSE 9 10 1',
  'VOLUME ["/a", "/b"]',
  'VOLUME /a /b',
  'HEALTHCHECK --interval=5s CMD ["curl", "x"]',
  'HEALTHCHECK NONE',
  'HEALTHCHECK CMD curl -f http://x',
  'SHELL ["/bin/sh", "-c"]',
  'CMD ["a", "b"]',
  'CMD [',
  'ENTRYPOINT []',
  'WORKDIR /app',
  'USER me:group',
  'STOPSIGNAL SIGTERM',
  'MAINTAINER someone <a@b.c>',
  'UNKNOWN instruction here',
  'COPY --from=build /a /b',
  'COPY --chown="a b" x y',
  'COPY -- --weird /x',
  'COPY --from=\u00e0 a b',
  'RUN echo \u00e9\u00a0\u3000x',
  'RUN a \\\\',
  'RUN a \\\\\\',
  'RUN `',
  '\\',
  '  \\  ',
  'RUN x \\ ',
  'RUN x \\\t',
  'RUN "unterminated',
  "RUN 'single",
  'RUN ${',
  'RUN <<${x:-y}',
  'RUN << EOF',
  'RUN <<-\tEOF',
  'RUN <<',
  'RUN <<E"O"F',
  'RUN <<\\EOF',
];

/** Whole heredoc instructions with their bodies (the snippets above rarely terminate). */
export const HEREDOC_BLOCKS: readonly string[] = [
  'RUN <<EOF\necho hi\nEOF',
  'RUN <<-EOT bash\n\techo tabbed\n\tEOT',
  'RUN <<"EOF" <<\'END\' cat\n$x\nEOF\n${y}\nEND',
  'RUN cat <<EOF1 && cat <<EOF2\na\nEOF1\nb\nEOF2',
  'COPY <<EOF /dest\ncontent\r\nEOF',
  'COPY --chmod=755 <<-"X" <<Y /app/\n\tx\n\t\tX\nX\ny\nY',
  'ADD <<a${b:-c} /x\nbody\na${b:-c}',
  'ONBUILD RUN <<EOF\nonbuild body\nEOF',
  'ONBUILD COPY <<E /e\ne\nE',
  'RUN 3<<FD cat\nfd\nFD',
  'RUN << EOF\nspaced\nEOF',
  'RUN <<E"O"F\n$quoted\nEOF',
  'RUN <<\\EOF\nescaped\nEOF',
  'RUN echo <<EOF \\\n  && more\nbody\nEOF',
  'RUN ["cat", "<<EOF"]\nEOF',
  'COPY ["<<EOF", "/x"]\nEOF',
  'RUN <<EOF\n# not a comment\n\\\nEOF',
  'ENV a <<EOF\nEOF',
  'RUN <<EOF\n\nEOF\n',
];

const ALPHABET: readonly string[] = [
  ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '\\', '\\', '`', '"', "'", '#', '=', '-', '--', '<', '<<', '<<-',
  '[', ']', ',', '{', '}', '$', '${', ':', 'a', 'b', 'E', 'O', 'F', 'EOF', '0', '1', 'RUN ', 'COPY ', 'ENV ',
  'ONBUILD ', 'HEALTHCHECK ', 'FROM ', '\u00e9', '\u00a0', '\u0085', '\u3000', '\u2028', '\ufeff', '\u00e0',
  '\u0130', '\u212a', '\x00', '\x7f', '\u{1f600}',
];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

function randomFile(rnd: () => number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(rnd() * 14);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.2) {
      lines.push(pick(rnd, HEREDOC_BLOCKS));
    } else if (r < 0.75) {
      lines.push(pick(rnd, SNIPPETS));
    } else {
      let s = '';
      const k = 1 + Math.floor(rnd() * 8);
      for (let j = 0; j < k; j++) s += pick(rnd, ALPHABET);
      lines.push(s);
    }
  }
  const eol = rnd() < 0.1 ? '\r\n' : '\n';
  let text = lines.join(eol);
  if (rnd() < 0.7) text += eol;
  return text;
}

function mutate(rnd: () => number, src: string): string {
  let s = src;
  const k = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < k; i++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const op = rnd();
    if (op < 0.4) {
      s = s.slice(0, at) + pick(rnd, ALPHABET) + s.slice(at);
    } else if (op < 0.6) {
      s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 8));
    } else if (op < 0.7) {
      s = s.slice(0, at) + '\n' + pick(rnd, SNIPPETS) + '\n' + s.slice(at);
    } else if (op < 0.8) {
      s = s.slice(0, at) + '\n' + pick(rnd, HEREDOC_BLOCKS) + '\n' + s.slice(at);
    } else if (op < 0.9) {
      const lines = s.split('\n');
      const a = Math.floor(rnd() * lines.length);
      lines.splice(a, 0, lines[Math.floor(rnd() * lines.length)]);
      s = lines.join('\n');
    } else {
      s = s.slice(0, at);
    }
  }
  return s;
}

const SOUP_STARTS: readonly string[] = [
  'RUN ', 'COPY ', 'ADD ', 'ONBUILD RUN ', 'ONBUILD ', 'ENV ', 'LABEL ', 'ARG ', 'HEALTHCHECK ', 'CMD ', 'EXPOSE ',
  'VOLUME ', 'FROM ', 'X ', '', '# escape=`\n', '# syntax=x\n',
];
const SOUP_TOKENS: readonly string[] = [
  '<<', '<<-', 'EOF', '"', "'", '\\', '`', '$', '${', '}', ':', '-', '+', '/', '#', '%', '?', ' ', '\t', '=', '--', '[',
  ']', ',', '"a"', '1e999', 'a', '\n', 'EOF\n', '\u00a0', '\u00e0', '\u2811', '\u0085', '\r', '0', '2<<', '\ufeff',
  '\u0130', '\u212a', '{', 'null', '\\u0041',
];

/** Short lines of dense special characters: quoting, escapes, heredoc words, byte quirks. */
function soupFile(rnd: () => number): string {
  let s = '';
  const lines = 1 + Math.floor(rnd() * 5);
  for (let l = 0; l < lines; l++) {
    s += pick(rnd, SOUP_STARTS);
    const k = Math.floor(rnd() * 12);
    for (let j = 0; j < k; j++) s += pick(rnd, SOUP_TOKENS);
    s += '\n';
  }
  return s;
}

/** A line just around bufio.Scanner's limit (65535 bytes without the \n). */
function longLineFile(rnd: () => number): string {
  const len = 65530 + Math.floor(rnd() * 10);
  const head = rnd() < 0.5 ? 'FROM a\n' : '';
  return head + 'LABEL x=' + 'a'.repeat(len - 8) + (rnd() < 0.5 ? '\n' : '') + (rnd() < 0.5 ? 'RUN b\n' : '');
}

/** `count` inputs for `seed`, always the same ones. */
export function* fuzzInputs(seed: number, count: number): Generator<string> {
  const rnd = prng(seed);
  const corpus = conformanceCorpus();
  for (let i = 0; i < count; i++) {
    const r = rnd();
    if (i % 997 === 0) yield longLineFile(rnd);
    else if (r < 0.4) yield randomFile(rnd);
    else if (r < 0.6) yield soupFile(rnd);
    else yield mutate(rnd, pick(rnd, corpus));
  }
}

/** The fuzz test's fixed seed and size; the recorded upstream outcomes match them. */
export const FUZZ_SEED = 0x5eed2026;
export const FUZZ_COUNT = 20000;
