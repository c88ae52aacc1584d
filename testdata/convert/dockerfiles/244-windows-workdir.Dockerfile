# parity: --platform windows/amd64
FROM scratch
WORKDIR C:\go
WORKDIR sub\dir
RUN echo in %CD%
WORKDIR c:/Program Files/Tool
WORKDIR /app
WORKDIR ..\other
