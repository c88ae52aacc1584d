FROM busybox
COPY --optional config.local.yaml /etc/app/
