FROM --platform=linux/amd64 alpine:3.19 AS build-amd64
RUN true
