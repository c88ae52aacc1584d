# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
HEALTHCHECK --interval=30s CMD C:\health.exe --check
CMD C:\app\app.exe --serve
SHELL ["powershell", "-NoProfile", "-Command"]
RUN Get-ChildItem C:\
ENTRYPOINT C:\app\entry.ps1
STOPSIGNAL SIGTERM
EXPOSE 8080/tcp
LABEL path="C:\app"
