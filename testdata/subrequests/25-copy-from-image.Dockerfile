FROM alpine:3.19 AS builder
# B builder arg
ARG B=b

FROM scratch
COPY --from=alpine:3.20 /etc/os-release /os-release
COPY --from=builder /bin/sh /sh
