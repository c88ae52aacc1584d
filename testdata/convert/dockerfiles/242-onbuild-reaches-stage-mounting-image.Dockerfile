# An ONBUILD COPY --from reaches a stage that was unreachable when images were resolved;
# that stage mounts an image, which upstream then uses unresolved (zero config).
FROM alpine:3.19 AS assets
RUN --mount=from=busybox,target=/b echo asset > /asset

FROM example/onbuild-copy:1
RUN ls
