# parity: --platform linux/arm64
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETPLATFORM BUILDPLATFORM
RUN echo building on $BUILDPLATFORM for $TARGETPLATFORM

FROM scratch
COPY --from=build /go/bin /bin
