# check=skip=all;experimental=InvalidDefinitionDescription
# wrong
FROM alpine:3.19 AS base
