# parity: --dockerignore testdata/go-semantics/dockerignore-invalid-utf8.dockerignore
# .dockerignore bytes that are no UTF-8 stay bytes in Go: json.Marshal writes each as \ufffd in the exclude patterns
# check=experimental=all
FROM busybox
COPY aÿb /x
COPY foo /y
