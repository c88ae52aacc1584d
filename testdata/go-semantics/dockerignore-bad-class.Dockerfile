# .dockerignore []a]: filepath.Match refuses it, so patternmatcher.New fails the build
# parity: --dockerignore testdata/go-semantics/dockerignore-bad-class.dockerignore
FROM busybox
COPY a /
