FROM --platform=$BUILDPLATFORM alpine:3.19 AS build
RUN true
