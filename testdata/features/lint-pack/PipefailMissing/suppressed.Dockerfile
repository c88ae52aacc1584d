FROM alpine:3.19
# check=skip=PipefailMissing
RUN wget -qO- https://example.org/tool.tgz | tar xz
