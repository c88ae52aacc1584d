# escape=`
# parity: --platform windows/amd64 --build-arg SOURCE_DATE_EPOCH=1700000000 --build-arg DEST=C:\dest
FROM golang:1.22-windowsservercore-ltsc2022
ARG DEST
ARG SUB=pkg
WORKDIR $GOPATH\src\${SUB}
COPY a.txt ${DEST}\
COPY a.txt ${MISSING:-C:\default}\
COPY a.txt $GOPATH\bin\.
WORKDIR ${DEST:+C:\alt}
RUN echo %GOPATH%
