FROM alpine:3.19
RUN --mount=from=busybox:latest,target=/bb ls /bb
