// Seeded fuzzing: whatever the word, the expander returns or throws a
// DockerfileError, never anything else, and never slowly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { envsFromSlice, ShellLex } from '../../src/dockerfile/shell/index.ts';
import { FUZZ_ENV, prng, randomMode, randomPatternCase, randomWord } from './random-words.ts';

const INPUTS = 25_000;

test(`fuzz: ${INPUTS} random words either expand or fail with a DockerfileError`, () => {
  const rand = prng(20_260_101);
  const fuzzEnv = envsFromSlice(FUZZ_ENV);
  let expanded = 0;
  let rejected = 0;
  let slowest = 0;
  for (let i = 0; i < INPUTS; i++) {
    const mode = randomMode(rand);
    const lex = new ShellLex(mode.escape, mode);
    let word: string;
    let env = fuzzEnv;
    if (i % 5 === 4) {
      const c = randomPatternCase(rand);
      word = c.word;
      env = envsFromSlice(c.env);
    } else {
      word = randomWord(rand, i % 10 === 0 ? 40 : 8);
    }
    const split = (i & 1) === 1;
    const start = performance.now();
    try {
      if (split) lex.processWords(word, env);
      else lex.processWordWithMatches(word, env);
      expanded++;
    } catch (err) {
      if (!(err instanceof DockerfileError)) {
        assert.fail(`input ${i} ${JSON.stringify(word)} threw ${String(err)}`);
      }
      assert.match(err.message, /^failed to process "/);
      rejected++;
    }
    const ms = performance.now() - start;
    slowest = Math.max(slowest, ms);
    // Generous (a busy machine): exponential expansion takes seconds or more here.
    assert.ok(ms < 1_000, `input ${i} ${JSON.stringify(word)} took ${ms.toFixed(1)} ms`);
  }
  assert.equal(expanded + rejected, INPUTS);
  // Both outcomes must be well represented, or the generator has drifted.
  assert.ok(expanded > INPUTS / 4, `only ${expanded} expanded`);
  assert.ok(rejected > INPUTS / 10, `only ${rejected} rejected`);
});

test('deep nesting expands: the lexer keeps its own stack, not the JavaScript one (as Go’s stacks grow, upstream’s)', () => {
  const lex = new ShellLex('\\');
  const env = envsFromSlice([]);
  for (const depth of [1000, 50_000]) assert.equal(lex.processWord('${X:-'.repeat(depth) + 'v' + '}'.repeat(depth), env), 'v');
  // Unclosed, it fails as a DockerfileError.
  assert.throws(() => lex.processWord('${X:-'.repeat(50_000) + 'v', env), DockerfileError);
});
