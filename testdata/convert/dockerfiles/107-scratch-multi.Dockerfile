# parity: --platform linux/amd64,linux/arm64
FROM scratch
COPY x /x
