// Generated Dockerfiles whose graphs are deeper than the JavaScript stack:
// Go's stacks grow, so upstream converts them, and a recursive walk of ours
// overflowed ("Maximum call stack size exceeded"). Written to a temporary
// directory for the `deep graph convert parity` corpus of parity.test.ts and
// outlined by test/subrequests/parity.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../tmp.ts';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The files, by name. */
export const DEEP_GRAPHS: Record<string, () => string> = {
  // One COPY of 20,000 sources: a FileOp of 20,000 chained copy actions (bound and marshaled).
  'copy-20000-sources': () => `FROM alpine:3.19\nCOPY ${'a '.repeat(20_000)}/d/\n`,
  // 10,000 stages, each copying from the one before (the reachable stages, the cycle check).
  'copy-from-chain-10000': () =>
    ['FROM alpine:3.19 AS s0', 'RUN true', ...range(9_999).flatMap((i) => [`FROM alpine:3.19 AS s${i + 1}`, `COPY --from=s${i} /a /a${i + 1}`])].join('\n') + '\n',
  // The same chain closed into a cycle: the error names every command on the path.
  'copy-from-cycle-6000': () =>
    ['FROM alpine:3.19 AS s0', 'COPY --from=s5999 /a /b', ...range(5_999).flatMap((i) => [`FROM alpine:3.19 AS s${i + 1}`, `COPY --from=s${i} /a /a${i + 1}`])].join('\n') + '\n',
  // 2,000 stages each FROM the one before, each adding an ENV (the history and Env of every stage).
  'from-chain-env-2000': () => ['FROM alpine:3.19 AS s0', ...range(1_999).flatMap((i) => [`FROM s${i} AS s${i + 1}`, `ENV V${i + 1}=${i + 1}`])].join('\n') + '\n',
  // A ladder of stages, each copying from both stages of the level before, with args, secrets and SSH mounts:
  // upstream's outline walks every path (2^12 here); ours walks each stage once, and must find the same.
  'ladder-12': () =>
    [
      'ARG G=1',
      'FROM alpine:3.19 AS a0',
      'ARG P0',
      'RUN echo $P0 $G',
      'FROM alpine:3.19 AS b0',
      'ARG Q0',
      'RUN --mount=type=secret,id=s0 echo $Q0',
      ...range(11).flatMap((j) => {
        const i = j + 1;
        return ['a', 'b'].flatMap((s) => [
          `FROM alpine:3.19 AS ${s}${i}`,
          `ARG ${s.toUpperCase()}${i}=v`,
          `# doc ${s}${i}`,
          `ARG D${s}${i}`,
          // Ids of their own: an id mounted in two stages is outlined at the one upstream walks first, and
          // upstream walks a stage's sources in Go's random map order.
          `RUN --mount=type=secret,id=x${s}${i} --mount=type=ssh,id=k${s}${i} echo $${s.toUpperCase()}${i} $D${s}${i}`,
          `COPY --from=a${i - 1} /a /a`,
          `COPY --from=b${i - 1} /b /b`,
        ]);
      }),
      'FROM b11 AS final',
      'RUN --mount=from=a11,target=/m true',
    ].join('\n') + '\n',
};

/** A new directory holding the files (NAME.Dockerfile). */
export function writeDeepGraphs(): string {
  const dir = tempDir('deep-graphs-');
  for (const [name, make] of Object.entries(DEEP_GRAPHS)) writeFileSync(join(dir, `${name}.Dockerfile`), make());
  return dir;
}
