# escape=`
# parity: --platform windows/amd64 --target build
ARG BASE=mcr.microsoft.com/windows/servercore:ltsc2022
FROM ${BASE} AS build
ARG TARGETOS
ARG TARGETPLATFORM
WORKDIR C:\${TARGETOS}
COPY a.txt .\$TARGETOS\
RUN echo %TARGETPLATFORM%
FROM build AS unused
WORKDIR D:\never
