# COPY --from=<index> counts the images COPY --from names among the stages
# (upstream's findStateByIndex over every dispatch state): index 2 is the
# golang image the first stage copies from, not an invalid stage index.
FROM alpine:3.19 AS a
COPY --from=golang:1.22 /x /x

FROM alpine:3.19
ARG V=1
RUN --mount=type=secret,id=s echo $V
COPY --from=2 /y /y
