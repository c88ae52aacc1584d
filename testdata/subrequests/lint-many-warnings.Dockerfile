# Lint output with more than 12 warnings, several on one line: upstream
# prints them in the order Go's sort.Slice (which is not stable) leaves them.
FROM alpine:3.19 as Stage0
MAINTAINER me
ENV a 1
expose 80/TCP
FROM alpine:3.19 as Stage1
ENV PASSWORD=x
workdir rel
FROM alpine:3.19 as Stage2
CMD echo a
CMD echo b
ENTRYPOINT echo c
FROM alpine:3.19 as Stage3
user root
FROM alpine:3.19 as Stage0
ENV b 2
expose 81/UDP
