FROM busybox
RUN --device=vendor1.com/device=foo,requird=true true
