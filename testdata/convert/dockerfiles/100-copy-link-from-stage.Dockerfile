FROM busybox:latest AS b
RUN echo x > /x

FROM alpine:3.19
COPY --link --from=b /x /x
COPY --link --chown=1:1 y /y
