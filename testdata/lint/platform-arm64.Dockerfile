FROM alpine:3.19
RUN true
WORKDIR x
# lint-args: --platform linux/arm64
