FROM alpine:3.19
ADD archive.tar.gz /opt/
ADD --unpack=false archive.tar.gz /raw/
