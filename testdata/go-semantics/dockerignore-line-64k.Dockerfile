# parity: --dockerignore testdata/go-semantics/dockerignore-line-64k.dockerignore
# .dockerignore with a line of 65,536 bytes: ignorefile.ReadAll's bufio.Scanner fails ("token too long")
FROM busybox
COPY . /x
