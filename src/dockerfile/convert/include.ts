// Labs INCLUDE (docs/labs.md): `INCLUDE <path>` puts the instructions of
// another Dockerfile where it stands, as if written there. The files are
// spliced into the syntax tree before the stages are grouped, each
// instruction keeping the file it came from (InstructionNode.file), so every
// location built from it (errors, build-check findings, LLB source maps)
// names that file and its own lines.

import { DockerfileError, withLocation, type LineRange, type SourceFile } from '../errors.ts';
import { checkInstructions, parseCommand, type ArgCommand } from '../instructions/index.ts';
import { nodeLocation } from '../instructions/request.ts';
import { parse, type InstructionNode, type ParseResult, type ParseWarning } from '../parser/index.ts';
import { buildMetaArgs, defaultArgs } from './args.ts';
import { buildPlatformOpt, type PlatformOpt } from './platform.ts';
import { lexFor } from './util.ts';
import { ShellLex } from '../shell/index.ts';
import { isLabs } from '../channel.ts';
import type { ConvertOptions, IncludeReader } from './types.ts';

export interface IncludeOptions {
  /** Reads the included files; without it INCLUDE is an error. */
  read: IncludeReader | undefined;
  /** The Dockerfile's name as locations show it (an included file's name is its path beside it). */
  filename: string;
  /** The Dockerfile's lexer (its escape character). */
  shlex: ShellLex;
  po: PlatformOpt;
  buildArgs: ReadonlyMap<string, string>;
  target: string;
  /** The build's count of added instructions (ImportScope.added); a fresh one when undefined. */
  added?: { instructions: number };
}

