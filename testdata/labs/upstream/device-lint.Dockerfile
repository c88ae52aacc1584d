FROM busybox as build
RUN --device=vendor1.com/device=$UNDEFINED_DEV true
MAINTAINER someone
FROM build
CMD a
CMD b
