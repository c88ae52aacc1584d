# parity: --platform linux/amd64,linux/386
FROM alpine:3.19
ARG TARGETARCH TARGETPLATFORM
RUN echo $TARGETARCH > /arch
LABEL platform=$TARGETPLATFORM
