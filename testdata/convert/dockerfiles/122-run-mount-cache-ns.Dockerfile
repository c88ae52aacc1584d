# parity: --build-arg BUILDKIT_CACHE_MOUNT_NS=myns
FROM alpine:3.19
RUN --mount=type=cache,target=/cache ls
