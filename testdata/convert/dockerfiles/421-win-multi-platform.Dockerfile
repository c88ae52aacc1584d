# escape=`
# parity: --platform linux/amd64,windows/amd64
FROM scratch
WORKDIR C:\app
COPY a.txt sub\
WORKDIR /
