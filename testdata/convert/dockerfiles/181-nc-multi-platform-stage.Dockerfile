# parity: --platform linux/amd64,linux/386 --opt context:build::linux/386=docker-image://busybox --opt context:golang:1.22=local:gosrc --opt context:tools::linux/386=docker-image://busybox
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
RUN go build -o /out/app .
FROM alpine:3.19 AS tools
RUN apk add git
FROM alpine:3.19
COPY --from=build /out/app /app
COPY --from=tools /usr/bin/git /usr/bin/git
