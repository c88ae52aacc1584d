# escape=`
FROM --platform=windows/amd64 scratch
WORKDIR C:\x
WORKDIR \
COPY a.txt C:\y\
