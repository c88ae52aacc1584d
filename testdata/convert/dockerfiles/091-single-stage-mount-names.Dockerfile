FROM alpine:3.19
RUN --mount=type=tmpfs,target=/t ls
COPY a /a
