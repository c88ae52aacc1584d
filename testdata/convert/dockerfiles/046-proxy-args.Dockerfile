# parity: --build-arg HTTP_PROXY=http://proxy:3128 --build-arg no_proxy=localhost
FROM alpine:3.19
RUN wget http://example.com
