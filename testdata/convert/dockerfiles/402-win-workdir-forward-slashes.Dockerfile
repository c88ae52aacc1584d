# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR /app
WORKDIR src
WORKDIR C:/tools/bin/
WORKDIR ../lib
WORKDIR /
RUN cd
