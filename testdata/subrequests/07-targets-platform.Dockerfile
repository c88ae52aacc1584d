FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS
ARG TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM --platform=linux/amd64 alpine:3.19 AS amd
COPY --from=build /out/app /app

FROM scratch AS final
COPY --from=build /out/app /app
