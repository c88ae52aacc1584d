FROM --platform=linux/arm64 debian:bookworm
RUN true
