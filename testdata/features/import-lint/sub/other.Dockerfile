from busybox:latest as Build
MAINTAINER me
RUN echo $NOPE
FROM build
