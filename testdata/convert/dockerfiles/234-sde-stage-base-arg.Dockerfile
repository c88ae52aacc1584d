# parity: --build-arg SOURCE_DATE_EPOCH=src --build-arg BASE=busybox
ARG BASE=scratch
FROM ${BASE} AS src
ADD https://example.com/a.tar.gz /a

FROM alpine:3.19
RUN true
