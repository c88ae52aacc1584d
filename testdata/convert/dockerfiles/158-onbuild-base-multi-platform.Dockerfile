# parity: --platform linux/amd64,linux/arm64
FROM alpine:3.19 AS assets
RUN echo asset > /asset

FROM example/onbuild-copy:1
RUN ls
