# parity: --dockerignore testdata/go-semantics/dockerignore-line-64k-minus-1.dockerignore
# .dockerignore whose last line, with no newline, has 65,535 bytes: the longest bufio.Scanner reads
FROM busybox
COPY . /x
