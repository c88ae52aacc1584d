# .dockerignore [[:digit:]]*: POSIX classes of Go's regexp
# parity: --dockerignore testdata/go-semantics/dockerignore-posix-class.dockerignore
FROM busybox
COPY 1x /
