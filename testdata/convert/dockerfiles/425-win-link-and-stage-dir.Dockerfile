# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS base
WORKDIR C:\base
FROM base
COPY --link a.txt rel\
COPY --link --chown=ContainerUser a.txt C:\linked\
WORKDIR sub
ADD --link https://example.com/x.zip .
