# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY go C:/Program` Files/Go
COPY ["go", "C:\\Program Files\\Go\\"]
COPY a.txt b.txt C:\tools\
COPY a.txt relative\dir\
COPY a.txt .
COPY a.txt c:file.txt
COPY a.txt \abs\path
COPY a.txt /fwd/path/
WORKDIR C:\work
COPY a.txt sub\
COPY a.txt .\sub2\.
COPY a.txt ..\up\
COPY a.txt C:\
COPY a.txt \
