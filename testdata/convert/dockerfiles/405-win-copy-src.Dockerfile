# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS build
COPY src\app\main.go C:\out\
COPY .\src\*.go /out/
COPY C:\ctx\file.txt /out/
COPY src/../x/./y.txt /out/
COPY c:relative\z.txt C:\out\
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=build C:\out\ C:\app\
COPY --from=build \out\main.go \app\main.go
COPY --from=mcr.microsoft.com/windows/servercore:ltsc2022 C:\Windows\System32\where.exe C:\Windows\System32\
ADD --chown=ContainerUser src\archive.tar.gz C:\extract\
ADD https://example.com/tools/tool.zip C:\tools\
ADD --chmod=755 bin\tool.exe C:\tools\tool.exe
