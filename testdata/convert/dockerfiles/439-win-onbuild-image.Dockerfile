# escape=`
# parity: --platform windows/amd64
FROM docker.io/example/windows-onbuild:1
COPY b.txt .
