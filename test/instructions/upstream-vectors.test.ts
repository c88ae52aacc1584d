// Every vector in testdata/upstream.json: our instructions stage must give
// exactly what upstream's gave (stages, meta ARGs, errors with locations,
// build-check events, and expansion results).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import type { ParseResult } from '../../src/dockerfile/parser/ast.ts';
import { parse } from '../../src/dockerfile/parser/index.ts';
import { expandCommand, expandCommandRaw, parseStages, supportsExpansion, supportsRawExpansion, type Command, type InstructionLintEvent } from '../../src/dockerfile/instructions/index.ts';
import { astOf, comparable, upstreamCases, type UpstreamCase, type UpstreamExpanded } from './upstream-fixture.ts';

// Upstream's linter message formats (linter/ruleset.go), used only to check
// that our lint events carry the values upstream formatted into its messages.
function lintMessage(e: InstructionLintEvent): string {
  switch (e.rule) {
    case 'MaintainerDeprecated':
      return 'Maintainer instruction is deprecated in favor of using label';
    case 'StageNameCasing':
      return `Stage name '${e.stageName}' should be lowercase`;
    case 'FromAsCasing':
      return `'${e.asKeyword}' and '${e.fromKeyword}' keywords' casing do not match`;
    case 'InvalidDefinitionDescription':
      return `Comment for ${e.instruction} should follow the format: \`# ${e.exampleKey} <description>\``;
  }
}

// Upstream lists used flags from a Go map, so their order is arbitrary there.
function sortFlagsUsed(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === 'flagsUsed' && Array.isArray(v) ? [...v].sort() : v)),
  );
}

function expandAll(commands: Command[]): UpstreamExpanded[] {
  return commands.map((cmd) => {
    const calls: string[] = [];
    const expander = (w: string): string => {
      calls.push(w);
      if (w.includes('FAIL')) throw new Error(`expander failed on ${w}`);
      return w.includes('$') ? `<${w}>` : w;
    };
    try {
      let out: Command = cmd;
      if (supportsExpansion(out)) out = expandCommand(out, expander);
      if (supportsRawExpansion(out)) out = expandCommandRaw(out, expander);
      return { calls, command: comparable(out) };
    } catch (err) {
      return { calls, error: (err as Error).message };
    }
  });
}

function check(c: UpstreamCase, ast: ParseResult): void {
  {
    const lint: { rule: string; message: string; location: { start: number; end: number } }[] = [];
    let result;
    try {
      result = parseStages(ast, {
        lint: (e, node) =>
          lint.push({ rule: e.rule, message: lintMessage(e), location: { start: node.startLine, end: node.endLine } }),
      });
    } catch (err) {
      assert.ok(err instanceof DockerfileError, `not a DockerfileError: ${String(err)}`);
      assert.ok(c.error, `unexpected error: ${err.message}`);
      assert.equal(err.message, c.error.message);
      assert.deepEqual(err.ranges, c.error.ranges);
      assert.deepEqual(lint, c.lint);
      return;
    }
    assert.equal(c.error, undefined, `expected error: ${c.error?.message}`);
    assert.deepEqual(sortFlagsUsed(comparable(result.stages)), sortFlagsUsed(c.stages));
    assert.deepEqual(comparable(result.metaArgs), c.metaArgs);
    assert.deepEqual(lint, c.lint);
    if (c.expanded !== undefined) {
      assert.deepEqual(expandAll(result.stages.flatMap((s) => s.commands)), c.expanded);
    }
  }
}

// Upstream's AST as recorded in the vectors, so these do not depend on our parser.
for (const c of upstreamCases) {
  if (c.parserError !== undefined) continue;
  test(`upstream vector: ${c.name}`, () => check(c, astOf(c)));
}

// The same Dockerfiles end to end through our parser.
for (const c of upstreamCases) {
  test(`upstream vector via parser: ${c.name}`, () => {
    if (c.parserError !== undefined) {
      assert.throws(() => parse(c.dockerfile), { message: c.parserError });
      return;
    }
    check(c, parse(c.dockerfile));
  });
}