/** Upstream's path.Clean for a relative slash path; '' when it leaves its root ("..", "../x"). */
export function cleanRelative(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return '';
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** A parse error or warning's location, moved into `file`. */
function inFile(r: LineRange, file: SourceFile): LineRange {
  return { start: r.start, end: r.end, file };
}

function relocated(err: unknown, file: SourceFile): unknown {
  if (!(err instanceof DockerfileError)) return err;
  return new DockerfileError(err.message, err.ranges.map((r) => (r.file === undefined ? inFile(r, file) : r)));
}

/**
 * The most instructions included and imported files may add to a build,
 * each file counted every time it is included or imported (an included
 * file's own INCLUDE lines counted). Including the same file twice is
 * allowed, so a chain of files that each include the next twice doubles at
 * each level (2^30 instructions from 30 small files), and a file imported
 * for each of its stages is converted once per stage: past this the
 * conversion stops at the INCLUDE or import being expanded, with an error,
 * instead of running out of time and memory.
 */
export const MAX_ADDED_INSTRUCTIONS = 10_000;

const tooMany = `the included and imported files add more than ${MAX_ADDED_INSTRUCTIONS} instructions to the build`;

/** An included file as read and parsed (once per expansion, however many INCLUDEs name it). */
interface Included {
  file: SourceFile;
  /** Undefined for an empty file. */
  sub: ParseResult | undefined;
}

interface Walk {
  out: InstructionNode[];
  /** How many instructions included and imported files have added to the build so far. */
  added: { instructions: number };
  /** The files read so far, by name. */
  files: Map<string, Included>;
  warnings: ParseWarning[];
  /** The ARGs before the first FROM so far (the global ARGs an include path may use). */
  metaArgs: ArgCommand[];
  /** What an include path is expanded with, made from metaArgs (undefined: not since the last ARG). */
  env: ReturnType<typeof buildMetaArgs>['args'] | undefined;
  sawFrom: boolean;
  /** How many of `out` have been checked as instructions (checkInstructions), and whether a FROM was among them. */
  checked: number;
  checkedFrom: boolean;
}

/** Parses a Dockerfile; a syntax error in an imported one (labs) is located in it. */
export function parseDockerfile(data: Uint8Array, opt: ConvertOptions): ParseResult {
  try {
    return parse(data);
  } catch (err) {
    throw opt.importedAs !== undefined && isLabs(opt.channel) ? relocated(err, opt.importedAs) : err;
  }
}

/** The tree a conversion with `opt` works on: in the labs channel, its includes expanded. */
export async function withIncludes(ast: ParseResult, opt: ConvertOptions): Promise<ParseResult> {
  if (!isLabs(opt.channel)) return ast;
  // An imported Dockerfile (FROM ./other.Dockerfile#stage): every location is in that file.
  if (opt.importedAs !== undefined) {
    // Its instructions are added to the build again for each stage imported from it. The error has no
    // location: the import that brought the file in is named (imports.ts).
    const added = opt.imports?.added;
    if (added !== undefined && (added.instructions += ast.children.length) > MAX_ADDED_INSTRUCTIONS) throw new DockerfileError(tooMany);
    const file: SourceFile = { ...opt.importedAs, escapeToken: ast.escapeToken };
    ast = {
      ...ast,
      children: ast.children.map((n) => ({ ...n, file })),
      warnings: ast.warnings.map((w) => (w.location === undefined ? w : { ...w, location: inFile(w.location, file) })),
    };
  }
  return expandIncludes(ast, {
    read: opt.readInclude,
    filename: opt.filename ?? 'Dockerfile',
    shlex: new ShellLex(ast.escapeToken === '`' ? '`' : '\\'),
    po: buildPlatformOpt(opt.targetPlatform, opt.buildPlatforms),
    buildArgs: new Map(Object.entries(opt.buildArgs ?? {})),
    target: opt.target ?? '',
    added: opt.imports?.added,
  });
}

/**
 * The Dockerfile with every INCLUDE replaced by the instructions of the file
 * it names, recursively. Without INCLUDE the tree is returned as it is.
 */
export async function expandIncludes(ast: ParseResult, opt: IncludeOptions): Promise<ParseResult> {
  if (!ast.children.some((n) => n.keyword === 'include')) return ast;
  const w: Walk = { out: [], added: opt.added ?? { instructions: 0 }, files: new Map(), warnings: [...ast.warnings], metaArgs: [], env: undefined, sawFrom: false, checked: 0, checkedFrom: false };
  const top = opt.filename.includes('/') ? dirOf(opt.filename) : '';
  await splice(ast.children, undefined, '', [opt.filename], w, opt, top);
  return { ...ast, children: w.out, warnings: w.warnings };
}

/** The INCLUDE that added a file: its path as written and its location. */
interface Via {
  word: string;
  loc: LineRange;
}

/**
 * Adds `nodes` (of `file`, undefined for the Dockerfile; `dir` its directory
 * relative to the Dockerfile's) to the walk; `chain` is the files including
 * it, outermost first, for the cycle error; `via` the INCLUDE that added it.
 */
async function splice(
  nodes: readonly InstructionNode[],
  file: SourceFile | undefined,
  dir: string,
  chain: string[],
  w: Walk,
  opt: IncludeOptions,
  top: string,
  via?: Via,
): Promise<void> {
  for (const node0 of nodes) {
    if (via !== undefined && ++w.added.instructions > MAX_ADDED_INSTRUCTIONS) throw new DockerfileError(`INCLUDE ${via.word}: ${tooMany}`, [via.loc]);
    const node = file === undefined ? node0 : { ...node0, file };
    if (node.keyword !== 'include') {
      w.out.push(node);
      if (node.keyword === 'from') w.sawFrom = true;
      else if (node.keyword === 'arg' && !w.sawFrom) {
        checkAdded(w);
        const cmd = parseCommand(node);
        if (cmd.kind === 'arg') {
          w.metaArgs.push(cmd);
          w.env = undefined;
        }
      }
      continue;
    }
    checkAdded(w);
    const loc = nodeLocation(node);
    // The parser keeps no arguments for an instruction it does not know: they are the text after the keyword.
    const text = node.original.slice(node.rawKeyword.length).trim();
    const lex = lexFor(opt.shlex, loc);
    let words: string[];
    try {
      w.env ??= buildMetaArgs(defaultArgs(opt.po, opt.buildArgs, opt.target), w.metaArgs, opt.buildArgs, (v, e, r) =>
        lexFor(opt.shlex, r).processWordWithMatches(v, e),
      ).args;
      words = text === '' ? [] : lex.processWords(text, w.env);
    } catch (err) {
      if (!(err instanceof DockerfileError)) throw new DockerfileError(`INCLUDE ${text}: ${(err as Error).message}`, [loc]);
      // A global ARG's default that fails is located at that ARG; the path's own expansion (`${X:?message}`) at the INCLUDE.
      throw err.ranges.length > 0 ? err : withLocation(err, loc);
    }
    if (isJSONArray(text)) throw new DockerfileError(`INCLUDE takes a path, not a JSON array: ${text}`, [loc]);
    if (words[0]?.startsWith('--')) throw new DockerfileError(`INCLUDE takes no flags, got ${words[0]}`, [loc]);
    const heredoc = words.find((x) => x.startsWith('<<'));
    if (node.heredocs.length > 0 || heredoc !== undefined) throw new DockerfileError(`INCLUDE takes no heredoc, got ${heredoc ?? '<<'}`, [loc]);
    // Empty words are dropped: `INCLUDE $UNSET` has none.
    if (words.length === 0 && text !== '') throw new DockerfileError(`INCLUDE ${text}: the path is empty`, [loc]);
    if (words.length !== 1) throw new DockerfileError('INCLUDE requires exactly one argument: the path of a Dockerfile', [loc]);
    const word = words[0];
    if (word.startsWith('/')) throw new DockerfileError(`INCLUDE ${word}: the path must be relative to the including file`, [loc]);
    const rel = cleanRelative(dir === '' ? word : `${dir}/${word}`);
    if (rel === '') throw new DockerfileError(`INCLUDE ${word}: the path leaves the Dockerfile's directory`, [loc]);
    const name = top === '' ? rel : `${top}/${rel}`;
    if (chain.includes(name)) throw new DockerfileError(`INCLUDE cycle: ${[...chain, name].join(' -> ')}`, [loc]);
    const { file: subFile, sub } = w.files.get(name) ?? (await readIncluded(opt, rel, name, word, loc, w));
    if (sub === undefined) continue;
    for (const warning of sub.warnings) w.warnings.push(warning.location === undefined ? warning : { ...warning, location: inFile(warning.location, subFile) });
    await splice(sub.children, subFile, dirOf(rel), [...chain, name], w, opt, top, { word, loc });
  }
}

/**
 * Checks the instructions added since the last check as the stages will be
 * read (checkInstructions): an error in an instruction before an INCLUDE, or
 * before a global ARG an INCLUDE's path reads, comes first, as it does in the
 * file's order.
 */
function checkAdded(w: Walk): void {
  w.checkedFrom = checkInstructions(w.out.slice(w.checked), 'labs', w.checkedFrom);
  w.checked = w.out.length;
}

/** Whether an INCLUDE's text is a JSON array of strings (the exec form other instructions take), which INCLUDE does not take. */
function isJSONArray(text: string): boolean {
  if (!text.startsWith('[')) return false;
  try {
    const v: unknown = JSON.parse(text);
    // As the exec form of other instructions: an array of strings (`[1]` is a name).
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

/** Reads and parses the file an INCLUDE names (`rel` beside the Dockerfile, shown as `name`), and keeps it for the next INCLUDE of it. */
async function readIncluded(opt: IncludeOptions, rel: string, name: string, word: string, loc: LineRange, w: Walk): Promise<Included> {
  if (opt.read === undefined) throw new DockerfileError(`INCLUDE ${word}: no file can be read here`, [loc]);
  let data: Uint8Array | undefined;
  try {
    data = await opt.read(rel);
  } catch (err) {
    throw new DockerfileError(`INCLUDE ${word}: ${name}: ${(err as Error).message}`, [loc]);
  }
  if (data === undefined) throw new DockerfileError(`INCLUDE ${word}: ${name}: no such file`, [loc]);
  let included: Included = { file: { name, data, escapeToken: '\\' }, sub: undefined };
  if (data.length > 0) {
    let sub: ParseResult;
    try {
      // Comments, directives and blank lines only: nothing to add, as for an empty file.
      sub = parse(data, { allowNoInstructions: true });
    } catch (err) {
      throw relocated(err, included.file);
    }
    included = { file: { name, data, escapeToken: sub.escapeToken }, sub };
  }
  w.files.set(name, included);
  return included;
}
