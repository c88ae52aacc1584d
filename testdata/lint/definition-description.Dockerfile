# check=experimental=InvalidDefinitionDescription

# this is the base stage
FROM alpine:3.19 AS base
# some arg
ARG FOO=1
