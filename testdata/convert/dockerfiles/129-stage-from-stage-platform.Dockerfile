# parity: --platform linux/arm64
FROM alpine:3.19 AS base
RUN echo base
FROM base
RUN echo derived
