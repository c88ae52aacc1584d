# .dockerignore \😀: Go's regexp refuses the escape: the pattern matches nothing
# parity: --dockerignore testdata/go-semantics/dockerignore-escaped-nonascii.dockerignore
FROM busybox
COPY 😀 /
