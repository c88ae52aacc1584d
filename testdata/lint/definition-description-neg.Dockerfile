# check=experimental=all

# base is the base stage
FROM alpine:3.19 AS base
# FOO sets foo
ARG FOO=1

# unrelated comment

ARG BAR=2
