# escape=`
ARG WIN=windows/amd64
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR \\server\share
