# parity: --build-arg http_proxy=http://a --build-arg HTTP_PROXY=http://b --build-arg ALL_PROXY=socks5://c
FROM alpine:3.19
RUN env
