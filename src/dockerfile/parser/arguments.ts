// Turns one joined instruction line into a node: keyword, flags and the
// arguments in the form upstream's dispatch table gives each instruction.
// Byte strings throughout; errors carry no location (the caller adds it).

import { DockerfileError } from '../errors.ts';
import { fromByteString, goDecode, isSpaceByte, splitAsciiBlanks } from './bytes.ts';
import { parseJsonArray } from './json-array.ts';
import { goQuote } from '../../go/strconv.ts';
import { splitCommand } from './split-command.ts';
import { parseWords } from './words.ts';

/** An instruction as the parser builds it, before decoding to the AST. */
export interface RawNode {
  /** The keyword as written. */
  value: string;
  original: string;
  flags: string[];
  args: string[];
  json: boolean;
  sub: RawNode | null;
}

interface Parsed {
  args: string[];
  json: boolean;
  sub?: RawNode;
}

type ArgParser = (rest: string, escapeToken: number) => Parsed;

const NONE: Parsed = { args: [], json: false };

const NOT_STRINGS = 'when using JSON array syntax, arrays must be comprised of strings only';

/** Instructions whose arguments are a JSON array or else one string. */
const maybeJson: ArgParser = (rest) => {
  if (rest === '') return NONE;
  const j = parseJsonArray(rest);
  if (j.kind === 'strings') return { args: j.values, json: true };
  if (j.kind === 'not-strings') throw new DockerfileError(NOT_STRINGS);
  return { args: [rest], json: false };
};

const whitespaceList: ArgParser = (rest) => (rest === '' ? NONE : { args: splitAsciiBlanks(rest), json: false });

/** Instructions whose arguments are a JSON array or else a whitespace list. */
const maybeJsonList: ArgParser = (rest, esc) => {
  const j = parseJsonArray(rest);
  if (j.kind === 'strings') return { args: j.values, json: true };
  if (j.kind === 'not-strings') throw new DockerfileError(NOT_STRINGS);
  return whitespaceList(rest, esc);
};

const single: ArgParser = (rest) => (rest === '' ? NONE : { args: [rest], json: false });

/** `name=value …`, or the legacy `name value` when the first word has no `=`. */
function nameValue(keyword: string): ArgParser {
  return (rest, esc) => {
    const words = parseWords(rest, esc);
    if (words.length === 0) return NONE;
    if (!words[0].includes('=')) {
      const m = /[\t\v\f\r ]+/.exec(rest);
      if (m === null) throw new DockerfileError(`${keyword} must have two arguments`);
      return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
    }
    const args: string[] = [];
    for (const w of words) {
      const eq = w.indexOf('=');
      if (eq < 0) {
        throw new DockerfileError(
          `Syntax error - can't find = in ${goQuote(fromByteString(w))}. Must be of the form: name=value`,
        );
      }
      args.push(w.slice(0, eq), w.slice(eq + 1), '=');
    }
    return { args, json: false };
  };
}

/** ARG: words, each `name` or `name=value`, kept as written. */
const nameOrNameValue: ArgParser = (rest, esc) => ({ args: parseWords(rest, esc), json: false });

/** HEALTHCHECK: a type word, then a JSON array or one string. */
const healthConfig: ArgParser = (rest, esc) => {
  // Byte-wise like upstream, so 0x85 and 0xA0 bytes count as blanks.
  let sep = 0;
  while (sep < rest.length && !isSpaceByte(rest.charCodeAt(sep))) sep++;
  if (sep === 0) return NONE;
  let next = sep;
  while (next < rest.length && isSpaceByte(rest.charCodeAt(next))) next++;
  const cmd = maybeJson(rest.slice(next), esc);
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
};

/** ONBUILD without a trigger; the rest of a line with one is an instruction of its own, parsed by nodeFromLine's loop. */
const subCommand: ArgParser = () => NONE;

/** Unknown keywords parse (and fail later); upstream gives them one empty argument. */
const ignore: ArgParser = () => ({ args: [''], json: false });

const DISPATCH: ReadonlyMap<string, ArgParser> = new Map([
  ['add', maybeJsonList],
  ['arg', nameOrNameValue],
  ['cmd', maybeJson],
  ['copy', maybeJsonList],
  ['entrypoint', maybeJson],
  ['env', nameValue('ENV')],
  ['expose', whitespaceList],
  ['from', whitespaceList],
  ['healthcheck', healthConfig],
  ['label', nameValue('LABEL')],
  ['maintainer', single],
  ['onbuild', subCommand],
  ['run', maybeJson],
  ['shell', maybeJson],
  ['stopsignal', single],
  ['user', single],
  ['volume', maybeJsonList],
  ['workdir', single],
]);

/**
 * Go's strings.ToLower for a keyword in byte-string form: rune by rune (so
 * no context rules like Greek final sigma), each undecodable byte becoming
 * U+FFFD. Only İ lower-cases differently in JS (to two characters).
 */
export function keywordKey(value: string): string {
  if (!/[\x80-\xff]/.test(value)) return value.toLowerCase();
  let out = '';
  for (const ch of goDecode(value)) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  return out;
}

export function nodeFromLine(line: string, escapeToken: number): RawNode {
  // ONBUILD's trigger is a node of its own (sub), parsed from the rest of the
  // line; a loop, as a chain of ONBUILDs (refused later) nests as deep as the
  // line is long.
  let top: RawNode | null = null;
  let parent: RawNode | null = null;
  for (let text = line; ; ) {
    const { keyword, flags, rest } = splitCommand(text, escapeToken);
    const key = keywordKey(keyword);
    const trigger = key === 'onbuild' && rest !== '';
    const { args, json } = trigger ? NONE : (DISPATCH.get(key) ?? ignore)(rest, escapeToken);
    const node: RawNode = { value: keyword, original: text, flags, args, json, sub: null };
    if (parent === null) top = node;
    else parent.sub = node;
    if (!trigger) return top!;
    parent = node;
    text = rest;
  }
}

const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(['add', 'copy', 'run']);

/** RUN, COPY and ADD in shell form, also inside ONBUILD, may have heredocs. */
export function canContainHeredoc(node: RawNode): boolean {
  let n = node;
  if (keywordKey(n.value) === 'onbuild' && n.sub !== null) n = n.sub;
  return HEREDOC_KEYWORDS.has(keywordKey(n.value)) && !n.json;
}
