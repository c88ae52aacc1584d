# escape=`
# parity: --platform windows/amd64
FROM docker.io/example/windows-root-workdir:1 AS root
COPY a.txt .
WORKDIR app
FROM docker.io/example/windows-slash-workdir:1
COPY a.txt .
WORKDIR ..\other
RUN echo hi
COPY --from=root C:\app\ .
