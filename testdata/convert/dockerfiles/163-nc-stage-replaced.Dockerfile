# parity: --opt context:build=docker-image://ghcr.io/example/tool:1.0
FROM golang:1.22 AS build
RUN go build -o /out/app .

FROM alpine:3.19
COPY --from=build /out/app /usr/bin/app
RUN --mount=from=build,source=/out,target=/mnt ls /mnt
