# A1 for a
ARG A1=a1
# B1 for b
ARG B1=b1

# stage a
FROM alpine:3.19 AS a
ARG A1
RUN --mount=type=secret,id=sa ls

# stage b
FROM alpine:3.19 AS b
ARG B1
RUN --mount=type=ssh,id=sb ls

# stage c uses a
FROM alpine:3.19 AS c
COPY --from=a /x /x
ARG C1=c1

# stage d uses b and c
FROM scratch AS d
COPY --from=c /x /x
COPY --from=b /y /y
