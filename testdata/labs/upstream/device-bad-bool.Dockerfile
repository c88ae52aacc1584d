FROM busybox
RUN --device=vendor1.com/device=foo,required=maybe true
