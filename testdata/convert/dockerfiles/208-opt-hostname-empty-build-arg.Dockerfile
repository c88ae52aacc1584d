# parity: --opt hostname=fromopt --build-arg BUILDKIT_SANDBOX_HOSTNAME=
FROM alpine:3.19
RUN hostname
