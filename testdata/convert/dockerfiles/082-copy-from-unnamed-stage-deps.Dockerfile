FROM alpine:3.19
RUN echo a > /a

FROM busybox:latest
RUN echo b > /b

FROM scratch
COPY --from=0 /a /a
COPY --from=1 /b /b
