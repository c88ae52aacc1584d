FROM --platform=linux/amd64 alpine:3.19 AS build
RUN true
