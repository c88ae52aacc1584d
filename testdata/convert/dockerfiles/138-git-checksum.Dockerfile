FROM alpine:3.19
ADD --checksum=782fa1c7a1c2e2d2e5f3e42b1dbe2a0b5f2b4e10 https://github.com/moby/buildkit.git#v0.13.0 /bk
