FROM alpine:3.19
ADD https://github.com/moby/buildkit.git#v0.12.0 /buildkit
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#master:docs /docs
ADD https://github.com/example/repo.git?ref=main&subdir=sub&submodules=false /repo
