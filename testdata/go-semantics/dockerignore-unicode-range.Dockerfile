# .dockerignore [é-ë]: a class range of non-ASCII runes
# parity: --dockerignore testdata/go-semantics/dockerignore-unicode-range.dockerignore
FROM busybox
COPY ê /
