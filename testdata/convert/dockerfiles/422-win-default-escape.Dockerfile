# parity: --platform windows/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\\go\\src
COPY a.txt C:\\Program\ Files\\Go\\
COPY ["a.txt", "C:\\tools\\"]
RUN echo C:\\go
