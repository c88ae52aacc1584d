FROM alpine:3.19 AS a
COPY --from=b /x /x

FROM alpine:3.19 AS b
COPY --from=a /y /y

FROM alpine:3.19 AS c
ARG C=1
