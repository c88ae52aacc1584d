# parity: --platform windows/amd64
FROM scratch
WORKDIR D:\data
