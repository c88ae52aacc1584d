FROM busybox:latest AS build
