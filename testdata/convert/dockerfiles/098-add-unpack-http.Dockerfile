FROM alpine:3.19
ADD --unpack=true https://example.com/x.tar.gz /x/
