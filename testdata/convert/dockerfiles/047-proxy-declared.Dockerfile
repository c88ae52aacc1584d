# parity: --build-arg HTTP_PROXY=http://proxy:3128
FROM alpine:3.19
ARG HTTP_PROXY
RUN wget http://example.com
