FROM alpine:3.19
ADD git@github.com:moby/buildkit.git#main /src
