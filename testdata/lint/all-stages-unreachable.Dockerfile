FROM alpine:3.19 AS unused
ENV A b
FROM busybox:latest
RUN true
