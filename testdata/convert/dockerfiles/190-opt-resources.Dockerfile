# parity: --opt memory=1073741824 --opt memswap=-1 --opt cpushares=512 --opt cpuperiod=100000 --opt cpuquota=50000 --opt cpusetcpus=0-1,3 --opt cpusetmems=0
FROM alpine:3.19 AS build
RUN echo a > /a
WORKDIR /src
COPY . .
FROM build
RUN --mount=type=cache,target=/c ls /c
