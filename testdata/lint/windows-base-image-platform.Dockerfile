FROM golang:1.22-windowsservercore-ltsc2022
WORKDIR src
RUN go version
