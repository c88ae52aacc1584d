# parity: --platform linux/amd64,linux/386
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS TARGETARCH BUILDPLATFORM
WORKDIR /src
COPY . .
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM alpine:3.19
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["app"]
