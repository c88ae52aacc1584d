# An ONBUILD COPY --from reaches a stage that was unreachable when images were resolved;
# that stage copies from an image, which upstream then uses unresolved (zero config).
FROM alpine:3.19 AS assets
COPY --from=busybox /bin/busybox /bin/busybox
RUN echo asset > /asset

FROM example/onbuild-copy:1
RUN ls
