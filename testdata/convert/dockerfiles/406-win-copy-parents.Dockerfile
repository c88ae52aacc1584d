# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --parents src\pkg\a.go C:\out\
COPY --parents src/./pkg/b.go C:\work\
COPY --parents src\.\pkg\c.go C:\work\
COPY --parents .\x\*.txt /y/
COPY --parents C:\abs\./d.txt /z/
