FROM alpine:3.19
COPY https://github.com/moby/buildkit.git /bk
