// One canonical, comparable description of what parsing an input gave, built
// either from this parser's result or from upstream's (as printed by the
// oracle program in test/parser/oracle), so the two can be compared by hash.

import { createHash } from 'node:crypto';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { dump, parse, type InstructionNode } from '../../src/dockerfile/parser/index.ts';

export interface OracleNode {
  value: string;
  original: string;
  flags: string[];
  args: string[];
  json: boolean;
  heredocs: { name: string; content: string; expand: boolean; chomp: boolean; fd: number }[];
  sub?: OracleNode;
  start: number;
  end: number;
  prev: string[];
}

export interface OracleOutcome {
  ok: boolean;
  dump?: string;
  escape?: string;
  start: number;
  end: number;
  children?: OracleNode[];
  warnings?: { short: string; detail: string; url: string; line: number }[];
  error?: string;
  locs?: number[][];
}

function nodeFromOurs(n: InstructionNode, top: boolean): OracleNode {
  return {
    value: n.rawKeyword,
    original: n.original,
    flags: n.flags,
    args: n.args,
    json: n.json,
    heredocs: n.heredocs.map((h) => ({
      name: h.name,
      content: h.content,
      expand: h.expand,
      chomp: h.chomp,
      fd: h.fileDescriptor,
    })),
    ...(n.sub ? { sub: nodeFromOurs(n.sub, false) } : {}),
    // Upstream leaves the lines of ONBUILD's inner node at 0.
    start: top ? n.startLine : 0,
    end: top ? n.endLine : 0,
    prev: n.prevComment,
  };
}

/** Parses `input` with this parser and describes the outcome. */
export function ourOutcome(input: string | Buffer): OracleOutcome {
  try {
    const r = parse(input);
    return {
      ok: true,
      dump: dump(r),
      escape: r.escapeToken,
      start: r.startLine,
      end: r.endLine,
      children: r.children.map((c) => nodeFromOurs(c, true)),
      warnings: r.warnings.map((w) => ({
        short: w.short,
        detail: w.detail[0],
        url: w.url,
        line: w.location?.start ?? 0,
      })),
    };
  } catch (err) {
    if (!(err instanceof DockerfileError)) throw err;
    return { ok: false, start: 0, end: 0, error: err.message, locs: err.ranges.map((r) => [r.start, r.end]) };
  }
}

function canonicalNode(n: OracleNode): unknown {
  return [n.value, n.original, n.flags, n.args, n.json, n.heredocs.map((h) => [h.name, h.content, h.expand, h.chomp, h.fd]), n.sub ? canonicalNode(n.sub) : null, n.start, n.end, n.prev];
}

/**
 * Upstream's strings may hold bytes that are not UTF-8 (its byte-wise flag and
 * HEALTHCHECK splitting can cut a character); Go's JSON shows each such byte
 * as U+FFFD. Ours keeps each as a lone surrogate (src/go/kept-bytes.ts), which
 * JSON.stringify writes as \udXXX: written U+FFFD here, as Go's JSON does.
 * Runs of U+FFFD are folded so only that representation detail is ignored;
 * the dump, which keeps the bytes (\xNN), is compared unfolded.
 */
function fold(json: string): string {
  return json.replace(/(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g, '$1\ufffd').replace(/\ufffd+/g, '\ufffd');
}

/** A stable string for an outcome (oracle JSON and ours normalise alike). */
export function canonical(o: OracleOutcome): string {
  if (!o.ok) return JSON.stringify(['error', o.error, o.locs ?? []]);
  return JSON.stringify([
    'ok',
    o.dump,
    o.escape,
    o.start,
    o.end,
    fold(JSON.stringify((o.children ?? []).map(canonicalNode))),
    fold(JSON.stringify((o.warnings ?? []).map((w) => [w.short, w.detail, w.url, w.line]))),
  ]);
}

export function outcomeHash(o: OracleOutcome): string {
  return createHash('sha256').update(canonical(o)).digest('hex').slice(0, 10);
}
