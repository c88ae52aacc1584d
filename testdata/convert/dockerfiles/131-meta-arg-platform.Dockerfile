ARG PLAT=linux/arm64
FROM --platform=$PLAT alpine:3.19
RUN uname -m
