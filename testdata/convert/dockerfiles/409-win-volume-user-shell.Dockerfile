# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
VOLUME C:\data
VOLUME ["C:\\logs", "/var/log", "d:"]
USER ContainerAdministrator
SHELL ["powershell", "-Command"]
RUN Write-Host $env:PATH
CMD ["C:\\app\\app.exe"]
ENTRYPOINT C:\app\app.exe
