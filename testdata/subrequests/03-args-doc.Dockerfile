# VERSION the version to build
ARG VERSION=1.0.0
# GOOS target operating system
ARG GOOS=linux

FROM golang:1.22 AS build
ARG VERSION
ARG GOOS
# CGO_ENABLED whether to use cgo
ARG CGO_ENABLED=0
RUN GOOS=$GOOS CGO_ENABLED=$CGO_ENABLED go build -ldflags "-X main.version=$VERSION" -o /app .

FROM scratch
COPY --from=build /app /app
