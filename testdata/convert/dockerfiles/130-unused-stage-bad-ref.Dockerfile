FROM busybox:latest AS unused
FROM alpine:3.19
RUN true
