FROM --platform=linux/arm64 alpine:3.19 AS arm64
RUN true
