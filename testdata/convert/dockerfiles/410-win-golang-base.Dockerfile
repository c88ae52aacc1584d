# escape=`
# parity: --platform windows/amd64
FROM golang:1.22-windowsservercore-ltsc2022
COPY . .
RUN go build -o C:\out\app.exe .
WORKDIR bin
COPY app.exe .
