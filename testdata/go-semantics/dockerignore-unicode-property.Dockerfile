# .dockerignore \p{Greek}: \p{Greek} is a Unicode script class
# parity: --dockerignore testdata/go-semantics/dockerignore-unicode-property.dockerignore
FROM busybox
COPY α /
