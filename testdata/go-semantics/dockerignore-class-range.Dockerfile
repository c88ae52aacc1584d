# .dockerignore [a-z]*.log: a class range passes into Go's regexp as a range
# parity: --dockerignore testdata/go-semantics/dockerignore-class-range.dockerignore
FROM busybox
COPY m.log /
