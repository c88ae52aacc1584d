# escape=`
ARG WIN=windows/amd64
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022 AS build
WORKDIR D:\data
RUN dir
FROM --platform=$WIN mcr.microsoft.com/windows/servercore:ltsc2022
COPY --from=build C:\x C:\y
