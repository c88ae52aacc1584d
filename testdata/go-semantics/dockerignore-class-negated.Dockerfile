# .dockerignore [^a]pp.log: [^...] is a negated class to Go's regexp
# parity: --dockerignore testdata/go-semantics/dockerignore-class-negated.dockerignore
FROM busybox
COPY bpp.log /
