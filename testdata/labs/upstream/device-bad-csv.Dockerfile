FROM busybox
RUN --device='a.com/b="c true
