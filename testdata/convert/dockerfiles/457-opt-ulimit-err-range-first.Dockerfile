# parity: --opt ulimit=nofile=1:-99999999999999999999x
# A negative hard limit that overflows before its bad character.
FROM alpine:3.19
RUN true
