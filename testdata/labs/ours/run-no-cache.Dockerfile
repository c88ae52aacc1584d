FROM busybox
RUN --no-cache date > /built-at
