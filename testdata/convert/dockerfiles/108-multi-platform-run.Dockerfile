# parity: --platform linux/amd64,linux/arm64
FROM alpine:3.19
RUN uname -m
WORKDIR /app
COPY . .
