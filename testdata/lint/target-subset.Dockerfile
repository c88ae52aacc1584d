FROM alpine:3.19 AS a
MAINTAINER a
FROM alpine:3.19 AS b
MAINTAINER b
FROM alpine:3.19 AS c
MAINTAINER c
# lint-args: --target b
