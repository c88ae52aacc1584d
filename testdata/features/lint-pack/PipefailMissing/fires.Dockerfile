FROM alpine:3.19
RUN wget -qO- https://example.org/tool.tgz \
    | tar xz
