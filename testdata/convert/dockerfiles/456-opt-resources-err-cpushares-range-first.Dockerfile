# parity: --opt cpushares=18446744073709551616x
# strconv.ParseUint stops at the digit that overflows, before the bad character.
FROM alpine:3.19
RUN true
