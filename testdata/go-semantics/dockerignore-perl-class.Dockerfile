# .dockerignore \d*: an escaped letter keeps its regexp meaning: \d is a digit
# parity: --dockerignore testdata/go-semantics/dockerignore-perl-class.dockerignore
FROM busybox
COPY 1x /
