FROM alpine:3.19
RUN --mount=type=ssh,source=/x ls
