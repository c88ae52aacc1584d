FROM busybox:latest AS build
RUN true
