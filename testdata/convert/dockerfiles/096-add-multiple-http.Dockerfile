FROM alpine:3.19
ADD https://example.com/a.txt https://example.com/b.txt /dl/
