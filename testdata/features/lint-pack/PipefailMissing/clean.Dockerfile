FROM alpine:3.19
RUN set -o pipefail && wget -qO- https://example.org/tool.tgz | tar xz
FROM debian:bookworm AS bash
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.org | sh
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS windows
SHELL ["powershell", "-Command"]
RUN Get-ChildItem | Select-Object Name
