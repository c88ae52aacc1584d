// Where the text a rule looks at is in the Dockerfile: the script of a
// shell-form RUN/CMD/ENTRYPOINT (the instruction's lines joined, as the
// parser joins them) or a heredoc body, mapped back to physical lines and
// columns, so findings get exact line ranges and fixes exact edits.

import type { LineRange } from '../dockerfile/errors.ts';
import { fromByteString } from '../dockerfile/parser/bytes.ts';
import type { InstructionNode } from '../dockerfile/parser/index.ts';
import { physicalLines, readHeader, type HeaderLine, type PhysicalLine } from '../format/lines.ts';

/** A 1-based line and a 1-based column counted in UTF-16 code units (SARIF's default). */
export interface Position {
  line: number;
  column: number;
}

/** A script and where each of its characters is in the file. */
export interface ScriptSource {
  text: string;
  /** Position of the character at `offset` (an offset at the end maps after the last character). */
  at(offset: number): Position;
}

/** The lines of one Dockerfile, decoded, with the escape token. */
export class DockerfileSource {
  readonly decoded: string[];
  constructor(
    readonly lines: readonly PhysicalLine[],
    readonly escapeToken: string,
  ) {
    this.decoded = lines.map((l) => fromByteString(l.text));
  }

  /** The lines of a file as bytes (a byte string), a leading UTF-8 BOM left out as the parser leaves it out. */
  static of(src: string, escapeToken: string): DockerfileSource {
    return new DockerfileSource(physicalLines(src.startsWith('\xef\xbb\xbf') ? src.slice(3) : src), escapeToken);
  }

  header(node: InstructionNode): HeaderLine[] {
    return readHeader(this.lines, node.startLine - 1, node.endLine - 1, this.escapeToken.charCodeAt(0));
  }

  /**
   * The arguments of a one-argument shell-form instruction (`RUN cmd`, `CMD
   * cmd`) as a script with positions; undefined when they cannot be located.
   */
  shellForm(node: InstructionNode, text: string): ScriptSource | undefined {
    const segments: { start: number; line: number; column: number }[] = [];
    let joined = '';
    for (const h of this.header(node)) {
      if (h.kind !== 'first' && h.kind !== 'continuation') continue;
      const part = fromByteString(h.stripped ?? h.text);
      segments.push({ start: joined.length, line: h.index + 1, column: fromByteString(this.lines[h.index].text.slice(0, h.column)).length + 1 });
      joined += part;
    }
    const end = joined.trimEnd().length;
    const start = end - text.length;
    if (start < 0 || joined.slice(start, end) !== text) return undefined;
    return {
      text,
      at(offset) {
        const j = start + offset;
        let k = segments.length - 1;
        while (k > 0 && segments[k].start > j) k--;
        // An offset on a boundary belongs to the next line's first character.
        return { line: segments[k].line, column: segments[k].column + j - segments[k].start };
      },
    };
  }

  /** The body of the instruction's heredoc number `index` as a script with positions. */
  heredoc(node: InstructionNode, index: number): ScriptSource {
    const header = this.header(node);
    let line = header[header.length - 1].index + 2;
    for (let k = 0; k < index; k++) line += countLines(node.heredocs[k].content) + 1;
    const text = node.heredocs[index].content;
    return {
      text,
      at(offset) {
        const before = text.slice(0, offset);
        const nl = before.lastIndexOf('\n');
        return { line: line + countLines(before), column: offset - nl };
      },
    };
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** One range per line from `from` to `to` (upstream's ranges are per line). */
export function lineRanges(from: number, to: number): LineRange[] {
  const out: LineRange[] = [];
  for (let l = from; l <= Math.max(from, to); l++) out.push({ start: l, end: l });
  return out;
}

/** The lines a node of a script spans. */
export function spanRanges(src: ScriptSource, startIndex: number, endIndex: number): LineRange[] {
  return lineRanges(src.at(startIndex).line, src.at(Math.max(startIndex, endIndex - 1)).line);
}
