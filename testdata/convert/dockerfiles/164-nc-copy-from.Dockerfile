# parity: --opt context:ghcr.io/example/tool:1.0=docker-image://busybox --opt context:tools=docker-image://ghcr.io/example/tool:1.0
FROM alpine:3.19
COPY --from=ghcr.io/example/tool:1.0 /bin/tool /usr/bin/tool
COPY --from=tools /opt/tool /opt/tool
COPY --from=busybox /bin/busybox /bin/busybox
