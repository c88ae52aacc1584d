FROM alpine:3.19
ADD https://github.com/moby/buildkit.git?keep-git-dir=true&tag=v0.13.0 /bk
