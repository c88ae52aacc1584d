FROM busybox:latest AS unused
RUN echo never

FROM alpine:3.19
RUN echo final
