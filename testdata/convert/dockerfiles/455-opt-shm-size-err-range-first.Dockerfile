# parity: --opt shm-size=99999999999999999999x
# strconv.ParseInt stops at the digit that overflows, before the bad character.
FROM alpine:3.19
RUN true
