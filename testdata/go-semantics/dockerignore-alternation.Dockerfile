# .dockerignore *.log|*.tmp: patternmatcher does not escape |: an alternation in the regexp
# parity: --dockerignore testdata/go-semantics/dockerignore-alternation.dockerignore
FROM busybox
COPY a.tmp /
