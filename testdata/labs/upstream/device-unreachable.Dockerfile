FROM busybox AS other
RUN --device=vendor1.com/device=foo true
FROM busybox
RUN echo main
