# parity: --platform windows/amd64
FROM scratch
COPY x C:
