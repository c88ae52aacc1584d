# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR /app
COPY a.txt //server/share/
