FROM alpine:3.19 AS a
RUN --mount=type=ssh ls
FROM a AS b
RUN --mount=type=ssh,required ls
RUN --mount=type=ssh,id=gh ls
