FROM golang:1.22
RUN --mount=type=cache,target=/root/.cache/go-build go build ./...
RUN --mount=type=cache,id=mod,target=/go/pkg/mod,sharing=locked go mod download
RUN --mount=type=cache,target=/var/cache/apt,sharing=private,mode=0777,uid=100,gid=101 ls
