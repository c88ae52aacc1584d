# escape=`
FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win
WORKDIR C:\app
COPY a.txt .\data\
FROM busybox:latest
WORKDIR C:\x
COPY --from=win C:\app\data\a.txt C:\dst\
COPY --from=win /app/data/a.txt /dst/
