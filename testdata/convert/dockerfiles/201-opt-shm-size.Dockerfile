# parity: --opt shm-size=67108864
FROM alpine:3.19
RUN --mount=type=tmpfs,target=/t df /dev/shm
