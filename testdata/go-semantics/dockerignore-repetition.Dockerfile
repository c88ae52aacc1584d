# .dockerignore a{2}*: patternmatcher does not escape { }: a repetition in the regexp
# parity: --dockerignore testdata/go-semantics/dockerignore-repetition.dockerignore
FROM busybox
COPY aa /
