FROM alpine:3.19
COPY --from=busybox:latest /bin/busybox /bin/busybox
