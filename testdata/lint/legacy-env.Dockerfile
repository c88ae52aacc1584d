FROM alpine:3.19
ENV FOO bar baz
