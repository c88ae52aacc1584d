# parity: --platform windows/amd64
FROM docker.io/example/windows-d-drive:1
RUN dir
