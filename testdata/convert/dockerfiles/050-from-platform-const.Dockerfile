FROM --platform=linux/arm64 alpine:3.19 AS arm
RUN uname -m

FROM alpine:3.19
COPY --from=arm /etc/os-release /arm-os-release
