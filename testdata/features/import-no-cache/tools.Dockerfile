FROM busybox AS fresh
RUN --no-cache date > /stamp
