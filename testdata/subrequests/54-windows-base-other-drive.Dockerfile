ARG WIN=windows/amd64
FROM --platform=$WIN docker.io/example/windows-d-drive:1 AS base
RUN dir
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS ok
COPY a.txt C:\x
