FROM busybox:latest AS tools
RUN true

FROM ./a.Dockerfile AS base
