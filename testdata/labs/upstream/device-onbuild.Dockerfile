FROM busybox AS trig
ONBUILD RUN --device=vendor1.com/device=foo,required ls /dev
FROM trig
RUN echo after
