FROM alpine:3.19 AS base
RUN true
FROM busybox:latest AS base
RUN true
