# Lint output with 29 warnings and a build error: Go's sort.Slice order of the
# warnings that share a line (its pdqsort is not stable past 12 elements).
FROM busybox AS first
FROM busybox AS s3
EXPOSE 80/tcp 443/UDP
user root
RUN echo $undefinedvar2
RUN echo $undefinedvar2
FROM $BASE0
FROM $BASE0
EXPOSE 80/tcp 443/UDP
RUN echo $undefinedvar3
CMD echo a
from busybox AS s1
ENTRYPOINT echo b
user root
FROM busybox as Stage0
FROM busybox as Stage2
RUN echo $undefinedvar0
HEALTHCHECK CMD true
HEALTHCHECK CMD false
CMD echo a
ONBUILD RUN x
expose 80/TCP
user root
ENV b1=1
FROM busybox as Stage1
ARG BASE1
CMD ["a"]
FROM busybox AS s1
RUN --mount=type=secret,id=s true
ENV PASSWORD2=x
FROM busybox as Stage0
RUN cd /x
user root
user root
EXPOSE 80/tcp 443/UDP
FROM busybox as Stage0
from busybox AS s0
ENV PASSWORD1=x
EXPOSE 80/tcp 443/UDP
from busybox AS s0
