# parity: --platform linux/amd64,linux/arm64
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETARCH
RUN GOARCH=$TARGETARCH go build -o /app .

FROM alpine:3.19
COPY --from=build /app /app
