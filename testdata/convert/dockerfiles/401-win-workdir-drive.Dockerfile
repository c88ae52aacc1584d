# escape=`
# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\go
WORKDIR src\app
WORKDIR ..\lib
WORKDIR c:\Users\Public\
WORKDIR /app
WORKDIR C:/data/./x/../y
WORKDIR C:relative\dir
WORKDIR \abs\.\dir\..
WORKDIR C:\
RUN cd
