# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
ONBUILD WORKDIR C:\onbuild
ONBUILD COPY a.txt sub\
FROM base
RUN dir
