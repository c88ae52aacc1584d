// The generated 10-stage Dockerfile of the whole-build benchmarks
// (bench/e2e.ts, bench/build.ts): each stage copies the previous stage's file
// and adds a line to it; BUST (a build arg) reaches the first RUN.
export const STAGES = 10;

export function benchDockerfile(): string {
  const lines = [
    'FROM busybox AS s0',
    'ARG BUST=0',
    'LABEL bench.stage=0',
    'RUN echo "bust=$BUST" > /s0 && echo stage 0 >> /s0',
  ];
  for (let i = 1; i < STAGES; i++) {
    lines.push(
      '',
      `FROM busybox AS s${i}`,
      `ENV STAGE=${i} PATH=/usr/local/bin:/usr/bin:/bin`,
      `WORKDIR /w${i}`,
      `COPY --from=s${i - 1} /s${i - 1} ./prev`,
      `RUN cat prev > /s${i} && echo "stage $STAGE" >> /s${i}`,
      `LABEL bench.stage=${i}`,
    );
  }
  lines.push('', `FROM s${STAGES - 1}`, 'CMD ["cat", "/s9"]', '');
  return lines.join('\n');
}

