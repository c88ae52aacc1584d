# parity: --target dev
FROM alpine:3.19 AS base
RUN apk add --no-cache curl

FROM base AS dev
RUN echo dev

FROM base AS prod
RUN echo prod
