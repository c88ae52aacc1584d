# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
ENV GOPATH=C:\gopath `
    APPDIR="C:\Program Files\App"
WORKDIR $GOPATH\src
COPY src\main.go .\cmd\
COPY ["config\\settings.json", "$APPDIR\\settings.json"]
WORKDIR ${APPDIR}
RUN dir `
    && echo done
