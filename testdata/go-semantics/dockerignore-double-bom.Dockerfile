# parity: --dockerignore testdata/go-semantics/dockerignore-double-bom.dockerignore
# .dockerignore starting with two BOMs: ignorefile.ReadAll trims one from the first line
FROM busybox
COPY . /x
