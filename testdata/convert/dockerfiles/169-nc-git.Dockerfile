# parity: --opt context:repo=https://github.com/moby/buildkit.git#v0.12.0:frontend --opt context:ssh=git@github.com:moby/buildkit.git --opt context:opts=git://github.com/moby/buildkit?ref=main&keep-git-dir=true&subdir=docs
FROM alpine:3.19
COPY --from=repo / /src/frontend
COPY --from=ssh /README.md /README.md
COPY --from=opts / /docs
