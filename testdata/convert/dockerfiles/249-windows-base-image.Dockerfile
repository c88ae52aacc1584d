FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS nano
WORKDIR app
COPY app.exe .\bin\
RUN app.exe /install

FROM example/windows-app:1
WORKDIR data
COPY --from=nano C:\app\bin\app.exe .
RUN Write-Output $env:PATH
