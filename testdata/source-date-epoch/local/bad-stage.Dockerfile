FROM busybox AS src
ARG URL
ADD ${URL} /

FROM busybox
RUN true
