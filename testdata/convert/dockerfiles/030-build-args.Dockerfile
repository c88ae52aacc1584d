# parity: --build-arg VERSION=2.5 --build-arg UNUSED=x
FROM alpine:3.19
ARG VERSION=1.0
RUN echo $VERSION
