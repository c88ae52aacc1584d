// Prints the oracle's input cases as JSON lines. Regenerate the vectors with
//   node --import ./test/register.mjs test/shell/oracle/gen-cases.ts \
//     | (cd test/shell/oracle && go run .) > test/shell/testdata/oracle-cases.jsonl
import { FUZZ_ENV, prng, randomMode, randomPatternCase, randomWord } from '../random-words.ts';

const rand = prng(0x5eed);
const lines: string[] = [];
for (let i = 0; i < 5000; i++) {
  const mode = randomMode(rand);
  const plain = i % 3 === 0;
  lines.push(
    JSON.stringify({
      word: randomWord(rand),
      env: FUZZ_ENV,
      escape: mode.escape,
      split: i % 2 === 1,
      rawQuotes: plain ? false : mode.rawQuotes,
      rawEscapes: plain ? false : mode.rawEscapes,
      skipUnsetEnv: plain ? false : mode.skipUnsetEnv,
      skipProcessQuotes: plain ? false : mode.skipProcessQuotes,
    }),
  );
}
// Pattern substitutions (#, ##, %, %%, /, //) against varied values.
for (let i = 0; i < 3000; i++) {
  const { word, env } = randomPatternCase(rand);
  lines.push(JSON.stringify({ word, env, echoEnv: true, escape: '\\', split: false }));
}
process.stdout.write(lines.join('\n') + '\n');
