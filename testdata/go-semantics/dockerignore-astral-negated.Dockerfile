# .dockerignore [^a]: a negated class takes one rune, astral too
# parity: --dockerignore testdata/go-semantics/dockerignore-astral-negated.dockerignore
FROM busybox
COPY 😀 /
