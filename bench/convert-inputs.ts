// Inputs of the converter benchmark (bench/convert.ts): a typical multi-stage
// Dockerfile, a large generated one, and the image-metadata table both
// converters resolve base images from.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Base images the Dockerfiles use; all are in testdata/convert/image-metadata.json. */
export const BASE_IMAGES = ['alpine:3.19', 'debian:bookworm', 'golang:1.22', 'node:20', 'ubuntu:22.04', 'busybox:latest'];

/** The image-metadata table (JSON text) with exactly the base images above. */
export function imageMetadata(): string {
  const all = JSON.parse(readFileSync(join('testdata', 'convert', 'image-metadata.json'), 'utf8')) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const b of BASE_IMAGES) {
    const key = `docker.io/library/${b}`;
    if (all[key] === undefined) throw new Error(`image metadata has no ${key}`);
    out[key] = all[key];
  }
  return JSON.stringify(out, null, 2) + '\n';
}

/** A typical 40-line multi-stage Dockerfile (a Go service with a web front end). */
export const TYPICAL = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG NODE_VERSION=20

FROM golang:\${GO_VERSION} AS base
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-mod=mod
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download

FROM base AS build
ARG TARGETOS TARGETARCH
ARG VERSION=dev
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \\
    --mount=type=cache,target=/root/.cache/go-build \\
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -ldflags "-X main.version=$VERSION" -o /out/server ./cmd/server

FROM base AS test
RUN --mount=type=cache,target=/go/pkg/mod go test ./...

FROM node:\${NODE_VERSION} AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ ./
RUN npm run build

FROM alpine:3.19 AS final
RUN apk add --no-cache ca-certificates tzdata && adduser -D -u 10001 app
LABEL org.opencontainers.image.title="server" org.opencontainers.image.source="https://example.com/server"
COPY --from=build /out/server /usr/local/bin/server
COPY --from=web --chown=app:app /web/dist /srv/www
ENV LISTEN=:8080 STATIC_DIR=/srv/www
EXPOSE 8080
USER app
WORKDIR /home/app
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q -O- http://localhost:8080/health || exit 1
ENTRYPOINT ["/usr/local/bin/server"]
CMD ["--log-level=info"]
`;

/** A deterministic pseudo-random sequence (LCG), so every run generates the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A Dockerfile of `stages` stages and exactly `instructions` instructions.
 * Stages start from a base image or an earlier stage and `COPY --from` (or
 * `RUN --mount=from=`) random earlier stages; the last stage copies from every
 * stage nothing else uses, so the whole file is reachable from the target.
 */
export function generateLarge(stages = 200, instructions = 5000, seed = 7): string {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const earlier = (i: number): number => Math.floor(rand() * i);
  const used = new Set<number>();
  const lines: string[] = ['# generated: converter benchmark', 'ARG REGISTRY_MIRROR=docker.io', 'ARG GLOBAL_VERSION=1.0.0'];
  let count = 2;
  const perStage = Math.floor((instructions - count) / stages);
  for (let s = 0; s < stages; s++) {
    const last = s === stages - 1;
    const body: string[] = [];
    if (s > 0 && rand() < 0.3) {
      const from = earlier(s);
      used.add(from);
      body.push(`FROM s${from} AS s${s}`);
    } else {
      body.push(`FROM ${pick(BASE_IMAGES)} AS s${s}`);
    }
    body.push(`ARG GLOBAL_VERSION`, `ARG STAGE_OPT_${s}=opt-${s}`);
    const budget = last ? instructions - count - 0 : perStage;
    const tail: string[] = [];
    if (last) {
      for (let k = 0; k < s; k++) if (!used.has(k)) tail.push(`COPY --from=s${k} /out/ /collected/s${k}/`);
      tail.push('ENTRYPOINT ["/usr/local/bin/app"]');
    }
    while (body.length + tail.length < budget) {
      const n = body.length;
      const r = rand();
      if (s > 0 && r < 0.2) {
        const from = earlier(s);
        used.add(from);
        body.push(`COPY --from=s${from} --chown=1000:1000 /out/file${from} /in/s${from}/`);
      } else if (s > 0 && r < 0.26) {
        const from = earlier(s);
        used.add(from);
        body.push(`RUN --mount=type=bind,from=s${from},source=/out,target=/mnt/s${from} cp -r /mnt/s${from} /work/s${from}-${n}`);
      } else if (r < 0.45) {
        body.push(`RUN set -e; echo "stage ${s} step ${n} $GLOBAL_VERSION $STAGE_OPT_${s}" > /out/file${s} && mkdir -p /work/${n}`);
      } else if (r < 0.52) {
        body.push(`RUN --mount=type=cache,target=/root/.cache,id=c${s % 7} --mount=type=secret,id=token build-step ${n}`);
      } else if (r < 0.62) {
        body.push(`ENV PATH=/opt/s${s}/bin:$PATH VAR_${s}_${n}="v-${n} \${STAGE_OPT_${s}}"`);
      } else if (r < 0.7) {
        body.push(`ARG A_${s}_${n}=\${GLOBAL_VERSION}-${n}`);
      } else if (r < 0.78) {
        body.push(`WORKDIR /work/s${s}/d${n % 5}`);
      } else if (r < 0.86) {
        body.push(`COPY src/component${n % 13}/ ./component${n % 13}/`);
      } else if (r < 0.9) {
        body.push(`ADD --chmod=644 assets/a${n % 11}.txt /assets/`);
      } else if (r < 0.93) {
        body.push(`LABEL stage.s${s}.n${n}="value ${n}"`);
      } else if (r < 0.95) {
        body.push(`USER ${1000 + (n % 3)}`);
      } else if (r < 0.97) {
        body.push(`EXPOSE ${8000 + n}/tcp`);
      } else {
        body.push(`SHELL ["/bin/sh", "-eu", "-c"]`);
      }
    }
    lines.push('', ...body, ...tail);
    count += body.length + tail.length;
  }
  const text = lines.join('\n') + '\n';
  if (count !== instructions) throw new Error(`generated ${count} instructions, wanted ${instructions}`);
  return text;
}
