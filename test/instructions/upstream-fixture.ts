// Loads testdata/upstream.json: Dockerfiles with the AST and the results that
// upstream BuildKit v0.32.2 produced for them (see oracle/main.go).

import { readFileSync } from 'node:fs';
import type { LineRange } from '../../src/dockerfile/errors.ts';
import type { InstructionNode, ParseResult } from '../../src/dockerfile/parser/ast.ts';

export interface UpstreamLint {
  rule: string;
  message: string;
  location: LineRange;
}

export interface UpstreamExpanded {
  calls: string[];
  error?: string;
  command?: unknown;
}

export interface UpstreamCase {
  name: string;
  dockerfile: string;
  parserError?: string;
  escapeToken?: string;
  nodes?: InstructionNode[];
  lint?: UpstreamLint[];
  error?: { message: string; ranges?: LineRange[] };
  stages?: unknown[];
  metaArgs?: unknown[];
  expanded?: UpstreamExpanded[];
}

export const upstreamCases: UpstreamCase[] = JSON.parse(
  readFileSync(new URL('./testdata/upstream.json', import.meta.url), 'utf8'),
) as UpstreamCase[];

export function findCase(name: string): UpstreamCase {
  const c = upstreamCases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no upstream case named ${name}`);
  return c;
}

/** The case's AST as a ParseResult (fields the instructions stage does not read are left empty). */
export function astOf(c: UpstreamCase): ParseResult {
  const children = c.nodes ?? [];
  return {
    children,
    escapeToken: c.escapeToken ?? '\\',
    warnings: [],
    directives: [],
    startLine: children[0]?.startLine ?? 0,
    endLine: children[children.length - 1]?.endLine ?? 0,
  };
}

/**
 * Plain JSON of a command or stage without the fields upstream has no
 * counterpart for. A bigint (a duration beyond 2^53) becomes the number
 * JSON.parse reads from the fixture's digits.
 */
export function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === 'node' || key === 'mountSpecs' ? undefined : typeof v === 'bigint' ? Number(v) : v)),
  );
}
