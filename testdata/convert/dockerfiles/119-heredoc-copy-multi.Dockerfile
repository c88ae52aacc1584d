FROM alpine:3.19
COPY <<one <<two /dest/
first
one
second
two
